/**
 * Options for the main window. Kept as data so a test can pin every security setting.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type WindowPlacement } from './window-state';

/**
 * The main window's constructor options, with the sandboxed preload at `preloadPath`, opening
 * where `placement` says (see window-state.ts; maximising is the caller's, after creation).
 */
export function mainWindowOptions(
  preloadPath: string,
  placement: WindowPlacement = { ...DEFAULT_WINDOW_SIZE, maximized: false },
): BrowserWindowConstructorOptions {
  const { width, height, x, y } = placement;
  return {
    width,
    height,
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Folio',
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}
