import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';

const seed = readFileSync(join(__dirname, '../../seeds/000_5d1e6c4fe0d6993d.txt'));

describe('createCore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-core-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds a lost search index at open, in the background when asked, with progress', async () => {
    const first = await createCore({ dir, parseWorkerFile: null });
    const outcome = await first.library.importFile({ fileName: 'seed.txt', bytes: seed });
    await first.close();
    rmSync(join(dir, 'index'), { recursive: true, force: true });

    const seen: Array<[number, number]> = [];
    const core = await createCore({
      dir,
      parseWorkerFile: null,
      buildIndexInBackground: true,
      onIndexBuildProgress: (done, total) => seen.push([done, total]),
    });
    // flush() waits for the build that open started.
    await core.search.flush();
    expect(seen[seen.length - 1]).toEqual([1, 1]);
    expect(core.search.matchIds('斯影')).toEqual([outcome.id]);
    await core.close();
  });
});
