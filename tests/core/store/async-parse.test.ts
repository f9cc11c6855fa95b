import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/errors';
import type { AsyncParseFn, Library } from '../../../electron/core/ports';
import { openLibrary } from '../../../electron/core/store/open-library';
import { fakeDump, fakeParse } from './fake-parse';

// A parser that answers later and out of order, the way a worker pool does.
const laterParse: AsyncParseFn = (bytes, fileName) =>
  new Promise((resolve, reject) => {
    setTimeout(
      () => {
        try {
          resolve(fakeParse(bytes, fileName));
        } catch (err) {
          reject(err as Error);
        }
      },
      (bytes.byteLength * 7) % 5,
    );
  });

let dir: string;
let lib: Library;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-async-'));
  lib = await openLibrary({ dir, parse: laterParse });
});
afterEach(async () => {
  await lib.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('importing with an asynchronous parser', () => {
  it('imports many files at once, chaining versions of one URL and spotting duplicates', async () => {
    const inputs = Array.from({ length: 12 }, (_, i) => ({
      fileName: `${i}.txt`,
      bytes: fakeDump(`T${i}`, `https://example.com/${i % 4}`, `body ${i}`),
    }));
    const again = { fileName: 'again.txt', bytes: inputs[0]?.bytes as Uint8Array };
    const outcomes = await Promise.all([...inputs, again].map((f) => lib.importFile(f)));
    expect(outcomes.filter((o) => o.status === 'imported')).toHaveLength(4);
    expect(outcomes.filter((o) => o.status === 'version')).toHaveLength(8);
    expect(outcomes.at(-1)).toEqual({ status: 'duplicate', id: outcomes[0]?.id });
    expect(lib.info().articleCount).toBe(12);
    const items = await fs.readdir(path.join(dir, 'items'));
    expect(items.filter((n) => !n.startsWith('.'))).toHaveLength(12);
    // Each URL's versions form one chain: exactly one item per URL starts it.
    const starts = await Promise.all(outcomes.slice(0, 12).map((o) => lib.get(o.id)));
    expect(starts.filter((a) => a.previousVersionId === null)).toHaveLength(4);
  });

  it('reports a rejected parse as the parser error and writes nothing', async () => {
    const err = await lib
      .importFile({ fileName: 'empty.txt', bytes: new Uint8Array([32]) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FolioError);
    expect((err as FolioError).code).toBe('EMPTY_FILE');
    expect(await fs.readdir(path.join(dir, 'items'))).toEqual([]);
    expect(lib.info().isEmpty).toBe(true);
  });
});
