/**
 * Prints the bytes of UTF-16LE folded news text that make up more than 0.3% of it, most frequent
 * first, as hex: the table of common bytes in electron/core/search/folded-form.ts, counted over
 * the development dumps' article texts as the index stores them.
 *
 * Usage: npx tsx scripts/utf16-byte-frequencies.ts
 */
import { foldPhrase } from '../electron/core/search/fold';
import { hasCorpus, loadDumpArticles } from '../tests/core/search/fake-library';

if (!hasCorpus) {
  console.log('corpus folder not found (set FOLIO_CORPUS_DIR)');
} else {
  const counts = new Float64Array(256);
  let total = 0;
  for (const a of loadDumpArticles()) {
    const bytes = Buffer.from(foldPhrase(`${a.title}\n${a.text}`), 'utf16le');
    for (const b of bytes) counts[b]!++;
    total += bytes.length;
  }
  const common = [...counts.keys()]
    .filter((b) => counts[b]! / total > 0.003)
    .sort((a, b) => counts[b]! - counts[a]!);
  console.log(`${total} bytes; ${common.length} common:`);
  console.log(Buffer.from(common).toString('hex'));
}
