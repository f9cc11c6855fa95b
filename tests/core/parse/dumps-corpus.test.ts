/**
 * Every dump of dumps-dev against expected.json (front matter of the original posts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanNames } from '../../../electron/core/parse/byline';
import { parseDocument } from '../../../electron/core/parse/parse-document';
import type { ParseOutcome } from '../../../electron/core/ports';
import { corpusDir } from './corpus-dir';

interface Expected {
  title: string | null;
  date: string | null;
  author: string | null;
  from: string | null;
  tags: string[];
  categories: string[];
  hasFrontMatter: boolean;
}

const corpus = corpusDir();
const dir = corpus ? path.join(corpus, 'dumps-dev') : '';
const expected: Record<string, Expected> = corpus
  ? (JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>)
  : {};

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

const parsed = new Map<string, { out: ParseOutcome; raw: string }>();
function parse(file: string): { out: ParseOutcome; raw: string } {
  let hit = parsed.get(file);
  if (!hit) {
    const bytes = readFileSync(path.join(dir, file));
    hit = { out: parseDocument(bytes, file), raw: bytes.toString('utf8') };
    parsed.set(file, hit);
  }
  return hit;
}

function epochOf(raw: string): string {
  const m = /^<!--(\d+)-->/.exec(raw);
  return new Date(Number(m?.[1])).toISOString();
}

describe.skipIf(!corpus)(`dumps-dev corpus (${corpus ?? 'absent: set FOLIO_CORPUS_DIR'})`, () => {
  const files = Object.keys(expected);

  it('has the 67 dumps', () => {
    expect(files.length).toBe(67);
  });

  it.each(files)('%s: header fields match expected.json', (file) => {
    const { out, raw } = parse(file);
    const exp = expected[file] as Expected;
    const a = out.article;
    expect(out.format).toBe('dump');
    expect(out.encoding).toBe('utf-8');
    if (exp.title !== null) {
      const want = exp.title.trim();
      // CCTV 新闻联播 titles are cut with "..." on line 2 but complete in the front matter.
      if (a.title.endsWith('...')) expect(want.startsWith(a.title.slice(0, -3).trim())).toBe(true);
      else expect(a.title).toBe(want);
    }
    if (exp.from !== null) expect([exp.from, safeDecode(exp.from)]).toContain(safeDecode(a.url));
    if (exp.date !== null) {
      const epoch = epochOf(raw);
      expect(a.publishedAt).toBe(epoch);
      // The two documented 联合早报 cases carry the archiver's fetch time instead.
      if (exp.date !== epoch) expect(a.url).toContain('zaobao.com');
    }
    expect(a.siteName.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: clean text without promo, feed links or markup', (file) => {
    const a = parse(file).out.article;
    expect(a.text).not.toMatch(/获取更多RSS|feedx/i);
    expect(a.contentHtml).not.toMatch(/获取更多RSS|feedx\.net/i);
    expect(a.text).not.toMatch(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?>/i);
    expect(a.text).not.toMatch(/图像来源，|图片版权/);
    expect(a.contentHtml).not.toMatch(/<script|<style|<iframe|\son[a-z]+=|javascript:/i);
    expect(a.excerpt).not.toMatch(/^(?:图像来源|图片版权|©)/);
    expect(['zh-Hans', 'zh-Hant', 'en']).toContain(a.lang);
  });

  it('finds the author wherever a person (not the outlet) is printed in the body', () => {
    let printed = 0;
    let found = 0;
    for (const file of files) {
      const exp = expected[file] as Expected;
      const { out, raw } = parse(file);
      if (!exp.author || cleanNames(exp.author, out.article.siteName).length === 0) continue;
      const body = raw.split('\n').slice(3).join('\n');
      if (!body.includes(exp.author)) continue;
      printed += 1;
      if (out.article.authors.includes(exp.author)) found += 1;
    }
    console.log(`authors printed in body: ${printed}, found: ${found}`);
    expect(printed).toBeGreaterThan(0);
    expect(found / printed).toBeGreaterThanOrEqual(0.95);
  });

  it('never names an outlet as an author', () => {
    const outlets =
      /^(?:BBC|BBC中文|BBC News 中文|路透|法广|德国之声|美国之音|联合早报|纽约时报|端傳媒)$/;
    for (const file of files) {
      for (const name of parse(file).out.article.authors) expect(name).not.toMatch(outlets);
    }
  });

  it('reads printed bylines of several outlets', () => {
    const byFile = (part: string): string[] => {
      const file = files.find((f) => f.includes(part)) as string;
      return parse(file).out.article.authors;
    };
    expect(byFile('2020-11-12-美国大选2020')).toEqual(['安东尼·祖切尔（Anthony Zurcher）']);
    expect(byFile('2021-03-18-_World_中美关系')).toEqual(['乔纳森·马库斯']);
    expect(byFile('2020-07-26-朝鲜首报新冠')).toEqual(['任琛']);
    expect(byFile('德男子将数名警察缴枪')).toEqual(['叶宣']);
    expect(byFile('2021-01-27-MIT华裔教授')).toEqual(['Ellen Barry']);
  });

  it('recognises Traditional Chinese and English dumps', () => {
    const lang = (part: string): string =>
      parse(files.find((f) => f.includes(part)) as string).out.article.lang;
    expect(lang('拜登左轉')).toBe('zh-Hant');
    expect(lang('今彩539')).toBe('zh-Hant');
    expect(lang('Why_Britain')).toBe('en');
    expect(lang('8月份中国青年失业率')).toBe('zh-Hans');
  });
});
