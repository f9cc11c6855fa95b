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

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
// A second monitor to the right of the laptop, its top 200 px lower.
const monitor = { x: 1440, y: 200, width: 2560, height: 1400 };

describe('placeWindow', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('reopens where it closed, on any attached display, maximised if it was', () => {
    const onMonitor = { bounds: { x: 1600, y: 300, width: 1800, height: 1000 }, maximized: true };
    expect(placeWindow(onMonitor, [laptop, monitor])).toEqual({
      x: 1600,
      y: 300,
      width: 1800,
      height: 1000,
      maximized: true,
    });
  });

  it('opens centred when its title bar would be on no display now', () => {
    const onMonitor = { bounds: { x: 1600, y: 300, width: 1000, height: 700 }, maximized: false };
    // The monitor was unplugged.
    expect(placeWindow(onMonitor, [laptop])).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
    // Dragged up so far that only its bottom is visible.
    const above = { bounds: { x: 100, y: -650, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(above, [laptop]).x).toBeUndefined();
    // Only a sliver of the title bar on screen is not enough to grab it.
    const sliver = { bounds: { x: 1380, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(sliver, [laptop]).x).toBeUndefined();
    // Partly off the right edge, with most of the title bar on screen, stays.
    const partly = { bounds: { x: 900, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(partly, [laptop])).toMatchObject({ x: 900, y: 100 });
  });

  it('shrinks to the largest display and never below the minimum size', () => {
    const huge = { bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false };
    expect(placeWindow(huge, [laptop])).toMatchObject({ width: 1440, height: 875 });
    const tiny = { bounds: { x: 10, y: 10, width: 100, height: 50 }, maximized: false };
    expect(placeWindow(tiny, [laptop])).toMatchObject({ width: 720, height: 480 });
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
