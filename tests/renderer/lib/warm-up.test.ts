// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import {
  pickSamples,
  rehearse,
  scheduleWarmUp,
  type WarmUpSample,
} from '../../../renderer/src/lib/warm-up';

const row = (title: string, lang = 'zh-Hans'): WarmUpSample => ({
  title,
  lang,
  siteName: 'BBC中文',
});

describe('pickSamples', () => {
  it('keeps up to three titled rows for each of the first three languages', () => {
    const rows = [
      row('一'),
      row(''),
      row('二'),
      row('three', 'en'),
      row('三'),
      row('四'),
      row('五', 'zh-Hant'),
      row('six', 'ja'),
    ];
    expect(pickSamples(rows).map((g) => g.map((s) => s.title))).toEqual([
      ['一', '二', '三'],
      ['three'],
      ['五'],
    ]);
  });
});

describe('rehearse', () => {
  it('lays the reader markup out and leaves the document as it was', () => {
    document.body.innerHTML = '<div id="root"><p>list</p></div>';
    const seen: string[] = [];
    // The specimen exists while layout is read, and carries the reader's classes.
    const spy = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      seen.push(this.innerHTML);
      return 0;
    });
    rehearse(document, [row('中俄关系'), row('Elections', 'en')]);
    spy.mockRestore();
    expect(document.body.innerHTML).toBe('<div id="root"><p>list</p></div>');
    expect(seen).toHaveLength(1);
    const box = document.createElement('div');
    box.innerHTML = seen[0]!;
    expect(box.querySelectorAll('.reader-title')).toHaveLength(2);
    expect(box.querySelector('.article-body[lang="en"] strong')?.textContent).toBe('Elections');
  });

  it('writes titles as text, never as markup', () => {
    const seen: string[] = [];
    const spy = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      seen.push(this.innerHTML);
      return 0;
    });
    rehearse(document, [row('<img src=x onerror="alert(1)">"quoted"')]);
    spy.mockRestore();
    const box = document.createElement('div');
    box.innerHTML = seen[0]!;
    expect(box.querySelector('img')).toBeNull();
    expect(box.querySelector('.reader-title')?.textContent).toBe(
      '<img src=x onerror="alert(1)">"quoted"',
    );
  });

  it('does nothing without rows', () => {
    document.body.innerHTML = '';
    rehearse(document, []);
    expect(document.body.innerHTML).toBe('');
  });
});

describe('scheduleWarmUp', () => {
  it('rehearses in an idle callback with the rows of that moment, and can be cancelled', () => {
    const callbacks = new Map<number, () => void>();
    let next = 1;
    const win = {
      document,
      setTimeout: window.setTimeout.bind(window),
      clearTimeout: window.clearTimeout.bind(window),
      requestIdleCallback: (cb: () => void) => (callbacks.set(next, cb), next++),
      cancelIdleCallback: (id: number) => void callbacks.delete(id),
    } as unknown as Parameters<typeof scheduleWarmUp>[0];
    const rows = vi.fn(() => [row('一')]);
    scheduleWarmUp(win, rows)();
    expect(callbacks.size).toBe(0);
    scheduleWarmUp(win, rows);
    expect(rows).not.toHaveBeenCalled();
    [...callbacks.values()][0]!();
    expect(rows).toHaveBeenCalledTimes(1);
  });
});
