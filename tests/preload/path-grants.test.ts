import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../shared/api';
import { HOST_CHANNELS } from '../../shared/host';
import { createPreloadPathGrants, invokeAfterGrants } from '../../electron/preload/path-grants';
import { createPreloadApi } from '../../electron/preload/preload-api';

/** A fake main: grants arrive on one channel, imports on another; both answer later. */
function fakeMain() {
  const granted = new Set<string>();
  const log: string[] = [];
  let grantsSeen = 0;
  const sendGrant = async (paths: string[]) => {
    log.push(`grant ${paths.join(',')}`);
    // Answered after a delay, the first one slowest: an import sent without waiting for every
    // grant before it would overtake one.
    const delay = grantsSeen++ === 0 ? 20 : 1;
    await new Promise((resolve) => setTimeout(resolve, delay));
    for (const p of paths) granted.add(p);
    return { ok: true, data: null };
  };
  const invoke = async (channel: Channel, request?: unknown) => {
    const paths = (request as { paths?: string[] } | undefined)?.paths ?? [];
    log.push(`${channel} ${paths.join(',')}`);
    if (channel !== CHANNELS.importPaths) return { ok: true, data: null };
    const refused = paths.find((p) => !granted.has(p));
    return refused
      ? { ok: false, error: { code: 'INVALID_INPUT', message: `not granted: ${refused}` } }
      : { ok: true, data: { jobId: 'job' } };
  };
  return { granted, log, sendGrant, invoke };
}

function setup() {
  const main = fakeMain();
  const grants = createPreloadPathGrants(main.sendGrant);
  const api = createPreloadApi(invokeAfterGrants(main.invoke, grants));
  return { main, grants, api };
}

describe('preload path grants', () => {
  it('grants a dropped file to main before the import that names it is sent', async () => {
    const { main, grants, api } = setup();
    expect(grants.record('/drop/a.html')).toBe('/drop/a.html');
    await expect(api.importPaths({ paths: ['/drop/a.html'] })).resolves.toEqual({ jobId: 'job' });
    expect(main.log).toEqual(['grant /drop/a.html', `${CHANNELS.importPaths} /drop/a.html`]);
  });

  it('records nothing for a File made by script (an empty path): a forged path is refused', async () => {
    const { main, grants, api } = setup();
    expect(grants.record('')).toBe('');
    await expect(api.importPaths({ paths: ['/home/u/.ssh/id_rsa'] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(main.log).toEqual([`${CHANNELS.importPaths} /home/u/.ssh/id_rsa`]);
    expect(main.granted.size).toBe(0);
  });

  it('sends each path once, and only before imports by path', async () => {
    const { main, grants, api } = setup();
    grants.record('/drop/a.html');
    grants.record('/drop/a.html');
    await api.libraryInfo();
    expect(main.log).toEqual([`${CHANNELS.libraryInfo} `]);
    grants.record('/drop/dir');
    await api.importPaths({ paths: ['/drop/a.html', '/drop/dir'] });
    await api.importPaths({ paths: ['/drop/dir'] });
    expect(main.log.slice(1)).toEqual([
      'grant /drop/a.html,/drop/dir',
      `${CHANNELS.importPaths} /drop/a.html,/drop/dir`,
      `${CHANNELS.importPaths} /drop/dir`,
    ]);
  });

  it('an import waits for grants still in flight from an earlier drop', async () => {
    const { main, grants, api } = setup();
    grants.record('/drop/first.html');
    const first = api.importPaths({ paths: ['/drop/first.html'] });
    // The second drop's import names the first drop's file too, before its grant has answered.
    grants.record('/drop/second.html');
    const second = api.importPaths({ paths: ['/drop/first.html', '/drop/second.html'] });
    await expect(Promise.all([first, second])).resolves.toEqual([
      { jobId: 'job' },
      { jobId: 'job' },
    ]);
    expect([...main.granted]).toEqual(['/drop/first.html', '/drop/second.html']);
  });

  it('a grant main refuses does not break the import call: main answers it', async () => {
    const calls: string[] = [];
    const grants = createPreloadPathGrants(async () => {
      calls.push('grant');
      throw new Error('refused');
    });
    const invoke = invokeAfterGrants(async (channel) => {
      calls.push(channel);
      return { ok: true, data: null };
    }, grants);
    grants.record('/drop/a.html');
    await expect(invoke(CHANNELS.importPaths, { paths: ['/drop/a.html'] })).resolves.toEqual({
      ok: true,
      data: null,
    });
    expect(calls).toEqual(['grant', CHANNELS.importPaths]);
  });

  it('uses a host channel outside the contract', () => {
    expect(Object.values(CHANNELS)).not.toContain(HOST_CHANNELS.grantPaths);
  });
});
