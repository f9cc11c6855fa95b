import { describe, expect, it } from 'vitest';
import {
  ByteWriter,
  FIELD_COUNT,
  PostingList,
  appendAfter,
  appendAfterIn,
  decodeInto,
  emptyPostings,
  lastDocIn,
  lastDocOf,
} from '../../../electron/core/search/postings';

describe('PostingList', () => {
  it('keeps small lists in shared slabs and decodes what was added as they grow', () => {
    const a = new PostingList();
    const b = new PostingList();
    // Small lists share one buffer instead of an ArrayBuffer each.
    expect(a.buf.buffer).toBe(b.buf.buffer);
    const added: Array<[number, number[]]> = [];
    for (let doc = 0; doc < 3000; doc += 1 + (doc % 5)) {
      const tfs = [doc % 3, 1 + (doc % 70000), 0, doc % 2];
      a.add(doc, tfs);
      b.add(doc + 1, [0, 1, 0, 0]);
      added.push([doc, tfs.map((t) => Math.min(t, 0xffff))]);
    }
    // Past a few KB a list has a buffer of its own.
    expect(a.buf.buffer.byteLength).toBe(a.buf.byteLength);
    const out = emptyPostings();
    decodeInto(a.bytes(), out);
    const decoded: Array<[number, number[]]> = [];
    for (let k = 0; k < out.count; k++) {
      decoded.push([out.docs[k]!, [...out.tfs.subarray(k * FIELD_COUNT, (k + 1) * FIELD_COUNT)]]);
    }
    expect(decoded).toEqual(added);
    const other = emptyPostings();
    decodeInto(b.bytes(), other);
    expect(other.count).toBe(added.length);
    expect(other.docs[other.count - 1]).toBe(added[added.length - 1]![0] + 1);
  });
});

describe('encoded postings without decoding', () => {
  // Gaps and frequencies of one, two and three varint bytes.
  const list = (docs: number[]) => {
    const pl = new PostingList();
    docs.forEach((d, i) => pl.add(d, [i % 2 ? 200 : 1, 0, i % 3 ? 20000 : 0, 1]));
    return pl.bytes();
  };

  it('finds the last document', () => {
    expect(lastDocOf(list([3, 130, 20000, 20001]))).toBe(20001);
    expect(lastDocOf(list([0]))).toBe(0);
    expect(lastDocOf(new Uint8Array(0))).toBe(-1);
  });

  it('appends a list after another by rewriting only its first gap', () => {
    const first = list([3, 130, 20000]);
    const second = list([40000, 40200, 70000]);
    const w = new ByteWriter();
    w.bytes(first);
    appendAfter(w, second, lastDocOf(first));
    const out = emptyPostings();
    decodeInto(w.result(), out);
    expect([...out.docs.subarray(0, out.count)]).toEqual([3, 130, 20000, 40000, 40200, 70000]);
    expect(out.tfs[4 * FIELD_COUNT + 2]).toBe(20000);
  });
  it('does the same for a list in the middle of a larger buffer', () => {
    const first = list([3, 130, 20000]);
    // Long enough to be copied as a view, not by hand.
    const second = list(Array.from({ length: 30 }, (_, i) => 40000 + i * 300));
    const buf = new Uint8Array(5 + first.length + second.length + 5).fill(0x81);
    buf.set(first, 5);
    buf.set(second, 5 + first.length);
    const end = 5 + first.length;
    expect(lastDocIn(buf, 5, end)).toBe(20000);
    expect(lastDocIn(buf, end, end + second.length)).toBe(40000 + 29 * 300);
    const w = new ByteWriter();
    w.copy(buf, 5, first.length);
    appendAfterIn(w, buf, end, end + second.length, lastDocIn(buf, 5, end));
    const expected = new ByteWriter();
    expected.bytes(first);
    appendAfter(expected, second, lastDocOf(first));
    expect(w.result()).toEqual(expected.result());
  });
});

describe('a list over bytes it was given', () => {
  it('reads them in place and copies them out before it grows', () => {
    const first = new PostingList();
    [2, 9, 40].forEach((d) => first.add(d, [1, 0, 0, 0]));
    const given = Uint8Array.from(first.bytes());
    const kept = Uint8Array.from(given);
    const pl = new PostingList(given);
    pl.last = 40;
    pl.df = 3;
    pl.add(41, [0, 2, 0, 0]);
    pl.add(500, [0, 0, 0, 3]);
    expect(given).toEqual(kept);
    const out = emptyPostings();
    decodeInto(pl.bytes(), out);
    expect([...out.docs.subarray(0, out.count)]).toEqual([2, 9, 40, 41, 500]);
    expect(out.tfs[4 * FIELD_COUNT + 3]).toBe(3);
    const empty = new PostingList(new Uint8Array(0));
    empty.add(0, [1, 0, 0, 0]);
    expect(lastDocOf(empty.bytes())).toBe(0);
  });
});
