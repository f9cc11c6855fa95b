import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../electron/core/parse/parse-document';
import { FolioError } from '../../../shared/errors';
import { repoRoot } from './corpus-dir';

const SEED = 'seeds/000_5d1e6c4fe0d6993d.txt';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function expectFolioError(fn: () => unknown, code: string): FolioError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FolioError);
    expect((err as FolioError).code).toBe(code);
    expect((err as FolioError).message.length).toBeGreaterThan(5);
    return err as FolioError;
  }
  throw new Error(`expected FolioError ${code}`);
}

describe('parseDocument: the seed dump (golden)', () => {
  const bytes = readFileSync(path.join(repoRoot, SEED));
  const { article, format, encoding } = parseDocument(bytes, path.basename(SEED));

  it('reads the header fields exactly', () => {
    expect(format).toBe('dump');
    expect(encoding).toBe('utf-8');
    expect(article.title).toBe('习近平疫情后首次外访并与普京会面 为第三任期传递哪些外交信号');
    expect(article.url).toBe('https://www.bbc.com/zhongwen/simp/world-62912357');
    expect(article.siteName).toBe('BBC中文');
    expect(article.publishedAt).toBe('2022-09-16T02:13:02.000Z');
    expect(article.lang).toBe('zh-Hans');
  });

  it('takes the author from the printed byline, never the outlet', () => {
    expect(article.authors).toEqual(['斯影']);
    expect(article.byline).toBe('斯影');
  });

  it('drops the promo footer, related links and credit lines from the text', () => {
    expect(article.text).not.toMatch(/获取更多RSS|feedx/);
    expect(article.contentHtml).not.toMatch(/获取更多RSS|feedx/);
    expect(article.text).not.toMatch(/图像来源/);
    expect(article.text).not.toContain('普京与习近平会谈 称“理解中国对乌克兰局势的疑问和担心”');
    expect(article.contentHtml).not.toContain('/zhongwen/simp/world-62913551');
    expect(article.text).not.toMatch(/<\/?[a-z][a-z0-9]*[\s>/]/i);
    expect(article.text.split('\n\n').length).toBeGreaterThan(20);
  });

  it('keeps headings and builds figures with real sources, captions and credits', () => {
    expect(article.contentHtml).toContain('<h2>二十大结果“尘埃落定” ？</h2>');
    const captioned = article.images.filter((i) => i.caption !== '');
    expect(captioned.length).toBeGreaterThanOrEqual(6);
    expect(article.images[0]).toMatchObject({
      src: 'https://ichef.bbci.co.uk/news/800/cpsprodpb/EF4F/production/_126736216_xi_putin_epa.jpg',
      credit: 'EPA',
    });
    expect(article.images[0]?.caption).toMatch(/^9月15日，在乌兹别克斯坦/);
    for (const img of article.images) expect(img.src).not.toContain('weserv');
    expect(article.contentHtml).toMatch(
      /<figure><img src="https:\/\/ichef[^"]+" alt="[^"]*" \/><figcaption>/,
    );
  });

  it('derives excerpt and word count from the body', () => {
    expect(article.excerpt).toMatch(/^10年前，中国国家主席习近平甫一上任/);
    expect([...article.excerpt].length).toBeLessThanOrEqual(201);
    expect(article.wordCount).toBeGreaterThan(2000);
    expect(article.tags).toEqual([]);
  });
});

