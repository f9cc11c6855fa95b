import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHeaderCiter } from '../../../electron/core/export/header-citations';
import { headerCitation, headerStyle } from '../../../electron/core/export/render-article';
import type { Article } from '../../../shared/model';
import { articleFromFile, corpusDir, makeArticle, richArticle, seedArticle } from './fixtures';

const devDir = path.join(corpusDir, 'dumps-dev');

function variants(base: Article[]): Article[] {
  // Same shapes with other values: templates made from the first article serve the rest.
  return base.flatMap((a, i) => [
    a,
    { ...a, id: `${a.id}-b`, title: `${a.title} 续${i}` },
    { ...a, id: `${a.id}-c`, title: `${a.title}？`, siteName: `${a.siteName}网` },
  ]);
}

describe('template header citations', () => {
  it('equal citeproc output for hand-made edge cases', () => {
    const cite = createHeaderCiter(headerStyle);
    const cases = variants([
      seedArticle(),
      richArticle(),
      makeArticle({ title: 'Hello world', authors: ['Reuters'] }),
      makeArticle({ title: "It's <i>odd</i> & “quoted”", authors: ['斯影', '李四'] }),
      makeArticle({ title: 'lower case start', siteName: '', url: '' }),
      makeArticle({ title: '《书名》（上）', lang: 'zh-Hant', authors: ['王小明'] }),
    ]);
    for (const a of cases) expect(cite(a)).toBe(headerCitation(a));
  });

  it.skipIf(!existsSync(devDir))('equal citeproc output for every dev dump and variants', () => {
    const files = readdirSync(devDir).filter((f) => f.endsWith('.txt'));
    const cite = createHeaderCiter(headerStyle);
    for (const a of variants(files.map((f) => articleFromFile(path.join(devDir, f))))) {
      expect(cite(a)).toBe(headerCitation(a));
    }
  });
});
