/**
 * Locks down a window's web contents and its session: no navigation, no new windows, no
 * webviews, no permissions (bar clipboard writes from our own page). Links the user clicks
 * open in the system browser instead.
 */
import { openExternalSafely } from './external-links';

/** An event whose default action can be cancelled (Electron's `Event`). */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of `WebContents` the guards hook into. */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The parts of `Session` the guards configure. */
export interface GuardableSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
}

export interface GuardDeps {
  openExternal: (url: string) => Promise<void>;
  /** Reports a failure to open a link (the window keeps working either way). */
  onError?: (err: unknown) => void;
}

/** Handles a navigation request: always cancelled; an http(s) target opens externally instead. */
export function denyNavigation(event: PreventableEvent, url: string, deps: GuardDeps): void {
  event.preventDefault();
  openExternalSafely(url, deps.openExternal).catch((err: unknown) => deps.onError?.(err));
}

/** Handles `window.open` and target=_blank: never a new Electron window. */
export function denyWindowOpen(details: { url: string }, deps: GuardDeps): { action: 'deny' } {
  openExternalSafely(details.url, deps.openExternal).catch((err: unknown) => deps.onError?.(err));
  return { action: 'deny' };
}

/** Installs the navigation, new-window and webview guards on one window's contents. */
export function guardWebContents(contents: GuardableContents, deps: GuardDeps): void {
  contents.on('will-navigate', (event, url) => denyNavigation(event, url, deps));
  // A server redirect is a navigation too; our renderer never needs one.
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => denyWindowOpen(details, deps));
}

/**
 * The one permission granted: writing sanitised text to the clipboard ("Copy citation"), and
 * only for our own renderer. Reading the clipboard, camera, notifications and the rest stay off.
 */
export function isPermissionAllowed(permission: string, url: string, appOrigin: string): boolean {
  if (permission !== 'clipboard-sanitized-write') return false;
  return url === appOrigin || url.startsWith(`${appOrigin}/`);
}

/** Denies every permission request and check except those `isPermissionAllowed` names. */
export function denyAllPermissions(session: GuardableSession, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl ?? '', appOrigin)),
  );
  session.setPermissionCheckHandler((_contents, permission, origin) =>
    isPermissionAllowed(permission, origin, appOrigin),
  );
}
