import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/errors';
import { isEmptyQuery, parseQuery } from '../../../electron/core/search/query-parser';

function invalid(q: string): FolioError {
  try {
    parseQuery(q);
  } catch (err) {
    expect(err).toBeInstanceOf(FolioError);
    return err as FolioError;
  }
  throw new Error(`expected "${q}" to be rejected`);
}

describe('parseQuery', () => {
  it('ANDs bare terms and keeps phrases whole', () => {
    const q = parseQuery('普京 "上海合作组织" election');
    expect(q.groups).toEqual([
      [{ kind: 'term', value: '普京' }],
      [{ kind: 'phrase', value: '上海合作组织' }],
      [{ kind: 'term', value: 'election' }],
    ]);
  });

  it('joins neighbours with OR and collects exclusions', () => {
    const q = parseQuery('普京 OR 普丁 OR Putin 俄罗斯 -乌克兰 -"north korea"');
    expect(q.groups).toHaveLength(2);
    expect(q.groups[0]!.map((c) => c.value)).toEqual(['普京', '普丁', 'Putin']);
    expect(q.exclude).toEqual([
      { kind: 'term', value: '乌克兰' },
      { kind: 'phrase', value: 'north korea' },
    ]);
  });

  it('reads field filters, quoted values and dates', () => {
    const q = parseQuery(
      'tag:外交 -tag:旧闻 site:BBC中文 author:"Ellen Barry" lang:zh after:2020-01-01 before:2021-01-01 in:notes',
    );
    expect(q.tags).toEqual(['外交']);
    expect(q.excludeTags).toEqual(['旧闻']);
    expect(q.sites).toEqual(['BBC中文']);
    expect(q.authors).toEqual(['Ellen Barry']);
    expect(q.langs).toEqual(['zh']);
    expect(q.after).toBe(Date.UTC(2020, 0, 1));
    expect(q.before).toBe(Date.UTC(2021, 0, 1));
    expect(q.fields).toEqual(['notes']);
    expect(q.groups).toEqual([]);
    expect(isEmptyQuery(q)).toBe(false);
  });

  it('treats unknown prefixes and lower-case "or" as plain text', () => {
    const q = parseQuery('foo:bar or');
    expect(q.groups.map((g) => g[0]!.value)).toEqual(['foo:bar', 'or']);
  });

  it('an empty query is empty', () => {
    expect(isEmptyQuery(parseQuery('   '))).toBe(true);
  });

  it('rejects malformed queries with INVALID_QUERY', () => {
    for (const q of [
      '"上海合作',
      'before:2020-13-01',
      'after:2021-02-30',
      'after:yesterday',
      'tag:',
      'OR 普京',
      '普京 OR',
      '普京 OR -普丁',
      'in:everywhere',
      'after:2021-01-01 before:2020-01-01',
    ]) {
      const err = invalid(q);
      expect(err.code).toBe('INVALID_QUERY');
      expect(err.message.length).toBeGreaterThan(5);
    }
  });
});
