import { load } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { removeJunk } from '../../../electron/core/parse/remove-junk';

function run(html: string): string {
  const $ = load(`<div id="root">${html}</div>`);
  removeJunk($('#root')[0] as Element);
  return $('#root').text().replace(/\s+/g, ' ').trim();
}

describe('removeJunk', () => {
  it('keeps a short embedded post whose wrapper is named social', () => {
    const out = run(
      '<p>The slogan drew mockery online.</p><div class="social-media-embed">' +
        '<blockquote class="twitter-tweet"><p>we. are. on. it. <a href="https://t.co/x">https://t.co/x</a></p>' +
        '— A reader (@reader) <a href="https://twitter.com/reader/status/1">November 19, 2019</a>' +
        '</blockquote></div>',
    );
    expect(out).toContain('we. are. on. it.');
  });

  it('still drops a social share bar', () => {
    const out = run(
      '<p>The slogan drew mockery online.</p><div class="social-share">' +
        '<a href="https://facebook.test/share">Facebook</a><a href="https://x.test/share">X</a></div>',
    );
    expect(out).toBe('The slogan drew mockery online.');
  });

  it('drops an ad slot marked only by its aria label or aria-hidden', () => {
    expect(run('<p>Text.</p><section aria-label="广告 2"><div>Ad</div></section>')).toBe('Text.');
    expect(run('<p>Text.</p><section aria-hidden="true"><div>Slot</div></section>')).toBe('Text.');
  });
});
