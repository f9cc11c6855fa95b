import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyIndex, saveSnapshot } from '../../../electron/core/search/index-persistence';
import { docRecord } from './fake-library';

describe('saveSnapshot', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-persist-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers from the encoded copy of the postings while the base is written', async () => {
    const idx = await emptyIndex(dir, 0);
    // Enough postings for a buffer over a megabyte.
    const terms = Array.from({ length: 150 }, (_, k) => `w${k}`);
    const tfs = new Uint16Array(600).fill(3);
    for (let n = 0; n < 4000; n++) idx.state.add(docRecord(`d${n}`), { terms, tfs }, false);
    const seen: Array<{ shared: boolean; count: number }> = [];
    let done = false;
    const saved = saveSnapshot(dir, idx).finally(() => (done = true));
    while (!done) {
      const p = idx.state.base?.postings;
      // While the file is written, the postings are a view into its bytes (they end the file).
      if (p) seen.push({ shared: p.byteOffset > 0, count: idx.state.postings('w7').count });
      await new Promise((r) => setImmediate(r));
    }
    const after = await saved;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.shared && s.count === 4000)).toBe(true);
    expect(after.state.base!.postings).toBeNull();
    expect(after.state.postings('w7').count).toBe(4000);
    after.state.close();
    after.texts.close();
  });
});
