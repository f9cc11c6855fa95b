import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Article } from '../../../shared/model';
import type { SearchIndex } from '../../../electron/core/ports';
import { type EvalContext, evaluate } from '../../../electron/core/search/evaluate';
import { foldChar } from '../../../electron/core/search/fold';
import { decodeFolded } from '../../../electron/core/search/folded-form';
import {
  createFormChecker,
  defaultFormCheckWorkerFile,
} from '../../../electron/core/search/form-checks';
import { FIRST_WINDOW } from '../../../electron/core/search/phrase-check';
import { TextStore } from '../../../electron/core/search/text-store';
import { loadIndex } from '../../../electron/core/search/index-persistence';
import { openSearchIndex } from '../../../electron/core/search/open-search-index';
import { parseQuery } from '../../../electron/core/search/query-parser';
import { FakeLibrary, makeArticle } from './fake-library';

/**
 * An index of `docs` built, closed and loaded back as evaluate() sees it, with a context that
 * counts the texts it reads. Closed and removed when the calling test finishes, passed or failed.
 */
async function loadedIndex(prefix: string, docs: Article[]) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const index = await openSearchIndex({
    dir,
    library: new FakeLibrary(dir, docs).asLibrary(),
    onError: () => undefined,
  });
  await index.close();
  const idx = (await loadIndex(join(dir, 'index')))!;
  let reads = 0;
  const ctx: EvalContext = {
    state: idx.state,
    readStored: (rec) => {
      reads++;
      return idx.texts.read(rec.textRef);
    },
    readFoldedBytes: (rec, from, to) => {
      reads++;
      return rec.foldRef ? idx.texts.readBytes(rec.foldRef, from, to) : null;
    },
  };
  const ids = (q: string) =>
    evaluate(ctx, parseQuery(q))
      .ranked.map((r) => idx.state.docs[r.doc]!.id)
      .sort();
  onTestFinished(() => {
    idx.texts.close();
    idx.state.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { idx, ids, reads: () => reads };
}

describe('contiguity of CJK terms', () => {
  let dir: string;
  let index: SearchIndex;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-eval-'));
    const docs = [
      // Every bigram of 维权律师 occurs here (维权, 权律, 律师), but never the run itself.
      makeArticle({ id: 'apart', text: '他们维权。人权律师说，维权律。另有人权律师。' }),
      makeArticle({ id: 'together', text: '多名維權律師被拘留。' }),
    ];
    const lib = new FakeLibrary(dir, docs);
    index = await openSearchIndex({ dir, library: lib.asLibrary(), onError: () => undefined });
  });
  afterAll(async () => {
    await index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('matches a bare CJK run only where it occurs contiguously after folding', () => {
    expect(index.matchIds('维权律师')).toEqual(['together']);
    expect(index.matchIds('維權律師')).toEqual(['together']);
  });

  it('still matches both documents on the shorter run they share', () => {
    expect(index.matchIds('维权').sort()).toEqual(['apart', 'together']);
  });

  it('excludes a bare CJK run only where it is contiguous', () => {
    expect(index.matchIds('律师 -维权律师')).toEqual(['apart']);
  });

  it('finds a run in any window of a long text, or across the end of one', async () => {
    const more = mkdtempSync(join(tmpdir(), 'folio-long-'));
    // Removed even when an expectation fails.
    onTestFinished(() => rmSync(more, { recursive: true, force: true }));
    // The first windows end at W, 3W and 7W bytes of the stored form. A CJK text is stored as UTF-16
    // after a 2-byte mark (folded-form.ts): character i takes bytes 2 + 2i and 2 + 2i + 1, so
    // after e / 2 - 3 characters the 8-byte run starts 4 bytes before the window's end e.
    const ends = [1, 3, 7].map((k) => k * FIRST_WINDOW);
    const lead = [...ends.map((e) => e / 2 - 3), 0, 100, 5000, 12000];
    const docs = lead.map((n, i) =>
      makeArticle({ id: `long${i}`, text: `${'的'.repeat(n)}维权律师。${'的'.repeat(3000)}` }),
    );
    // A Latin text stays UTF-8: 'the president' starts 5 bytes before each window's end.
    const latin = ends.map((e, i) =>
      makeArticle({
        id: `en${i}`,
        lang: 'en',
        text: `${'x'.repeat(e - 6)} the president ${'y '.repeat(9000)}`,
      }),
    );
    docs.push(makeArticle({ id: 'apart', text: `${'的'.repeat(14000)}维权。人权律师。` }));
    // Only the title holds the run; the body has its words, apart, in a long text.
    docs.push(
      makeArticle({
        id: 'title',
        title: '维权律师',
        text: `${'的'.repeat(9000)}维权。人权律师。`,
      }),
    );
    const long = await openSearchIndex({
      dir: more,
      library: new FakeLibrary(more, [...docs, ...latin]).asLibrary(),
      onError: () => undefined,
    });
    const want = [...lead.map((_, i) => `long${i}`), 'title'].sort();
    expect(long.matchIds('维权律师').sort()).toEqual(want);
    expect(long.matchIds('"维权律师"').sort()).toEqual(want);
    expect(long.matchIds('"the president"').sort()).toEqual(['en0', 'en1', 'en2']);
    await long.close();

    // Forms stored in UTF-8 before UTF-16 was chosen for CJK are still searched as UTF-8.
    const idx = (await loadIndex(join(more, 'index')))!;
    const old = new TextStore(join(more, 'old-texts.bin'));
    for (const rec of idx.state.docs) {
      if (rec?.foldRef) rec.foldRef = old.append(decodeFolded(idx.texts.readBytes(rec.foldRef)));
    }
    const ctx: EvalContext = {
      state: idx.state,
      readStored: (rec) => idx.texts.read(rec.textRef),
      readFoldedBytes: (rec, from, to) =>
        rec.foldRef ? old.readBytes(rec.foldRef, from, to) : null,
    };
    const ids = evaluate(ctx, parseQuery('维权律师')).ranked.map((r) => idx.state.docs[r.doc]!.id);
    expect(ids.sort()).toEqual(want);
    old.close();
    idx.texts.close();
    idx.state.close();
  });

  it('highlights the contiguous run in the snippet', () => {
    const res = index.search({ query: '维权律师' });
    expect(res.total).toBe(1);
    const hit = res.hits[0]!;
    const [a, b] = hit.highlights[0]!;
    expect(hit.snippet.slice(a, b)).toBe('維權律師');
  });
});

describe('phrase filters', () => {
  let dir: string;
  // Varied texts (a filter is a hash: identical texts would pass or fail together), each with
  // "the" and "president" but never side by side.
  const vocabulary =
    'talks ended on day club spoke to reporters about budget plans for city river'.split(' ');
  const apart = Array.from({ length: 40 }, (_, i) => {
    const words = Array.from({ length: 12 }, (_, k) => vocabulary[(i * 7 + k * k * 3) % 14]!);
    return makeArticle({
      id: `apart-${i}`,
      lang: 'en',
      text: `The ${words.slice(0, 6).join(' ')}. A president ${i} ${words.slice(6).join(' ')}.`,
    });
  });
  const together = makeArticle({
    id: 'together',
    lang: 'en',
    text: 'On Monday the President spoke to the press.',
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-gap-'));
    const lib = new FakeLibrary(dir, [...apart, together]);
    const index = await openSearchIndex({
      dir,
      library: lib.asLibrary(),
      onError: () => undefined,
    });
    // One more document after the base is written, so the delta log's form is covered too.
    lib.put(makeArticle({ id: 'later', lang: 'en', text: 'Later, the president left.' }));
    await index.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads only documents whose filter may hold the phrase, from the base and the delta', async () => {
    const idx = (await loadIndex(join(dir, 'index')))!;
    let reads = 0;
    const ctx: EvalContext = {
      state: idx.state,
      readStored: (rec) => idx.texts.read(rec.textRef),
      readFoldedBytes: (rec) => {
        reads++;
        return rec.foldRef ? idx.texts.readBytes(rec.foldRef) : null;
      },
    };
    expect(idx.state.docs.every((d) => d?.gapSig instanceof Uint32Array)).toBe(true);
    const ids = evaluate(ctx, parseQuery('"the president"')).ranked.map(
      (r) => idx.state.docs[r.doc]!.id,
    );
    expect(ids.sort()).toEqual(['later', 'together']);
    // 42 documents hold both words; without the filters every one of them would be read.
    expect(reads).toBeLessThan(10);
    idx.texts.close();
    idx.state.close();
  });
});

describe('metadata filters', () => {
  it('filters by site, tags, dates, author and language, each way', async () => {
    const day = (d: string) => `${d}T08:00:00.000Z`;
    const { ids } = await loadedIndex('folio-eval-filters-', [
      makeArticle({
        id: 'a',
        siteName: 'BBC中文',
        tags: ['外交', 'Read-Later'],
        publishedAt: day('2021-03-01'),
        text: '中国外交',
      }),
      makeArticle({
        id: 'b',
        siteName: '纽约时报中文网',
        tags: ['外交'],
        publishedAt: day('2020-12-31'),
        text: '中国经济',
      }),
      // No date at all (makeArticle would give one).
      { ...makeArticle({ id: 'c', siteName: '', tags: [], text: '中国' }), publishedAt: null },
      makeArticle({
        id: 'd',
        siteName: 'BBC News',
        tags: ['ＲＥＡＤ-later'],
        publishedAt: day('2021-01-01'),
        authors: ['斯影'],
        lang: 'zh-Hant',
        text: '中國',
      }),
    ]);
    expect(ids('中国 site:bbc')).toEqual(['a', 'd']);
    expect(ids('中国 -site:bbc')).toEqual(['b', 'c']);
    expect(ids('中国 tag:外交')).toEqual(['a', 'b']);
    // Tags match whole, in any case or width; every tag asked for must be there.
    expect(ids('中国 tag:read-later')).toEqual(['a', 'd']);
    expect(ids('中国 tag:外交 tag:read-later')).toEqual(['a']);
    expect(ids('中国 -tag:外交')).toEqual(['c', 'd']);
    expect(ids('tag:外交 after:2021-01-01')).toEqual(['a']);
    expect(ids('中国 before:2021-01-01')).toEqual(['b']);
    expect(ids('中国 after:2021-01-01 before:2021-01-02')).toEqual(['d']);
    expect(ids('中国 author:斯影')).toEqual(['d']);
    expect(ids('中国 lang:zh-hant')).toEqual(['d']);
    expect(ids('site:bbc -tag:外交')).toEqual(['d']);
  });
});

describe('phrases in titles', () => {
  it('finds a title that holds the run, in either script, before reading any text', async () => {
    const body = `${'的'.repeat(20)}维权和律师。`;
    const { ids, reads } = await loadedIndex('folio-eval-title-', [
      makeArticle({ id: 'simplified', title: '维权律师被捕', text: body }),
      makeArticle({ id: 'traditional', title: '維權律師被捕', text: body }),
      makeArticle({
        id: 'en',
        lang: 'en',
        title: 'The ＰＲＥＳＩＤＥＮＴ Speaks',
        text: 'Nothing.',
      }),
      // The words in the title, apart; the run only in the text.
      makeArticle({ id: 'body', title: '维权与律师', text: `${body}维权律师。` }),
      makeArticle({ id: 'neither', title: '维权与律师', text: body }),
    ]);
    expect(ids('维权律师')).toEqual(['body', 'simplified', 'traditional']);
    expect(ids('"the president"')).toEqual(['en']);
    // Only the article with the run in its text alone was read ('neither' fails its filter).
    expect(reads()).toBe(1);
  });

  it('relies on folding being idempotent: every folded character folds to itself', () => {
    let checked = 0;
    const moved: string[] = [];
    for (let cp = 0; cp < 0x30000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      for (const u of foldChar(String.fromCodePoint(cp))) {
        if (foldChar(u) !== u) moved.push(`U+${cp.toString(16)}`);
        checked++;
      }
    }
    expect(moved).toEqual([]);
    expect(checked).toBeGreaterThan(190_000);
  });
});

describe('phrase checks shared with a worker', () => {
  it('finds the same articles as checks in one thread', async () => {
    const docs = Array.from({ length: 240 }, (_, i) =>
      makeArticle({
        id: `d${String(i).padStart(3, '0')}`,
        title: i % 4 === 0 ? '美国总统访华' : '新闻',
        // Most hold the words; every other one holds them together, some far into the text. Two
        // in three hold 发表讲话; the others, every bigram of it but not together.
        text: `${'的'.repeat((i % 9) * 900)}${i % 2 ? '美国总统' : '美国的总统'}${i % 3 ? '发表讲话' : '发表了表讲的讲话'}。`,
      }),
    );
    const { idx } = await loadedIndex('folio-eval-shared-', docs);
    const forms = createFormChecker({
      path: () => idx.texts.path,
      read: (ref, from, to) => idx.texts.readBytes(ref, from, to),
      workerFile: defaultFormCheckWorkerFile(),
    });
    onTestFinished(() => forms.close());
    forms.start();
    await new Promise((r) => setTimeout(r, 1500));
    let shared = 0;
    const ctx = (withWorker: boolean): EvalContext => ({
      state: idx.state,
      readStored: (rec) => idx.texts.read(rec.textRef),
      readFoldedBytes: (rec, from, to) =>
        rec.foldRef ? idx.texts.readBytes(rec.foldRef, from, to) : null,
      ...(withWorker && {
        checkForms: (needle, refs) => {
          shared += refs.length / 2;
          return forms.check(needle, refs);
        },
      }),
    });
    const ids = (q: string, withWorker: boolean) =>
      evaluate(ctx(withWorker), parseQuery(q))
        .ranked.map((r) => idx.state.docs[r.doc]!.id)
        .sort();
    const queries = [
      '美国总统',
      '"美国总统"',
      '美国总统 -访华',
      '美国总统 OR 讲话',
      '美国总统 发表讲话',
      '美国总统 -发表讲话',
      '"美国总统" -访华 -表讲的讲话',
    ];
    for (const q of queries) expect(ids(q, true)).toEqual(ids(q, false));
    const holds = (i: number) => i % 2 === 1 || i % 4 === 0;
    const want = docs.filter((_, i) => holds(i)).map((d) => d.id);
    shared = 0;
    expect(ids('美国总统', true)).toEqual(want);
    // Those with 美国的总统 lack a bigram; titles answered for every fourth (an even one); the rest
    // of the candidates, the odd ones, went to checkForms.
    expect(shared).toBe(120);
    // Two strings: each searched for all candidates at once, the second only where the first is.
    shared = 0;
    expect(ids('美国总统 发表讲话', true)).toEqual(
      docs.filter((_, i) => holds(i) && i % 3 !== 0).map((d) => d.id),
    );
    expect(shared).toBe(120 + docs.filter((_, i) => holds(i)).length);
    // An exclusion goes first: what it drops is never searched for the phrase.
    shared = 0;
    expect(ids('美国总统 -发表讲话', true)).toEqual(
      docs.filter((_, i) => holds(i) && i % 3 === 0).map((d) => d.id),
    );
    expect(shared).toBe(180 + docs.filter((_, i) => i % 2 === 1 && i % 3 === 0).length);
  });
});

describe('phrases the index answers exactly', () => {
  it('finds a one-word or two-character phrase by substring without reading a text', async () => {
    const texts = [
      'Vote and go.',
      'Android phones.',
      'A BAND played.',
      'An d-day.',
      'Nothing here.',
      '他们维权。',
      '维 权分开。',
      '權利與維權',
    ];
    const { ids, reads } = await loadedIndex(
      'folio-oneword-',
      texts.map((text, i) => makeArticle({ id: `d${i}`, lang: 'en', text })),
    );
    expect(ids('"and"')).toEqual(['d0', 'd1', 'd2']);
    expect(ids('"AND"')).toEqual(['d0', 'd1', 'd2']);
    expect(ids('"v"')).toEqual(['d0']);
    expect(ids('"维权"')).toEqual(['d5', 'd7']);
    expect(ids('"權"')).toEqual(['d5', 'd6', 'd7']);
    expect(reads()).toBe(0);
    // Two words, or a longer run, are still checked in the text.
    expect(ids('"an d"')).toEqual(['d3']);
    expect(reads()).toBeGreaterThan(0);
  });
});

describe('records without a phrase filter', () => {
  it('are read, whatever their neighbours have', async () => {
    const docs = ['the president', 'a president', 'the president', 'the', 'the president'].map(
      (text, i) => makeArticle({ id: `d${i}`, lang: 'en', text: `Today ${text} spoke.` }),
    );
    const { idx, ids } = await loadedIndex('folio-nofilter-', docs);
    // Older records carry no filter; mix them with filtered ones.
    idx.state.docs.forEach((rec, i) => {
      if (rec && i % 2 === 1) delete rec.gapSig;
    });
    expect(ids('"the president"')).toEqual(['d0', 'd2', 'd4']);
  });
});

describe('fields of a checked string', () => {
  let dir: string;
  let index: SearchIndex;
  let lib: FakeLibrary;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-fields-'));
    const docs = [
      // Both words, but "the" only in the title and "president" only in the text.
      makeArticle({ id: 'split', lang: 'en', title: 'On the record', text: 'A president spoke.' }),
      makeArticle({ id: 'title', lang: 'en', title: 'The President speaks', text: 'Nothing.' }),
      makeArticle({ id: 'tagged', lang: 'en', text: 'Nothing here.', tags: ['the president'] }),
      // A bare term whose CJK run is in the text and whose Latin word is only in the title.
      makeArticle({ id: 'mixed', title: 'Trump', text: '美国总统发表讲话。' }),
      makeArticle({
        id: 'notes',
        text: '无关。',
        notes: { markdown: '美国总统', createdAt: '', updatedAt: '' },
      }),
    ];
    lib = new FakeLibrary(dir, docs);
    index = await openSearchIndex({ dir, library: lib.asLibrary(), onError: () => undefined });
  });
  afterAll(async () => {
    await index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks articles added after the first phrase query with their own filters', async () => {
    expect(index.matchIds('"spoke to the president"')).toEqual([]);
    for (const [i, text] of [
      'We spoke to the president.',
      'The president spoke to us.',
    ].entries()) {
      lib.put(makeArticle({ id: `added${i}`, lang: 'en', text }));
    }
    await index.flush();
    expect(index.matchIds('"spoke to the president"')).toEqual(['added0']);
  });

  it('finds a phrase only within one field', () => {
    expect(index.matchIds('"the president"').sort()).toEqual([
      'added0',
      'added1',
      'tagged',
      'title',
    ]);
  });

  it('checks each run of a bare term in any field', () => {
    expect(index.matchIds('美国总统trump')).toEqual(['mixed']);
    expect(index.matchIds('美国总统').sort()).toEqual(['mixed', 'notes']);
  });

  it('excludes by a phrase only where it occurs', () => {
    expect(index.matchIds('president -"the president"')).toEqual(['split']);
  });
});
