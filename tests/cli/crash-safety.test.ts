/**
 * Crash safety: `folio import` of 1,000 files is killed with SIGKILL at random points; after
 * each kill the library opens cleanly and holds every file the child had reported imported,
 * byte for byte.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/core/store/open-library';
import { fakeParse } from '../core/store/fake-parse';
import { HAS_CORPUS, NO_CORPUS_REASON, writeDumpVariants } from './corpus';

const repoRoot = path.resolve(__dirname, '../..');
const ROUNDS = 5;
let root: string;

beforeAll(async () => {
  if (!HAS_CORPUS) return;
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-crash-'));
  await writeDumpVariants(path.join(root, 'in'), 1000);
});
afterAll(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true });
});

/** Starts an import and kills it after `stopAfter` reported files; returns file → id reported. */
function importThenKill(lib: string, stopAfter: number): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['bin/folio.mjs', '--library', lib, 'import', path.join(root, 'in')],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const reported = new Map<string, string>();
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^(imported|version|duplicate) +(\w+) +(.+)$/.exec(line);
        if (m) reported.set(m[3] as string, m[2] as string);
      }
      if (reported.size >= stopAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', () => resolve(reported));
  });
}

describe.skipIf(!HAS_CORPUS)(
  `crash safety (${HAS_CORPUS ? 'corpus found' : NO_CORPUS_REASON})`,
  () => {
    it('keeps every reported import intact across repeated kill -9', async () => {
      const lib = path.join(root, 'lib');
      const sha = async (file: string) =>
        createHash('sha256')
          .update(await fs.readFile(file))
          .digest('hex');
      let previous = 0;
      for (let round = 0; round < ROUNDS; round++) {
        // Each round resumes the same folder: earlier files come back as duplicates.
        const stopAfter = previous + 5 + Math.floor(Math.random() * 40);
        const reported = await importThenKill(lib, stopAfter);
        expect(reported.size).toBeGreaterThan(previous);
        const library = await openLibrary({ dir: lib, parse: fakeParse });
        try {
          for (const [file, id] of reported) {
            const original = await library.getOriginalBytes(id);
            expect(createHash('sha256').update(original).digest('hex')).toBe(await sha(file));
            expect((await library.get(id)).source.sha256).toBe(await sha(file));
          }
          const leftovers = (await fs.readdir(path.join(lib, 'items'))).filter((n) =>
            n.startsWith('.'),
          );
          expect(leftovers).toEqual([]);
          expect(library.allSummaries().length).toBeGreaterThanOrEqual(reported.size);
        } finally {
          await library.close();
        }
        previous = reported.size;
      }
    }, 180_000);
  },
);
