import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBase, openBase } from '../../../electron/core/search/index-files';
import { type DocRecord, IndexState } from '../../../electron/core/search/index-state';
import { FIELD_COUNT, termAt } from '../../../electron/core/search/postings';
import { docRecord } from './fake-library';

/** A document's terms: a few shared ones and some of its own, with varied frequencies. */
function termsOf(n: number): { terms: string[]; tfs: Uint16Array } {
  const terms = ['common', `t${n % 7}`, `u${n % 13}`, `own${n}`];
  const tfs = new Uint16Array(terms.length * FIELD_COUNT);
  terms.forEach((_, i) => {
    tfs[i * FIELD_COUNT + (i % FIELD_COUNT)] = 1 + ((n + i) % 300);
    tfs[i * FIELD_COUNT + 1] = 1 + (n % 5);
  });
  return { terms, tfs };
}

/** Every term's postings as [doc id, tfs] pairs, ids instead of numbers (compaction renumbers). */
function dump(state: IndexState, terms: string[]): Record<string, Array<[string, number[]]>> {
  const out: Record<string, Array<[string, number[]]>> = {};
  for (const t of terms) {
    const p = state.postings(t);
    const rows: Array<[string, number[]]> = [];
    for (let k = 0; k < p.count; k++) {
      const r = state.docs[p.docs[k]!];
      if (r) rows.push([r.id, [...p.tfs.subarray(k * FIELD_COUNT, (k + 1) * FIELD_COUNT)]]);
    }
    out[t] = rows;
  }
  return out;
}

/** Writes the state's base to a file and searches it from there, as after a save. */
function baseOnDisk(state: IndexState, dir: string): void {
  const file = join(dir, 'base-1.bin');
  writeFileSync(file, encodeBase(1, state.docs as DocRecord[], state.base!));
  state.useBase(openBase(file, 1, false).base);
  expect(state.base!.postings).toBeNull();
}

const allTerms = (): string[] => {
  const terms = ['common', 'own0', 'own7', 'own1007', 'own150', 'own350', 'zzz'];
  for (let k = 0; k < 7; k++) terms.push(`t${k}`);
  for (let k = 0; k < 13; k++) terms.push(`u${k}`);
  return terms;
};

describe('IndexState.compact', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('merges an on-disk base read in small windows with the delta, dropping retired documents', () => {
    const state = new IndexState();
    for (let n = 0; n < 300; n++) state.add(docRecord(`d${n}`), termsOf(n), false);
    state.compact();
    baseOnDisk(state, dir);

    for (let n = 300; n < 400; n++) state.add(docRecord(`d${n}`), termsOf(n), false);
    // Retire base and delta documents, and re-add one (its old number retires).
    for (const n of [0, 5, 150, 299, 310, 399]) state.remove(`d${n}`);
    state.add(docRecord('d7'), termsOf(1007), false);

    const terms = allTerms();
    const before = dump(state, terms);
    // A window far smaller than the postings, so the base is read in many pieces, some of them
    // a single long posting list.
    state.compact(64);
    expect(dump(state, terms)).toEqual(before);
    // The dictionary holds every term with a live posting, in code-unit order, and no other.
    const live = new Set<string>();
    for (const r of state.docs) {
      const n = Number(r!.id.slice(1));
      termsOf(r!.id === 'd7' ? 1007 : n).terms.forEach((t) => live.add(t));
    }
    const base = state.base!;
    const dict = Array.from({ length: base.termOffsets.length - 1 }, (_, i) => termAt(base, i));
    expect(dict).toEqual([...live].sort());
    expect(dict).not.toContain('own0');
    expect(state.docs.length).toBe(394);
    expect(before.common).toHaveLength(394);
    expect(before.own0).toEqual([]);
    expect(before.own7).toEqual([]);
    expect(before.own1007?.map((r) => r[0])).toEqual(['d7']);
    state.close();
  });

  it('copies postings as they are when no document was retired', () => {
    const state = new IndexState();
    for (let n = 0; n < 300; n++) state.add(docRecord(`d${n}`), termsOf(n), false);
    state.compact();
    baseOnDisk(state, dir);
    // Document numbers past 127 take two-byte gaps; new and shared terms in the delta.
    for (let n = 300; n < 420; n++) state.add(docRecord(`d${n}`), termsOf(n), false);
    const terms = allTerms();
    const before = dump(state, terms);
    state.compact(64);
    expect(dump(state, terms)).toEqual(before);
    expect(before.common).toHaveLength(420);
    expect(before.own350?.map((r) => r[0])).toEqual(['d350']);
    const base = state.base!;
    const dict = Array.from({ length: base.termOffsets.length - 1 }, (_, i) => termAt(base, i));
    expect(dict).toHaveLength(1 + 7 + 13 + 420);
    expect(dict).toEqual([...dict].sort());
    state.close();
  });

  it('copies postings as they are from a base still in memory', () => {
    const state = new IndexState();
    for (let n = 0; n < 300; n++) state.add(docRecord(`d${n}`), termsOf(n), false);
    state.compact();
    expect(state.base!.postings).not.toBeNull();
    for (let n = 300; n < 420; n++) state.add(docRecord(`d${n}`), termsOf(n), false);
    const terms = allTerms();
    const before = dump(state, terms);
    state.compact();
    expect(dump(state, terms)).toEqual(before);
    expect(before.common).toHaveLength(420);
    expect(state.base!.termOffsets.length - 1).toBe(1 + 7 + 13 + 420);
  });

  it('frees the postings built in memory once the base is read from its file', () => {
    const state = new IndexState();
    // Enough postings for a buffer over a megabyte (smaller ones are left to the collector).
    const many = {
      terms: Array.from({ length: 150 }, (_, k) => `w${k}`),
      tfs: new Uint16Array(600),
    };
    many.tfs.fill(3);
    for (let n = 0; n < 4000; n++) state.add(docRecord(`d${n}`), many, false);
    state.compact();
    const built = state.base!;
    expect(built.postings!.byteLength).toBeGreaterThan(1 << 20);
    baseOnDisk(state, dir);
    expect(built.postings!.byteLength).toBe(0);
    expect(state.postings('w7').count).toBe(4000);
    state.close();
  });
});
