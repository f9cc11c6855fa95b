import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FIRST_WINDOW, encodeFolded } from '../../../electron/core/search/folded-form';
import {
  createFormChecker,
  defaultFormCheckWorkerFile,
} from '../../../electron/core/search/form-checks';
import { type RangeReader, fdRangeReader } from '../../../electron/core/search/text-store';

const needle = (text: string) => ({ text, bytes: Buffer.from(text, 'utf8') });

/**
 * A text store of `n` forms, CJK and Latin, where every third holds the needle, some of them
 * only across a window boundary or far into a long text.
 */
function storeOf(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'folio-forms-'));
  const path = join(dir, 'texts');
  const parts: Buffer[] = [];
  const refs = new Float64Array(n * 2);
  const want: number[] = [];
  let size = 0;
  for (let i = 0; i < n; i++) {
    const holds = i % 3 === 0;
    const latin = i % 5 === 0;
    const pad = (latin ? 'x y ' : '的人').repeat((i % 7) * 700);
    const run = holds ? (latin ? 'the president' : '美国总统') : latin ? 'the presiden' : '美国总';
    // Every seventh form puts its run across the end of the first window.
    const at = i % 7 === 6 ? FIRST_WINDOW / (latin ? 1 : 2) - 3 : pad.length;
    const text = `${pad.slice(0, at)}${run}${pad.slice(at)}。${i}`;
    const bytes = encodeFolded(text);
    parts.push(bytes);
    refs[2 * i] = size;
    refs[2 * i + 1] = bytes.length;
    size += bytes.length;
    want.push(holds ? 1 : 0);
  }
  writeFileSync(path, Buffer.concat(parts));
  const fd = openSync(path, 'r');
  onTestFinished(() => {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });
  return { path, refs, want, fd };
}

/** Per form, 1 when it holds either needle (no form holds both). */
function answers(
  check: (n: ReturnType<typeof needle>, refs: Float64Array) => Uint8Array,
  refs: Float64Array,
): number[] {
  const cjk = check(needle('美国总统'), refs);
  const latin = check(needle('the president'), refs);
  return [...cjk].map((a, i) => a | latin[i]!);
}

describe('form checker', () => {
  it.each([1, 2])(
    'answers the same in one thread as with workers (%i), which take a share',
    async (workers) => {
      const store = storeOf(300);
      const plain = fdRangeReader(store.fd);
      let mainReads = 0;
      // A slow reader here, so the worker is sure to take texts while this thread reads.
      const slow: RangeReader = (ref, from, to) => {
        mainReads++;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        return plain(ref, from, to);
      };
      const alone = createFormChecker({ path: () => store.path, read: plain, workerFile: null });
      const shared = createFormChecker({
        path: () => store.path,
        read: slow,
        workerFile: defaultFormCheckWorkerFile(),
        workers,
      });
      onTestFinished(() => shared.close());
      expect(defaultFormCheckWorkerFile()).not.toBeNull();
      const want = answers((n, r) => alone.check(n, r), store.refs);
      expect(want).toEqual(store.want);
      shared.start();
      // The worker answers once it has loaded; until then this thread does every text.
      await new Promise((r) => setTimeout(r, 1500));
      mainReads = 0;
      expect(answers((n, r) => shared.check(n, r), store.refs)).toEqual(want);
      expect(mainReads).toBeGreaterThan(0);
      // Two needles over 300 forms take at least 600 reads; the worker made many of them.
      expect(mainReads).toBeLessThan(450);
    },
  );

  it('answers in this thread when the worker cannot start', async () => {
    const store = storeOf(100);
    const broken = createFormChecker({
      path: () => store.path,
      read: fdRangeReader(store.fd),
      workerFile: join(tmpdir(), 'no-such-worker.mjs'),
    });
    onTestFinished(() => broken.close());
    broken.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(answers((n, r) => broken.check(n, r), store.refs)).toEqual(store.want);
  });

  it('answers in this thread what the worker could not read', async () => {
    const store = storeOf(100);
    const shared = createFormChecker({
      // The worker fails to open this path: every text falls back to this thread.
      path: () => join(tmpdir(), 'folio-no-such-store'),
      read: fdRangeReader(store.fd),
      workerFile: defaultFormCheckWorkerFile(),
    });
    onTestFinished(() => shared.close());
    shared.start();
    await new Promise((r) => setTimeout(r, 1500));
    expect(answers((n, r) => shared.check(n, r), store.refs)).toEqual(store.want);
  });
});
