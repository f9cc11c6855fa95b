/**
 * Where the shared corpora live for tests: `../shared/corpus` beside the repo, or FOLIO_CORPUS_DIR.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The corpus folder, or null when it is absent (tests then skip with a reason). */
export function corpusDir(): string | null {
  const dir = process.env.FOLIO_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');
  return existsSync(dir) ? dir : null;
}
