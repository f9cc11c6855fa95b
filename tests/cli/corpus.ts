/** Locates the shared dev corpora and makes distinct variants of their dumps. */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
export const CORPUS_DIR =
  process.env.FOLIO_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');
export const DUMPS_DIR = path.join(CORPUS_DIR, 'dumps-dev');
export const HAS_CORPUS = existsSync(DUMPS_DIR);
export const NO_CORPUS_REASON = `dev corpus not found at ${DUMPS_DIR} (set FOLIO_CORPUS_DIR)`;

/** Writes `n` distinct dumps (epoch, title, URL and body varied) into `dir`; returns their paths. */
export async function writeDumpVariants(dir: string, n: number): Promise<string[]> {
  const names = (await fs.readdir(DUMPS_DIR)).filter((f) => f.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((f) => fs.readFile(path.join(DUMPS_DIR, f), 'utf8')));
  await fs.mkdir(dir, { recursive: true });
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const lines = (texts[i % texts.length] as string).split('\n');
    lines[0] = `<!--${1_600_000_000_000 + i * 60_000}-->`;
    lines[1] = (lines[1] ?? '').replace(
      /^\[(.*)\]\((.*)\)$/,
      (_m, t: string, u: string) => `[${t} #${i}](${u}${u.includes('?') ? '&' : '?'}v=${i})`,
    );
    const file = path.join(dir, `${String(i).padStart(5, '0')}.txt`);
    await fs.writeFile(file, `${lines.join('\n')}\n<p>Variant ${i}.</p>`);
    out.push(file);
  }
  return out;
}
