/**
 * Decides whether an IPC message may reach the core: only the main window's top frame, showing
 * our own renderer, is trusted. Anything else (a subframe, another window, a page that somehow
 * navigated away) is dropped, as VS Code and Fiddle do.
 */

/** The parts of a frame the check reads (Electron's `WebFrameMain`). */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** The parts of an IPC event the check reads (Electron's `IpcMainInvokeEvent`). */
export interface SenderEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

export interface TrustPolicy {
  /** The `webContents.id` of the main window, or null while there is none. */
  mainContentsId: () => number | null;
  /** Origins the renderer is served from, e.g. `app://folio`. */
  allowedOrigins: readonly string[];
}

/** The origin of a URL as the check compares it (`app://folio`, `file://`), or null if unparsable. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Custom schemes report origin "null" in Node's URL, so build it from its parts.
  if (parsed.protocol === 'file:') return 'file://';
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** True when the event comes from the main window's top frame at an allowed origin. */
export function isTrustedSender(event: SenderEventLike, policy: TrustPolicy): boolean {
  const mainId = policy.mainContentsId();
  if (mainId === null || event.sender.id !== mainId) return false;
  const frame = event.senderFrame;
  // A null frame means it navigated or was destroyed since sending: nothing to trust.
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && policy.allowedOrigins.includes(origin);
}
