import { describe, expect, it } from 'vitest';
import { refineQuery } from '../../../renderer/src/lib/query';
import { createLatest } from '../../../renderer/src/lib/latest';
import { pollJob } from '../../../renderer/src/lib/job-poll';
import { listKeyAction } from '../../../renderer/src/lib/list-keys';
import { fieldText, isEdited, parseFieldText } from '../../../renderer/src/lib/meta-form';
import { suggestTags, tagsOfSelection } from '../../../renderer/src/lib/tag-summary';
import { bytesToBase64 } from '../../../renderer/src/lib/base64';
import { formatDate, isExternalUrl } from '../../../renderer/src/lib/format';
import type { JobStatus } from '../../../shared/api';
import { summary } from './summary-fixture';

describe('refineQuery', () => {
  it('adds facet filters once, quoting values with spaces', () => {
    expect(refineQuery('经济', 'tag', 'to read')).toBe('经济 tag:"to read"');
    expect(refineQuery('x tag:y', 'tag', 'y')).toBe('x tag:y');
    expect(refineQuery('', 'year', '2019')).toBe('after:2019-01-01 before:2019-12-31');
  });
});

describe('createLatest', () => {
  it('marks older answers stale', async () => {
    const latest = createLatest();
    let release: (v: string) => void = () => {};
    const slow = latest.run(() => new Promise<string>((r) => (release = r)));
    const fast = latest.run(async () => 'new');
    release('old');
    expect(await slow).toEqual({ stale: true });
    expect(await fast).toEqual({ stale: false, value: 'new' });
  });
});

describe('pollJob', () => {
  it('polls until finished and reports every status', async () => {
    const base: JobStatus = {
      id: 'j',
      kind: 'import',
      total: 2,
      done: 0,
      current: 'a',
      finished: false,
      results: [],
      error: null,
      output: null,
    };
    const seq = [base, { ...base, done: 1 }, { ...base, done: 2, finished: true }];
    let i = 0;
    const seen: number[] = [];
    const final = await pollJob(
      { jobStatus: async () => seq[i++] as JobStatus },
      'j',
      (s) => seen.push(s.done),
      {
        sleep: async () => {},
      },
    );
    expect(seen).toEqual([0, 1, 2]);
    expect(final.finished).toBe(true);
  });
});

describe('listKeyAction', () => {
  const k = (
    key: string,
    mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {},
  ) => ({
    key,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    ...mods,
  });
  it('maps navigation, selection and commands', () => {
    expect(listKeyAction(k('ArrowDown', { shiftKey: true }), 10, 50)).toEqual({
      type: 'move',
      delta: 1,
      extend: true,
    });
    expect(listKeyAction(k('End'), 10, 50)).toEqual({ type: 'move', delta: 50, extend: false });
    expect(listKeyAction(k('a', { metaKey: true }), 10, 50)).toEqual({ type: 'selectAll' });
    expect(listKeyAction(k('Enter'), 10, 50)).toEqual({ type: 'open' });
    expect(listKeyAction(k('Delete'), 10, 50)).toEqual({ type: 'delete' });
    expect(listKeyAction(k('a'), 10, 50)).toBeNull();
  });
});

describe('meta form', () => {
  const meta = {
    title: 'T',
    url: 'u',
    siteName: 's',
    authors: ['A', 'B'],
    publishedAt: '2020-02-03T04:00:00Z',
  };
  it('round-trips authors and dates', () => {
    expect(fieldText(meta, 'authors')).toBe('A, B');
    expect(fieldText(meta, 'publishedAt')).toBe('2020-02-03');
    expect(parseFieldText('authors', '王小明，李四, C')).toEqual(['王小明', '李四', 'C']);
    expect(parseFieldText('publishedAt', ' ')).toBeNull();
    expect(isEdited({ ...meta, title: 'X' }, meta, 'title')).toBe(true);
    expect(isEdited(meta, meta, 'authors')).toBe(false);
  });
});

describe('tags of a selection', () => {
  it('counts tags across the selection and suggests unapplied ones', () => {
    const sel = [summary('a', { tags: ['x', 'y'] }), summary('b', { tags: ['x'] })];
    expect(tagsOfSelection(sel)).toEqual([
      { tag: 'x', count: 2 },
      { tag: 'y', count: 1 },
    ]);
    expect(suggestTags(['X', 'xyz', 'other'], 'x', ['x'])).toEqual(['xyz']);
  });
});

describe('small helpers', () => {
  it('base64 encodes large arrays without overflow', () => {
    const bytes = new Uint8Array(200_000).fill(65);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
  it('formats dates and recognises external links', () => {
    expect(formatDate('2020-01-02T00:00:00Z', 'en')).toMatch(/2020/);
    expect(formatDate(null, 'en')).toBe('');
    expect(isExternalUrl('https://x.org')).toBe(true);
    expect(isExternalUrl('javascript:alert(1)')).toBe(false);
  });
});
