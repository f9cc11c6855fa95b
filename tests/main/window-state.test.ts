import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  loadWindowState,
  parseWindowState,
  placeWindow,
  saveWindowState,
} from '../../electron/main/window-state';

// A laptop as the primary display, and a second monitor to the right, its top 200 px lower.
const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: 200, width: 2560, height: 1400 };
const both = { workAreas: [laptop, monitor], primary: laptop };
const laptopOnly = { workAreas: [laptop], primary: laptop };

describe('placeWindow', () => {
  it('opens at the default size, centred, the first time, smaller on a small screen', () => {
    expect(placeWindow(null, laptopOnly)).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
    const small = { x: 0, y: 0, width: 1366, height: 728 };
    expect(placeWindow(null, { workAreas: [small], primary: small })).toEqual({
      width: 1280,
      height: 728,
      maximized: false,
    });
  });

  it('reopens where it closed, on any attached display, maximised if it was', () => {
    const onMonitor = { bounds: { x: 1600, y: 300, width: 1800, height: 1000 }, maximized: true };
    expect(placeWindow(onMonitor, both)).toEqual({
      x: 1600,
      y: 300,
      width: 1800,
      height: 1000,
      maximized: true,
    });
    // Left of a primary display, at negative coordinates.
    const left = { x: -1920, y: 0, width: 1920, height: 1040 };
    const there = { bounds: { x: -1800, y: 40, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(there, { workAreas: [left, laptop], primary: laptop })).toMatchObject({
      x: -1800,
      y: 40,
    });
  });

  it('opens centred on the primary display, at most its size, when its title bar would be on no display now', () => {
    const onMonitor = { bounds: { x: 1600, y: 300, width: 2400, height: 1300 }, maximized: false };
    // The monitor was unplugged.
    expect(placeWindow(onMonitor, laptopOnly)).toEqual({
      width: 1440,
      height: 875,
      maximized: false,
    });
    // Still plugged in, but the window was dragged up so far that only its bottom shows: it is
    // centred on the laptop (the primary display), at the laptop's size, not the monitor's.
    const above = { bounds: { x: 1600, y: -1290, width: 2400, height: 1300 }, maximized: false };
    expect(placeWindow(above, both)).toEqual({ width: 1440, height: 875, maximized: false });
    // Only a sliver of the title bar on screen is not enough to grab it.
    const sliver = { bounds: { x: 1380, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(sliver, laptopOnly).x).toBeUndefined();
    // Partly off the right edge, with most of the title bar on screen, stays.
    const partly = { bounds: { x: 900, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(partly, laptopOnly)).toMatchObject({ x: 900, y: 100 });
  });

  it('shrinks to the largest display and never below the minimum size', () => {
    const huge = { bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false };
    expect(placeWindow(huge, laptopOnly)).toMatchObject({ width: 1440, height: 875 });
    const tiny = { bounds: { x: 10, y: 10, width: 100, height: 50 }, maximized: false };
    expect(placeWindow(tiny, laptopOnly)).toMatchObject({ width: 720, height: 480 });
  });

  it('keeps the saved size when no display is reported', () => {
    const saved = { bounds: { x: 10, y: 10, width: 1100, height: 700 }, maximized: false };
    expect(placeWindow(saved, { workAreas: [], primary: null })).toEqual({
      width: 1100,
      height: 700,
      maximized: false,
    });
  });
});

describe('parseWindowState', () => {
  it('reads what saveWindowState writes and refuses anything else', () => {
    expect(
      parseWindowState('{"bounds":{"x":-20,"y":5,"width":900,"height":600},"maximized":true}'),
    ).toEqual({
      bounds: { x: -20, y: 5, width: 900, height: 600 },
      maximized: true,
    });
    for (const bad of [
      null,
      '',
      'not json',
      'null',
      '[]',
      '{"bounds":null}',
      '{"bounds":{"x":0,"y":0,"width":"900","height":600}}',
      '{"bounds":{"x":0,"y":0,"width":0,"height":600}}',
      '{"bounds":{"x":0.5,"y":0,"width":900,"height":600}}',
      '{"bounds":{"x":1e300,"y":0,"width":900,"height":600}}',
    ]) {
      expect(parseWindowState(bad), String(bad)).toBeNull();
    }
  });
});

describe('loadWindowState and saveWindowState', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-window-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('round-trips through the file, leaving no temp file', async () => {
    const file = path.join(dir, 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    const state = { bounds: { x: 40, y: 30, width: 1100, height: 760 }, maximized: false };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(await readdir(dir)).toEqual(['window-state.json']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state);
  });

  it('treats a damaged file as no saved state', async () => {
    const file = path.join(dir, 'window-state.json');
    await writeFile(file, '{"bounds":');
    expect(loadWindowState(file)).toBeNull();
  });
});
