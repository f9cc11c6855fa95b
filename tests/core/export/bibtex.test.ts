import { describe, expect, it } from 'vitest';
import { toBibtex, toCslJson, toRis } from '../../../electron/core/export/bibtex';
import { makeArticle, seedArticle } from './fixtures';

describe('BibTeX', () => {
  it('writes an @article entry classic BibTeX reads, CJK author whole, with a urldate', () => {
    const bib = toBibtex([seedArticle()]);
    expect(bib).toMatch(/^@article\{folio2022[A-Za-z0-9]+,\n/);
    expect(bib).toContain('  author = {{斯影}}');
    expect(bib).toContain(
      '  title = {{习近平疫情后首次外访并与普京会面 为第三任期传递哪些外交信号}}',
    );
    // Fields of BibTeX's own styles: journal, year, and month as its macro (bare).
    expect(bib).toContain('  journal = {BBC中文}');
    expect(bib).toContain('  year = {2022}');
    expect(bib).toContain('  month = sep,');
    expect(bib).toContain('  url = {https://www.bbc.com/zhongwen/simp/world-62912357}');
    expect(bib).toContain('  urldate = {2026-11-28}');
    expect(bib).not.toMatch(/journaltitle|@online|\bdate =/);
  });

  it('leaves out the year and month of an undated article', () => {
    const bib = toBibtex([makeArticle({ title: 'Undated', publishedAt: null })]);
    expect(bib).not.toMatch(/year =|month =/);
  });

  it('escapes LaTeX specials and joins Latin authors with "and"', () => {
    const bib = toBibtex([
      makeArticle({ title: 'Profits up 50% & {more}', authors: ['Jane Doe', 'Li Wei'] }),
    ]);
    expect(bib).toContain('author = {Doe, Jane and Wei, Li}');
    expect(bib).toContain('title = {{Profits up 50\\% \\& \\{more\\}}}');
  });
});

describe('RIS', () => {
  it('writes a NEWS record with CRLF line ends', () => {
    const ris = toRis([seedArticle()]);
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - NEWS');
    expect(lines).toContain('AU  - 斯影');
    expect(lines).toContain('T2  - BBC中文');
    expect(lines).toContain('PY  - 2022');
    expect(lines).toContain('DA  - 2022/09/16');
    expect(lines).toContain('Y2  - 2026/11/28');
    expect(lines).toContain('UR  - https://www.bbc.com/zhongwen/simp/world-62912357');
    expect(lines).toContain('ER  - ');
  });
});

describe('CSL-JSON', () => {
  it('is an array of article-newspaper records', () => {
    const data = JSON.parse(toCslJson([seedArticle()])) as Array<Record<string, unknown>>;
    expect(data).toHaveLength(1);
    expect(data[0]?.type).toBe('article-newspaper');
    expect(data[0]?.['container-title']).toBe('BBC中文');
  });
});
