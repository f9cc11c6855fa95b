import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseName, deltaName } from '../../../electron/core/search/index-files';
import {
  emptyIndex,
  loadIndex,
  saveDelta,
  saveSnapshot,
} from '../../../electron/core/search/index-persistence';
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

describe('delta log', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-delta-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back the terms of its lines, and of lines written as JSON arrays before', async () => {
    const idx = await emptyIndex(dir, 0);
    idx.state.add(docRecord('base'), { terms: ['a'], tfs: new Uint16Array([1, 0, 0, 0]) });
    const saved = await saveSnapshot(dir, idx);
    const terms = ['习近平', 'w', '\u0001w', 'x'];
    const tfs = new Uint16Array([1, 2, 0, 0, 0, 300, 0, 1, 0, 0, 0, 7, 65535, 0, 0, 0]);
    saved.state.add(docRecord('d1'), { terms, tfs });
    saved.state.add(docRecord('d2'), { terms: [], tfs: new Uint16Array(0) });
    await saveDelta(dir, saved);
    saved.state.close();
    saved.texts.close();
    const log = join(dir, deltaName(saved.manifest.gen));
    const expectLoaded = async () => {
      const back = (await loadIndex(dir))!;
      const p = back.state.postings('\u0001w');
      expect([p.count, p.docs[0], Array.from(p.tfs.subarray(0, 4))]).toEqual([1, 1, [0, 0, 0, 7]]);
      expect(Array.from(back.state.postings('习近平').tfs.subarray(0, 4))).toEqual([1, 2, 0, 0]);
      expect(back.state.postings('x').tfs[0]).toBe(65535);
      expect(back.state.byId.get('d2')).toBe(2);
      back.state.close();
      back.texts.close();
    };
    await expectLoaded();
    // The same log in the earlier form: terms and counts as JSON arrays.
    const [head, ...lines] = readFileSync(log, 'utf8').trimEnd().split('\n');
    const old = lines.map((line) => {
      const { t, f, ...rest } = JSON.parse(line) as { t: string; f: string };
      const bytes = Buffer.from(f, 'base64');
      const counts = Array.from(new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2));
      return JSON.stringify({ ...rest, terms: t ? t.split('\n') : [], tfs: counts });
    });
    expect(old[0]).toContain('"terms":["习近平"');
    writeFileSync(log, `${[head, ...old].join('\n')}\n`);
    await expectLoaded();
    // Counts that do not match the terms are corruption.
    writeFileSync(
      log,
      `${head}\n${JSON.stringify({ doc: 1, rec: docRecord('d1'), t: 'a', f: '' })}\n`,
    );
    await expect(loadIndex(dir)).rejects.toThrow(/corrupt/);
  });
});
