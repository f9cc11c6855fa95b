import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Article } from '../../../shared/model';
import { decodeCheckpoint, encodeCheckpoint } from '../../../electron/core/search/delta-checkpoint';
import { type LoadedIndex, loadIndex } from '../../../electron/core/search/index-persistence';
import { openSearchIndex } from '../../../electron/core/search/open-search-index';
import { CountingLibrary, FakeLibrary, makeArticle } from './fake-library';

const base = (): Article[] => [
  makeArticle({ id: 'a', title: '中俄关系', text: '普京与习近平会面，讨论两国关系。' }),
  makeArticle({ id: 'b', lang: 'en', title: 'Elections', text: 'The elections were held.' }),
  makeArticle({ id: 'c', title: '天气', text: '上海今天下雨。' }),
];

/**
 * Varied CJK text: every article adds thousands of distinct bigrams, so a few of them make a log
 * past the size at which closing writes a checkpoint (256 KB).
 */
function filler(seed: number, n = 4000): string {
  let x = seed * 7919 + 1;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(0x4e00 + (x % 6000));
  }
  return `${out}。`;
}

/** Everything a search reads from the state, in a comparable form. */
function snapshotOf(idx: LoadedIndex) {
  const { state } = idx;
  const postings: Record<string, unknown> = {};
  for (const term of [...state.delta.keys()].sort()) {
    const p = state.postings(term);
    postings[term] = [Array.from(p.docs.slice(0, p.count)), state.delta.get(term)!.df];
  }
  return {
    docs: state.docs.map((d) => d && { ...d, gapSig: d.gapSig && Array.from(d.gapSig) }),
    byId: [...state.byId].sort(),
    live: state.live,
    lenSums: state.lenSums,
    removedBase: [...state.removedBase].sort(),
    words: state.wordDictionaries()[1]!.split('\n').sort(),
    postings,
  };
}

describe('delta checkpoints', () => {
  let dir: string;
  const errors: unknown[] = [];
  const open = (lib: FakeLibrary) =>
    openSearchIndex({ dir, library: lib.asLibrary(), onError: (e) => errors.push(e) });
  const indexDir = () => join(dir, 'index');
  const file = (suffix: string) =>
    join(
      indexDir(),
      readdirSync(indexDir()).find((f) => f.endsWith(suffix))!,
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-ckpt-'));
    errors.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A base of three articles, then a delta: new articles, an update, deletions of both kinds. */
  async function withDelta(): Promise<FakeLibrary> {
    const lib = new FakeLibrary(dir, base());
    const idx = await open(lib);
    for (let i = 0; i < 6; i++) {
      lib.put(
        makeArticle({
          id: `n${i}`,
          lang: 'en',
          text: `Budget talks ${i} in Beijing 北京会谈。${filler(i)}`,
        }),
      );
    }
    await idx.flush();
    lib.put(
      makeArticle({ id: 'a', title: '中俄关系', text: '两国关系更新。', updatedAt: '2025-01-02' }),
    );
    lib.delete('c', 'n2');
    await idx.close();
    return lib;
  }

  it('restores the same state as replaying the whole log', async () => {
    await withDelta();
    const fromCheckpoint = (await loadIndex(indexDir()))!;
    expect(fromCheckpoint.checkpointed).toBeGreaterThan(0);
    const restored = snapshotOf(fromCheckpoint);
    fromCheckpoint.texts.close();
    fromCheckpoint.state.close();
    rmSync(file('.ckpt'));
    const replayed = (await loadIndex(indexDir()))!;
    expect(replayed.checkpointed).toBe(0);
    expect(restored).toEqual(snapshotOf(replayed));
    expect(Object.keys(restored.postings).length).toBeGreaterThan(20);
    replayed.texts.close();
    replayed.state.close();
  });

  it('does not read the lines it holds, and searches as before', async () => {
    const lib = await withDelta();
    // Damage the first document line of the log without changing its length: only a replay of
    // that line would notice.
    const log = file('.jsonl');
    const lines = readFileSync(log, 'utf8').split('\n');
    lines[1] = `x${lines[1]!.slice(1)}`;
    writeFileSync(log, lines.join('\n'));
    const counting = new CountingLibrary(dir, [...lib.items.values()]);
    const idx = await open(counting);
    expect(counting.gets).toBe(0);
    expect(idx.matchIds('北京会谈').sort()).toEqual(['n0', 'n1', 'n3', 'n4', 'n5']);
    expect(idx.matchIds('"budget talks 3"')).toEqual(['n3']);
    expect(idx.matchIds('关系')).toEqual(['a']);
    expect(idx.matchIds('普京')).toEqual([]);
    expect(idx.matchIds('上海')).toEqual([]);
    expect(idx.matchIds('beijing').length).toBe(5);
    await idx.close();
    expect(errors).toEqual([]);
  });

  it('replays the lines written after it, as after a crash', async () => {
    const lib = await withDelta();
    const checkpoint = readFileSync(file('.ckpt'));
    const idx = await open(lib);
    lib.put(makeArticle({ id: 'late', lang: 'en', text: 'A late budget vote in Beijing.' }));
    lib.delete('n0');
    await idx.flush();
    // The files as a crash would leave them: the log has the new lines, the checkpoint does not.
    const crashed = mkdtempSync(join(tmpdir(), 'folio-ckpt-crash-'));
    // Removed even when an expectation fails.
    onTestFinished(() => rmSync(crashed, { recursive: true, force: true }));
    cpSync(dir, crashed, { recursive: true });
    await idx.close();
    // Closing after a change this small leaves the checkpoint as it was: the next load replays it.
    expect(readFileSync(file('.ckpt')).equals(checkpoint)).toBe(true);
    const reopened = await open(new CountingLibrary(dir, [...lib.items.values()]));
    expect(reopened.matchIds('late')).toEqual(['late']);
    await reopened.close();
    const counting = new CountingLibrary(crashed, [...lib.items.values()]);
    const again = await openSearchIndex({
      dir: crashed,
      library: counting.asLibrary(),
      onError: (e) => errors.push(e),
    });
    expect(counting.gets).toBe(0);
    expect(again.matchIds('beijing').sort()).toEqual(['late', 'n1', 'n3', 'n4', 'n5']);
    await again.close();
    expect(errors).toEqual([]);
  });

  it('is ignored when damaged, and the log is replayed', async () => {
    const lib = await withDelta();
    const ck = file('.ckpt');
    writeFileSync(ck, readFileSync(ck).subarray(0, 100));
    const counting = new CountingLibrary(dir, [...lib.items.values()]);
    const idx = await open(counting);
    expect(counting.gets).toBe(0);
    expect(idx.matchIds('北京会谈').length).toBe(5);
    await idx.close();
    expect(errors).toEqual([]);
  });

  it('decodes only for its own generation and base', async () => {
    await withDelta();
    const idx = (await loadIndex(indexDir()))!;
    const bytes = encodeCheckpoint(idx.state, idx.manifest.gen, 123);
    const { gen } = idx.manifest;
    const count = idx.state.baseCount;
    expect(decodeCheckpoint(bytes, gen, count)?.logBytes).toBe(123);
    expect(decodeCheckpoint(bytes, gen + 1, count)).toBeNull();
    expect(decodeCheckpoint(bytes, gen, count + 1)).toBeNull();
    expect(decodeCheckpoint(bytes.subarray(0, bytes.length - 1), gen, count)).toBeNull();
    expect(decodeCheckpoint(Buffer.concat([bytes, Buffer.from([0])]), gen, count)).toBeNull();
    idx.texts.close();
    idx.state.close();
  });
});
