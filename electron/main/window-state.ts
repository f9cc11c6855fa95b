/**
 * The main window reopens where the user left it: its size and place on screen, and whether it
 * was maximised. Kept apart from Electron (displays and files are passed in) so it is testable
 * in plain Node.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered: the bounds of the window when not maximised, and whether it was. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** Where and how large the window opens; no x/y lets the system centre it. */
export interface WindowPlacement {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

/** The first window's size, or less on a smaller screen. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 840 } as const;
/** Below this the three panes do not fit (see the narrow-window layout). */
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;

/**
 * How much of the window's top strip (where the title bar is) must lie on a display for the
 * saved place to be kept: enough to grab it with the mouse and drag it back.
 */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 32;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** The saved state from the file's text, or null when it is missing, malformed or absurd. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { bounds, maximized } = data as { bounds?: Partial<Rect>; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height)) return null;
  if (width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

/** Width and height of the part two rectangles share (zero when they do not meet). */
function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? { width, height } : { width: 0, height: 0 };
}

/** The displays attached now: every work area, and the primary one (where a new window opens). */
export interface Displays {
  workAreas: readonly Rect[];
  primary: Rect | null;
}

/** A size no larger than `limit` (when there is one) and no smaller than the window's minimum. */
function fit(width: number, height: number, limit: { width: number; height: number } | null) {
  return {
    width: Math.max(MIN_WINDOW_SIZE.width, limit ? Math.min(width, limit.width) : width),
    height: Math.max(MIN_WINDOW_SIZE.height, limit ? Math.min(height, limit.height) : height),
  };
}

/**
 * Fits the saved state to the displays attached now. A window whose title bar would be on no
 * display (a monitor was unplugged, or the resolution changed) opens centred on the primary
 * display instead, at most its size; one larger than the largest display shrinks to fit it.
 */
export function placeWindow(saved: WindowState | null, displays: Displays): WindowPlacement {
  const { workAreas, primary } = displays;
  if (!saved) {
    return {
      ...fit(DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height, primary),
      maximized: false,
    };
  }
  const largest = workAreas.length
    ? {
        width: Math.max(...workAreas.map((a) => a.width)),
        height: Math.max(...workAreas.map((a) => a.height)),
      }
    : null;
  const { x, y } = saved.bounds;
  const size = fit(saved.bounds.width, saved.bounds.height, largest);
  const titleBar: Rect = { x, y, width: size.width, height: GRAB_HEIGHT };
  const reachable = workAreas.some((a) => {
    const shared = overlap(titleBar, a);
    return shared.width >= GRAB_WIDTH && shared.height >= GRAB_HEIGHT / 2;
  });
  if (reachable) return { ...size, x, y, maximized: saved.maximized };
  return {
    ...fit(saved.bounds.width, saved.bounds.height, primary ?? largest),
    maximized: saved.maximized,
  };
}

/** Reads the saved state; a missing or unreadable file is no saved state. */
export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Saves the state through a temp file and a rename, so a crash leaves the old file or the new
 * one. Synchronous: it runs as the window closes, and the app may quit right after.
 */
export function saveWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
