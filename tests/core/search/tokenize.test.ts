import { describe, expect, it } from 'vitest';
import { foldText, foldWithMap } from '../../../electron/core/search/fold';
import { stem } from '../../../electron/core/search/stem';
import {
  cjkGrams,
  countTerms,
  fieldTerms,
  longWords,
  longWordsOfRuns,
  scriptRuns,
} from '../../../electron/core/search/tokenize';
import { hasCorpus, loadDumpArticles, loadWebArticles } from './fake-library';
import { highlightSpans, makeSnippet } from '../../../electron/core/search/highlight';
import { mulberry32 } from '../../support/seeded-random';

describe('folding', () => {
  it('folds Traditional to Simplified, width, case and accents', () => {
    expect(foldText('關係 習近平')).toBe('关系 习近平');
    expect(foldText('ＡＢＣ１２３ Café')).toBe('abc123 cafe');
  });

  it('maps folded offsets back to the original', () => {
    const f = foldWithMap('Ｃａｆé關係');
    expect(f.folded).toBe('cafe关系');
    expect([f.starts[4], f.ends[5]]).toEqual([4, 6]);
  });
});

describe('stemming', () => {
  it('strips plurals and verb endings', () => {
    expect(stem('elections')).toBe(stem('election'));
    expect(stem('running')).toBe('run');
    expect(stem('policies')).toBe(stem('policy'));
    expect(stem('agreed')).toBe('agree');
    expect(stem('news')).toBe('new');
  });
});

describe('tokenizing', () => {
  it('splits mixed scripts into runs', () => {
    expect(scriptRuns('自然语言processing 2024年').map((r) => [r.kind, r.text])).toEqual([
      ['cjk', '自然语言'],
      ['word', 'processing'],
      ['word', '2024'],
      ['cjk', '年'],
    ]);
  });

  it('indexes characters, bigrams and dictionary words, never across punctuation', () => {
    const { tf } = fieldTerms('上海合作组织峰会。合作');
    expect(tf.get('合作')).toBe(2);
    expect(tf.get('会合')).toBeUndefined();
    expect(tf.get('上')).toBe(1);
    expect(tf.has('会。')).toBe(false);
  });
});

/** The plain way: each run alone, every segment visited. */
function referenceLongWords(run: string): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  if (run.length < 3) return out;
  for (const s of segmenter.segment(run)) {
    if (s.isWordLike && Array.from(s.segment).length >= 3) out.push(s.segment);
  }
  return out;
}

describe('dictionary words', () => {
  it('finds the words of runs segmented together exactly as each run alone', () => {
    const runsOf = (text: string) =>
      scriptRuns(foldText(text))
        .filter((r) => r.kind === 'cjk')
        .map((r) => r.text);
    const texts = [
      '中华人民共和国国务院总理今天在北京会见了来访的美国国务卿。习近平主席',
      'トランプ大統領はホワイトハウスで記者会見を開いた。대한민국 국회의사당에서',
      '𠀋𠀍𠀎中华人民共和国𪚥𪚥𪚥',
      ...(hasCorpus
        ? [...loadDumpArticles(), ...loadWebArticles(20)].map((a) => `${a.title}\n${a.text}`)
        : []),
    ];
    // Random runs from a vocabulary of words, kana, hangul and astral Han, of every length.
    const rnd = mulberry32(7);
    const pieces = [
      '人民',
      '共和国',
      '国务院',
      '总理',
      '习近平',
      'ニュース',
      'カタカナ',
      'ひらがな',
      '한국어',
      '대통령',
      '𠀋',
      '𪚥',
      '的',
      '了',
      '在',
      '北京',
      '上海合作组织',
      '中',
    ];
    for (let t = 0; t < 300; t++) {
      const runs: string[] = [];
      const n = 1 + Math.floor(rnd() * 12);
      for (let r = 0; r < n; r++) {
        let run = '';
        const k = Math.floor(rnd() * 8);
        for (let i = 0; i < k; i++) run += pieces[Math.floor(rnd() * pieces.length)]!;
        runs.push(run);
      }
      texts.push(runs.join('，'));
    }
    let found = 0;
    for (const text of texts) {
      const runs = runsOf(text);
      const expected = runs.map(referenceLongWords);
      expect(longWordsOfRuns(runs)).toEqual(expected);
      runs.forEach((run, i) => expect(longWords(run)).toEqual(expected[i]));
      found += expected.flat().length;
    }
    expect(found).toBeGreaterThan(500);
  });
});

/** The plain way to count terms: every token a string, counted in a map in order of first use. */
function referenceCounts(folded: string): { terms: string[]; counts: number[]; length: number } {
  const tf = new Map<string, number>();
  const add = (t: string) => tf.set(t, (tf.get(t) ?? 0) + 1);
  let length = 0;
  for (const run of scriptRuns(folded)) {
    if (run.kind === 'word') {
      add(run.text);
      length++;
      continue;
    }
    const { unigrams, bigrams } = cjkGrams(run.text);
    unigrams.forEach(add);
    bigrams.forEach(add);
    longWords(run.text).forEach(add);
    length += unigrams.length;
  }
  return { terms: [...tf.keys()], counts: [...tf.values()], length };
}

describe('counting terms', () => {
  it('lists terms in order of first use with their counts, astral characters included', () => {
    const texts = [
      '上海合作组织峰会。合作，上海',
      'a 5 中 a 中国 5g 𠀋𠀋中𠀋 𪚥𪚥',
      '',
      ...(hasCorpus ? loadDumpArticles().map((a) => `${a.title}\n${a.text}`) : []),
    ];
    const rnd = mulberry32(11);
    const pieces = [
      '人民',
      '共和国',
      '𠀋',
      'ニュース',
      '한국어',
      'abc',
      'a',
      '5',
      '年',
      '。',
      ' ',
      '的',
    ];
    for (let t = 0; t < 300; t++) {
      let text = '';
      const n = Math.floor(rnd() * 20);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(rnd() * pieces.length)]!;
      texts.push(text);
    }
    for (const text of texts) {
      const folded = foldText(text);
      expect(countTerms(folded)).toEqual(referenceCounts(folded));
    }
    // Repeated calls start afresh (the per-character table is reset after each).
    expect(countTerms('中中').counts).toEqual([2, 1]);
    expect(countTerms('中').counts).toEqual([1]);
  });
});

describe('highlighting', () => {
  it('marks the original characters of a folded match', () => {
    const text = '兩國關係緊張';
    expect(highlightSpans(text, [{ kind: 'text', text: '关系' }])).toEqual([[2, 4]]);
  });

  it('cuts a snippet around the match with offsets into the snippet', () => {
    const text = `${'无关的内容。'.repeat(40)}两国关系紧张。${'其他内容。'.repeat(40)}`;
    const { snippet, highlights } = makeSnippet(text, [{ kind: 'text', text: '关系' }]);
    expect(snippet.length).toBeLessThan(200);
    expect(highlights.map(([a, b]) => snippet.slice(a, b))).toEqual(['关系']);
  });

  it('highlights stemmed English words whole', () => {
    const text = 'The Elections were close; an election is due.';
    const spans = highlightSpans(text, [
      { kind: 'word', text: 'election', stem: stem('election') },
    ]);
    expect(spans.map(([a, b]) => text.slice(a, b))).toEqual(['Elections', 'election']);
  });
});
