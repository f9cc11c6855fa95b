import { describe, expect, it } from 'vitest';
import { capNesting } from '../../../electron/core/parse/nesting-guard';

describe('capNesting', () => {
  it('leaves ordinary markup untouched', () => {
    const html = '<div><p>a<br>b<img src="x"></p><p>c</p></div>';
    expect(capNesting(html, 3)).toBe(html);
  });

  it('drops tags opened beyond the limit but keeps their text', () => {
    const html = '<div><div><div><div>deep</div></div></div></div>';
    expect(capNesting(html, 2)).toBe('<div><div>deep</div></div>');
  });
});
