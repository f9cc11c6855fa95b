import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseName } from '../../../electron/core/search/index-files';
import { emptyIndex, saveSnapshot } from '../../../electron/core/search/index-persistence';
import { docRecord } from './fake-library';

describe('saveSnapshot', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-persist-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers from the built postings while the base is written from them', async () => {
    const idx = await emptyIndex(dir, 0);
    // Enough postings for a buffer over a megabyte.
    const terms = Array.from({ length: 150 }, (_, k) => `w${k}`);
    const tfs = new Uint16Array(600).fill(3);
    for (let n = 0; n < 4000; n++) idx.state.add(docRecord(`d${n}`), { terms, tfs }, false);
    const seen: Array<{ postings: Uint8Array; count: number }> = [];
    let copy: Uint8Array | null = null;
    let done = false;
    const saved = saveSnapshot(dir, idx).finally(() => (done = true));
    while (!done) {
      const p = idx.state.base?.postings;
      // While the file is written, the postings are the built segment's, in memory.
      if (p) seen.push({ postings: p, count: idx.state.postings('w7').count });
      copy ??= p?.slice() ?? null;
      await new Promise((r) => setImmediate(r));
    }
    await saved;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.postings === seen[0]!.postings && s.count === 4000)).toBe(true);
    // The file ends with exactly those postings.
    const file = readFileSync(join(dir, baseName(1)));
    expect(copy!.length).toBeGreaterThan(1 << 20);
    expect(Buffer.compare(file.subarray(file.length - copy!.length), copy!)).toBe(0);
    const after = await saved;
    expect(after.state.base!.postings).toBeNull();
    expect(after.state.postings('w7').count).toBe(4000);
    after.state.close();
    after.texts.close();
  });
});
