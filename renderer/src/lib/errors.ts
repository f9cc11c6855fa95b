/**
 * Turns anything an API call rejects with into the shared error shape, and that shape into
 * the words the UI shows.
 */
import { toErrorData, type FolioErrorData } from '../../../shared/errors';

/** Error shape for display. */
export function errorOf(err: unknown): FolioErrorData {
  return toErrorData(err);
}

/**
 * An error as the UI words it: the translated hint (what to do), preceded in English by the
 * core's own message, whose specifics ("photo.png is a PNG image") help. The core writes its
 * messages in English only, so other languages show the hint alone.
 */
export function errorText(e: FolioErrorData, hint: string, locale: string): string {
  if (locale !== 'en') return hint;
  // The message's own full stop, if any, would double the one added before the hint.
  const message = e.message.trim().replace(/[.。\s]+$/u, '');
  return message === '' ? hint : `${message}. ${hint}`;
}
