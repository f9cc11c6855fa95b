import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../../../electron/core/search/fold';
import {
  HEAD_SNIPPET_BYTES,
  type Pattern,
  headSnippet,
  makeSnippet,
  snippetInHead,
  stemSpans,
} from '../../../electron/core/search/highlight';
import { stem } from '../../../electron/core/search/stem';
import { scriptRuns } from '../../../electron/core/search/tokenize';
import { mulberry32 } from '../../support/seeded-random';
import { hasCorpus, loadDumpArticles, loadWebArticles } from './fake-library';

/** The plain definition: every word of the text, stemmed. */
function stemSpansByScan(folded: string, target: string): Array<[number, number]> {
  return scriptRuns(folded)
    .filter((r) => r.kind === 'word' && stem(r.text) === target)
    .map((r): [number, number] => [r.start, r.start + r.text.length]);
}

describe('stemSpans', () => {
  it('finds the words with a stem, whole, and no word it only starts inside', () => {
    const folded = foldForMatch(
      'Running, runs; he ran. Outrunning the runner: RUNNING2 run',
    ).folded;
    const spans = stemSpans(folded, stem('running'));
    expect(spans.map(([a, b]) => folded.slice(a, b))).toEqual(['running', 'runs', 'run']);
  });

  it('finds words after CJK characters and astral letters, as the tokenizer splits them', () => {
    const folded = foldForMatch('美国elections和𝐀election').folded;
    expect(stemSpans(folded, 'election')).toEqual(stemSpansByScan(folded, 'election'));
    expect(stemSpans(folded, 'election').length).toBe(1);
  });

  it.skipIf(!hasCorpus)('agrees with stemming every word, over the English corpus', () => {
    const texts = loadWebArticles(16).map((a) => {
      const folded = foldForMatch(a.text).folded;
      const words = scriptRuns(folded).filter((r) => r.kind === 'word');
      return { folded, words: words.map((r) => ({ ...r, stem: stem(r.text) })) };
    });
    // Every distinct word of a few texts as a query: short stems, y → i, doubled consonants.
    const targets = new Set(texts.slice(0, 3).flatMap((t) => t.words.map((w) => w.stem)));
    expect(targets.size).toBeGreaterThan(300);
    let found = 0;
    for (const target of targets) {
      for (const t of texts) {
        const got = stemSpans(t.folded, target);
        const want = t.words
          .filter((w) => w.stem === target)
          .map((w) => [w.start, w.start + w.text.length]);
        expect(got).toEqual(want);
        found += got.length;
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
});

describe('makeSnippet', () => {
  const filler = 'Nothing to see in this sentence at all. '.repeat(60);

  it('shows a stem variant beyond the head of a long text, in any case', () => {
    const text = `${filler}Then the Runners lined up. ${filler}`;
    const { snippet, highlights } = makeSnippet(text, [
      { kind: 'word', text: 'runner', stem: stem('runner') },
    ]);
    expect(highlights.map(([a, b]) => snippet.slice(a, b))).toEqual(['Runners']);
  });

  it('collapses every unit /\\s/ matches, and keeps highlights on their characters', () => {
    const spaces = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((c) =>
      /\s/.test(c),
    );
    expect(spaces.length).toBe(25);
    const text = `a${spaces.join('')}bé${spaces.join('x')}c`;
    const { snippet, highlights } = makeSnippet(text, [{ kind: 'text', text: 'be' }]);
    expect(snippet).toBe(
      `a bé ${Array(spaces.length - 1)
        .fill('x')
        .join(' ')} c`,
    );
    expect(highlights.map(([a, b]) => snippet.slice(a, b))).toEqual(['bé']);
  });

  it('highlights a folded form that the original only shows in another width', () => {
    const text = `${filler}Ｅｌｅｃｔｉｏｎｓ were held.`;
    const { snippet, highlights } = makeSnippet(text, [
      { kind: 'word', text: 'election', stem: stem('election') },
    ]);
    expect(highlights.map(([a, b]) => snippet.slice(a, b))).toEqual(['Ｅｌｅｃｔｉｏｎｓ']);
  });
});

describe('headSnippet', () => {
  /** The start of a text as TextStore.readHead gives it: whole characters of its first bytes. */
  const headOf = (text: string) => {
    const bytes = Buffer.from(text, 'utf8').subarray(0, HEAD_SNIPPET_BYTES);
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/\uFFFD$/, '');
  };

  it.skipIf(!hasCorpus)("cuts the same snippet from a long text's start as from all of it", () => {
    const long = [...loadDumpArticles(), ...loadWebArticles(30)]
      .map((a) => `${a.text}\n${'尾'.repeat(3000)}`)
      .filter((t) => Buffer.byteLength(t) > HEAD_SNIPPET_BYTES);
    let same = 0;
    let none = 0;
    for (const text of long) {
      // Words from its start, its middle and its end, so some are past the head.
      const words = [0.01, 0.3, 0.6, 0.97].map((at) => {
        const i = Math.floor(text.length * at);
        return text.slice(i, i + 2);
      });
      for (const w of words.filter((x) => x.trim().length === 2)) {
        const patterns = [{ kind: 'text' as const, text: foldForMatch(w).folded }];
        const got = headSnippet(headOf(text), patterns);
        if (got) {
          expect(got).toEqual(makeSnippet(text, patterns));
          same++;
        } else none++;
      }
    }
    expect(same).toBeGreaterThan(50);
    expect(none).toBeGreaterThan(10);
  });

  it('says so when the start of the text shows no match', () => {
    const head = '无关的内容。'.repeat(400);
    expect(headSnippet(head, [{ kind: 'text', text: '关系' }])).toBeNull();
  });
});

describe('snippetInHead', () => {
  it.skipIf(!hasCorpus)(
    'cuts the same snippet from a short start as from the whole head, when it keeps one',
    () => {
      const rand = mulberry32(2024);
      const texts = [...loadDumpArticles(), ...loadWebArticles(30)]
        .map((a) => a.text)
        .filter((t) => t.length > 1000);
      let quick = 0;
      let whole = 0;
      for (let round = 0; round < 1500; round++) {
        const text = texts[Math.floor(rand() * texts.length)]!;
        // One to three patterns from anywhere in the first 1,500 characters: CJK pairs, word
        // parts, whole words with their stem, so that some fall in the short start and some past it.
        const patterns: Pattern[] = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
          const at = Math.floor(rand() * 1500);
          const word = /[\p{L}\p{N}]+/u.exec(text.slice(at))?.[0] ?? '';
          const raw = rand() < 0.5 || !word ? text.slice(at, at + 2) : word.toLowerCase();
          const folded = foldForMatch(raw).folded;
          return rand() < 0.5 && /^[a-z]{3,}$/.test(folded)
            ? { kind: 'word', text: folded, stem: stem(folded) }
            : { kind: 'text', text: folded };
        });
        const reference = snippetInHead(text, patterns, false, 0);
        expect(snippetInHead(text, patterns, false)).toEqual(reference);
        if (reference && reference.highlights.length) {
          // Whether the first 400 characters hold a match.
          if (snippetInHead(text.slice(0, 400), patterns, false, 0)) quick++;
          else whole++;
        }
      }
      // Both were tried often: a match in the first lines, and one only further on.
      expect(quick).toBeGreaterThan(200);
      expect(whole).toBeGreaterThan(200);
    },
  );
});
