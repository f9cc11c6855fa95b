/**
 * Error codes shared by every face. Results cross process and HTTP boundaries as
 * `Result<T>` because Electron forwards only an error's message, not its fields.
 */

export const ERROR_CODES = [
  'EMPTY_FILE',
  'BINARY_FILE',
  'UNRECOGNISED_FORMAT',
  'NO_CONTENT',
  'TOO_LARGE',
  'UNREADABLE',
  'NOT_FOUND',
  'INVALID_INPUT',
  'INVALID_QUERY',
  'DUPLICATE',
  'LIBRARY_LOCKED',
  'LIBRARY_CORRUPT',
  'UNSUPPORTED',
  'EXPORT_FAILED',
  'IMAGES_NOT_FETCHED',
  'CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Serializable error shape. */
export interface FolioErrorData {
  code: ErrorCode;
  message: string;
}

/** An error with a stable code that the UI can act on. */
export class FolioError extends Error implements FolioErrorData {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FolioError';
    this.code = code;
  }

  toJSON(): FolioErrorData {
    return { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: FolioErrorData };

/** Converts anything thrown into the serializable error shape. */
export function toErrorData(err: unknown): FolioErrorData {
  if (err instanceof FolioError) return err.toJSON();
  if (isErrorData(err)) return { code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}

/** True for an object that already has the serializable error shape. */
export function isErrorData(value: unknown): value is FolioErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.message === 'string' &&
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code)
  );
}

/** Unwraps a Result, rethrowing its error as a FolioError. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  throw new FolioError(result.error.code, result.error.message);
}
