/**
 * One `ipcMain.handle` per contract channel. Each handler drops untrusted senders, then hands the
 * payload to `dispatch`, which validates it against the shared schema before calling the service.
 * Nothing thrown crosses the boundary: Electron would forward only the message, so every outcome
 * is a `Result`.
 */
import { CHANNELS, type FolioMethod } from '../../shared/api';
import { type Result, toErrorData } from '../../shared/errors';

/** Validates `payload` and calls one service method (the core's `dispatch`, bound to the service). */
export type DispatchFn = (method: FolioMethod, payload: unknown) => Promise<Result<unknown>>;

/** The part of Electron's `ipcMain` the handlers use, generic in the event so tests pass fakes. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcHandlerDeps<E> {
  isTrusted: (event: E) => boolean;
  dispatch: DispatchFn;
  /** Told about refused senders (logging); never about payload contents. */
  onRefused?: (channel: string) => void;
}

const REFUSED: Result<never> = {
  ok: false,
  error: {
    code: 'INVALID_INPUT',
    message: 'Request refused: it did not come from the Folio window.',
  },
};

/** Every contract method name, in contract order. */
export const METHODS = Object.keys(CHANNELS) as FolioMethod[];

/** Handles one invocation: sender check, then dispatch; always resolves to a Result. */
export async function handleInvoke<E>(
  method: FolioMethod,
  event: E,
  args: unknown[],
  deps: IpcHandlerDeps<E>,
): Promise<Result<unknown>> {
  if (!deps.isTrusted(event)) {
    deps.onRefused?.(CHANNELS[method]);
    return REFUSED;
  }
  try {
    if (args.length > 1) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Expected one request object.' },
      };
    }
    return await deps.dispatch(method, args[0]);
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  }
}

/** Registers a handler for every channel; returns a function that removes them again. */
export function registerIpcHandlers<E>(ipc: IpcMainLike<E>, deps: IpcHandlerDeps<E>): () => void {
  for (const method of METHODS) {
    ipc.handle(CHANNELS[method], (event, ...args) => handleInvoke(method, event, args, deps));
  }
  return () => {
    for (const method of METHODS) ipc.removeHandler(CHANNELS[method]);
  };
}
