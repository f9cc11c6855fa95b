import { describe, expect, it } from 'vitest';
import { resolveLibraryDir, userDataDir } from '../../electron/core/paths';

describe('userDataDir', () => {
  it('matches Electron userData on each platform', () => {
    expect(userDataDir({ platform: 'linux', env: {}, homeDir: '/home/u' })).toBe(
      '/home/u/.config/Folio',
    );
    expect(
      userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x/cfg' }, homeDir: '/home/u' }),
    ).toBe('/x/cfg/Folio');
    expect(userDataDir({ platform: 'darwin', env: {}, homeDir: '/Users/u' })).toBe(
      '/Users/u/Library/Application Support/Folio',
    );
    expect(
      userDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' },
        homeDir: 'C:\\Users\\u',
      }),
    ).toBe('C:\\Users\\u\\AppData\\Roaming\\Folio');
  });
  it('prefers the flag, then FOLIO_LIBRARY', () => {
    const base = { platform: 'linux' as const, homeDir: '/home/u', cwd: '/work' };
    expect(resolveLibraryDir({ ...base, env: { FOLIO_LIBRARY: '/lib' }, flag: 'rel' })).toBe(
      '/work/rel',
    );
    expect(resolveLibraryDir({ ...base, env: { FOLIO_LIBRARY: '/lib' } })).toBe('/lib');
    expect(resolveLibraryDir({ ...base, env: {} })).toBe('/home/u/.config/Folio');
  });
});
