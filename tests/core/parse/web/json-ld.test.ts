import { describe, expect, it } from 'vitest';
import {
  authorNames,
  findArticleObject,
  parseLenientJson,
  readJsonLd,
} from '../../../../electron/core/parse/web/json-ld';

describe('lenient JSON-LD', () => {
  it('repairs comments, trailing commas, CDATA and raw newlines', () => {
    const raw = `//<![CDATA[
      {"headline": "Line one
line two", /* note */ "a": [1, 2,],}
    //]]>`;
    expect(parseLenientJson(raw)).toEqual({ headline: 'Line one line two', a: [1, 2] });
  });

  it('returns null for text beyond repair', () => {
    expect(parseLenientJson('{ this is not json')).toBeNull();
  });

  it('flattens arrays and @graph and finds the article before the WebPage', () => {
    const objects = readJsonLd([
      '[{"@type":"WebPage","name":"Page"},{"@graph":[{"@type":["NewsArticle"],"headline":"H"}]}]',
    ]);
    expect(objects.length).toBe(3);
    expect(findArticleObject(objects)?.headline).toBe('H');
  });

  it('reads author names from strings, objects and lists', () => {
    expect(authorNames([{ name: 'A' }, 'B', { name: ['C'] }])).toEqual(['A', 'B', 'C']);
    expect(authorNames(undefined)).toEqual([]);
  });
});
