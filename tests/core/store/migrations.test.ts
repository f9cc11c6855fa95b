import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Migration, migrate } from '../../../electron/core/store/migrations';
import { openLibrary } from '../../../electron/core/store/open-library';
import { fakeParse } from './fake-parse';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-mig-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('brings a pre-release folio.json (no version) to v1 and keeps its settings', async () => {
    await fs.writeFile(
      path.join(dir, 'folio.json'),
      JSON.stringify({ settings: { theme: 'dark' } }),
    );
    const lib = await openLibrary({ dir, parse: fakeParse });
    expect(lib.info().schemaVersion).toBe(1);
    expect(lib.getSettings()).toEqual({ theme: 'dark', locale: 'auto', savedSearches: [] });
    await lib.close();
    const saved = JSON.parse(await fs.readFile(path.join(dir, 'folio.json'), 'utf8'));
    expect(saved).toMatchObject({ schemaVersion: 1, tags: {} });
  });

  it('runs a later step in order and records the new version', async () => {
    const v2: Migration = {
      from: 1,
      to: 2,
      description: 'example: rename a setting',
      async run(doc) {
        doc.renamed = true;
      },
    };
    const first = await openLibrary({ dir, parse: fakeParse });
    await first.close();
    const { MIGRATIONS } = await import('../../../electron/core/store/migrations');
    const lib = await openLibrary({
      dir,
      parse: fakeParse,
      migrations: [...MIGRATIONS, v2],
      schemaVersion: 2,
    });
    expect(lib.info().schemaVersion).toBe(2);
    await lib.close();
    expect(JSON.parse(await fs.readFile(path.join(dir, 'folio.json'), 'utf8'))).toMatchObject({
      schemaVersion: 2,
      renamed: true,
    });
  });

  it('refuses a library newer than this build, and a gap in the steps', async () => {
    await expect(migrate({ schemaVersion: 9 }, { dir, now: new Date() })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    });
    await expect(
      migrate({ schemaVersion: 1 }, { dir, now: new Date() }, [], 3),
    ).rejects.toMatchObject({
      code: 'LIBRARY_CORRUPT',
    });
    const doc = { schemaVersion: 1 };
    expect(await migrate(doc, { dir, now: new Date() })).toEqual([]);
  });
});