describe('parseDocument: bad and hostile input', () => {
  it('refuses an empty file', () => {
    expectFolioError(() => parseDocument(new Uint8Array(0), 'empty.txt'), 'EMPTY_FILE');
  });

  it('refuses a PNG renamed .html', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expectFolioError(() => parseDocument(png, 'photo.html'), 'BINARY_FILE');
  });

  it('refuses bytes with NULs that are not UTF-16', () => {
    const bin = new Uint8Array(600).map((_, i) => (i % 7 === 0 ? 0 : 0x41 + (i % 20)));
    expectFolioError(() => parseDocument(bin, 'blob.txt'), 'BINARY_FILE');
  });

  it('refuses files over the size cap without reading them', () => {
    expectFolioError(
      () => parseDocument(new Uint8Array(65 * 1024 * 1024), 'huge.html'),
      'TOO_LARGE',
    );
  });

  it('refuses plain text that is neither dump nor HTML', () => {
    expectFolioError(
      () => parseDocument(enc('just some notes\nnothing else'), 'a.md'),
      'UNRECOGNISED_FORMAT',
    );
  });

  it('reports a page with no readable content', () => {
    expectFolioError(
      () => parseDocument(enc('<html><body><script>x()</script></body></html>'), 'x.html'),
      'NO_CONTENT',
    );
  });

  it('keeps tag-shaped text a web page shows on purpose (only dumps undo double escaping)', () => {
    const para = 'To start a paragraph, write &lt;p&gt; and close it; &amp;nbsp; is a space.';
    const page = `<html><head><title>HTML basics</title></head><body><article><h1>HTML basics</h1>${'<p>Some long introductory prose about writing markup by hand, with enough words to count as the article body here.</p>'.repeat(3)}<p>${para}</p></article></body></html>`;
    const { article } = parseDocument(enc(page), 'basics.html');
    expect(article.text).toContain('write <p> and close it; &nbsp; is a space.');
  });

  it('parses a 30 MB page', () => {
    const para =
      '<p>这是一个很长的段落，用来测试大文件的解析速度和稳定性。This is a long paragraph for testing.</p>\n';
    const count = Math.ceil((30 * 1024 * 1024) / enc(para).length);
    const html = `<html><head><title>Big page</title></head><body><article>${para.repeat(count)}</article></body></html>`;
    const { article, format } = parseDocument(enc(html), 'big.html');
    expect(format).toBe('html');
    expect(article.text.length).toBeGreaterThan(10_000_000);
  }, 240_000);

  it('survives nesting 10,000 levels deep', () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}深处的文字 deep text${'</div>'.repeat(10_000)}</body></html>`;
    const { article } = parseDocument(enc(html), 'deep.html');
    expect(article.text).toContain('深处的文字 deep text');
  });

  it('survives 50,000 unclosed inline tags and an out-of-range epoch', () => {
    const html = `<html><body><p>${'<b><i>'.repeat(25_000)}正文文字</p></body></html>`;
    expect(parseDocument(enc(html), 'unclosed.html').article.text).toContain('正文文字');
    const dump = '<!--99999999999999999-->\n[标题](https://a.test/x)\n------\n<p>正文</p>';
    expect(parseDocument(enc(dump), 'epoch.txt').article.publishedAt).toBeNull();
  });

  it('strips scripts, handlers, styles and javascript: links', () => {
    const html =
      '<html><head><title>T</title></head><body><article><p onclick="evil()" style="color:red">正文内容足够长，' +
      '这是文章的第一段落。<a href="javascript:alert(1)">坏链接</a> <a href="/ok">好链接</a></p>' +
      '<img src="x" onerror="evil()"><script>evil()</script><iframe src="https://x.test"></iframe></article></body></html>';
    const { article } = parseDocument(enc(html), 'x.html');
    expect(article.contentHtml).not.toMatch(/onclick|onerror|style=|javascript:|<script|<iframe/i);
    expect(article.contentHtml).toContain('坏链接');
  });
});

describe('parseDocument: encodings', () => {
  const page = (body: string, head = ''): string =>
    `<html><head>${head}<title>新闻标题</title></head><body><article><p>${body}</p></article></body></html>`;
  const simplified =
    '中国国家主席习近平在北京会见了来访的外国领导人，双方就共同关心的国际和地区问题交换了意见。';
  const traditional =
    '中央社記者今天報導，臺灣的經濟發展與國際關係受到各界關注，政府表示將持續推動相關政策。';

  it('detects undeclared GBK', () => {
    const { article, encoding } = parseDocument(iconv.encode(page(simplified), 'gbk'), 'gbk.html');
    expect(encoding).toBe('gb18030');
    expect(article.text).toContain(simplified);
    expect(article.lang).toBe('zh-Hans');
  });

  it('detects an undeclared Big5 page', () => {
    const { article, encoding } = parseDocument(
      iconv.encode(page(traditional), 'big5'),
      'big5.html',
    );
    expect(encoding).toBe('big5');
    expect(article.text).toContain(traditional);
    expect(article.lang).toBe('zh-Hant');
  });

  it('honours a declared charset', () => {
    const html = page(
      traditional,
      '<meta http-equiv="Content-Type" content="text/html; charset=big5">',
    );
    const { article, encoding } = parseDocument(iconv.encode(html, 'big5'), 'decl.html');
    expect(encoding).toBe('big5');
    expect(article.text).toContain(traditional);
  });

  it('reads UTF-16 with a BOM', () => {
    const bytes = iconv.encode(page(simplified), 'utf-16le', { addBOM: true });
    const { article, encoding } = parseDocument(bytes, 'u16.html');
    expect(encoding).toBe('utf-16le');
    expect(article.text).toContain(simplified);
  });

  it('keeps mostly valid UTF-8 as UTF-8 when a few bytes are broken', () => {
    const seed = readFileSync(path.join(repoRoot, SEED));
    const broken = new Uint8Array(seed.length + 2);
    broken.set(seed);
    broken.set([0xff, 0xfe], seed.length - 100);
    broken.set(seed.subarray(seed.length - 100), seed.length - 98);
    const { article, encoding } = parseDocument(broken, 'broken.txt');
    expect(encoding).toBe('utf-8');
    expect(article.title).toBe('习近平疫情后首次外访并与普京会面 为第三任期传递哪些外交信号');
  });
});
