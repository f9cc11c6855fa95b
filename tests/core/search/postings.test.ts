import { describe, expect, it } from 'vitest';
import {
  FIELD_COUNT,
  PostingList,
  decodeInto,
  emptyPostings,
} from '../../../electron/core/search/postings';

describe('PostingList', () => {
  it('keeps small lists in shared slabs and decodes what was added as they grow', () => {
    const a = new PostingList();
    const b = new PostingList();
    // Small lists share one buffer instead of an ArrayBuffer each.
    expect(a.w.buf.buffer).toBe(b.w.buf.buffer);
    const added: Array<[number, number[]]> = [];
    for (let doc = 0; doc < 3000; doc += 1 + (doc % 5)) {
      const tfs = [doc % 3, 1 + (doc % 70000), 0, doc % 2];
      a.add(doc, tfs);
      b.add(doc + 1, [0, 1, 0, 0]);
      added.push([doc, tfs.map((t) => Math.min(t, 0xffff))]);
    }
    // Past a few KB a list has a buffer of its own.
    expect(a.w.buf.buffer.byteLength).toBe(a.w.buf.byteLength);
    const out = emptyPostings();
    decodeInto(a.w.result(), out);
    const decoded: Array<[number, number[]]> = [];
    for (let k = 0; k < out.count; k++) {
      decoded.push([out.docs[k]!, [...out.tfs.subarray(k * FIELD_COUNT, (k + 1) * FIELD_COUNT)]]);
    }
    expect(decoded).toEqual(added);
    const other = emptyPostings();
    decodeInto(b.w.result(), other);
    expect(other.count).toBe(added.length);
    expect(other.docs[other.count - 1]).toBe(added[added.length - 1]![0] + 1);
  });
});
