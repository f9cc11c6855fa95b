/**
 * Article texts for phrase checks and snippets, in one append-only file read by offset. Reading on
 * demand keeps start-up fast and memory small; compaction rewrites the file when most of it is
 * stale.
 */
import { closeSync, fsyncSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { decodeUtf8 } from '../decode-utf8';

/** Reads bytes [from, to) (clamped) of the text at [offset, length] of an open file. */
export type RangeReader = (ref: readonly [number, number], from: number, to: number) => Buffer;

/**
 * A RangeReader over a file descriptor, answering in one buffer reused by the next call: checking
 * thousands of candidates neither decodes nor allocates per document.
 */
export function fdRangeReader(fd: number): RangeReader {
  let scratch = Buffer.allocUnsafe(1 << 16);
  return (ref, from, to) => {
    const start = Math.min(Math.max(from, 0), ref[1]);
    const len = Math.min(ref[1], to) - start;
    if (len > scratch.length) scratch = Buffer.allocUnsafe(len * 2);
    const got = len > 0 ? readSync(fd, scratch, 0, len, ref[0] + start) : 0;
    return scratch.subarray(0, got);
  };
}

export class TextStore {
  private fd: number;
  size: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a+');
    this.size = statSync(path).size;
  }

  /** Appends text as UTF-8; returns its [offset, byteLength]. */
  append(text: string): [number, number] {
    return this.appendBytes(Buffer.from(text, 'utf8'));
  }

  /** Appends bytes; returns their [offset, byteLength]. */
  appendBytes(bytes: Uint8Array): [number, number] {
    const off = this.size;
    writeSync(this.fd, bytes);
    this.size += bytes.length;
    return [off, bytes.length];
  }

  read(ref: readonly [number, number]): string {
    const [off, len] = ref;
    if (len === 0) return '';
    const buf = Buffer.allocUnsafe(len);
    const got = readSync(this.fd, buf, 0, len, off);
    return decodeUtf8(buf.subarray(0, got));
  }

  /**
   * The start of a stored UTF-8 text, at most `maxBytes` of it cut back to a whole character, and
   * whether that is all of it: a snippet is usually cut from the first screenful of a text, so a
   * long article is not read and decoded whole for it.
   */
  readHead(ref: readonly [number, number], maxBytes: number): { text: string; whole: boolean } {
    if (ref[1] <= maxBytes) return { text: this.read(ref), whole: true };
    const buf = Buffer.allocUnsafe(maxBytes);
    const got = readSync(this.fd, buf, 0, maxBytes, ref[0]);
    // Back to the lead byte of the last character; drop that character if it is incomplete.
    let end = got;
    let lead = got - 1;
    while (lead > 0 && (buf[lead]! & 0xc0) === 0x80) lead--;
    const b = buf[lead] ?? 0;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (lead + need > got) end = lead;
    return { text: decodeUtf8(buf.subarray(0, end)), whole: got >= ref[1] };
  }

  private range: RangeReader | null = null;

  /** Raw bytes [from, to) of a stored text, clamped to it, in a buffer reused by the next call. */
  readBytes(ref: readonly [number, number], from = 0, to = Infinity): Buffer {
    this.range ??= fdRangeReader(this.fd);
    return this.range(ref, from, to);
  }

  sync(): void {
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}
