/**
 * Turns anything an API call rejects with into the shared error shape for display.
 */
import { toErrorData, type FolioErrorData } from '../../../shared/errors';

/** Error shape for display. */
export function errorOf(err: unknown): FolioErrorData {
  return toErrorData(err);
}
