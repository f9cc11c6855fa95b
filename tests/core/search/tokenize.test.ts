import { describe, expect, it } from 'vitest';
import { foldText, foldWithMap } from '../../../electron/core/search/fold';
import { stem } from '../../../electron/core/search/stem';
import { fieldTerms, scriptRuns } from '../../../electron/core/search/tokenize';
import { highlightSpans, makeSnippet } from '../../../electron/core/search/highlight';

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
