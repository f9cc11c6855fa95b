import { load } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { isBoilerplateLine, removeBoilerplate } from '../../../electron/core/parse/boilerplate';

function run(html: string): string {
  const $ = load(`<div id="root">${html}</div>`);
  removeBoilerplate($('#root')[0] as Element, { repairEscapedMarkup: false });
  return $('#root').text().replace(/\s+/g, ' ').trim();
}

describe('isBoilerplateLine', () => {
  it('recognises author contact lines and taglines', () => {
    expect(isBoilerplateLine('Have a tip? Jo Smith may be reached at jo@news.test.')).toBe(true);
    expect(isBoilerplateLine('Follow her on Twitter @josmith.')).toBe(true);
    expect(isBoilerplateLine('Follow Morning News on Instagram, Facebook and YouTube.')).toBe(true);
    expect(isBoilerplateLine("Jo Smith is The Courier's senior politics reporter.")).toBe(true);
  });

  it('recognises subscription pitches and repository notices', () => {
    expect(
      isBoilerplateLine('Get the magazine delivered every month. 12 issues for £9. Click here.'),
    ).toBe(true);
    expect(
      isBoilerplateLine(
        'Citation: Bats sleep more (2019, May 2) retrieved 3 May 2019 from https://x.test/bats',
      ),
    ).toBe(true);
    expect(
      isBoilerplateLine('Use of this site constitutes acceptance of our User Agreement.'),
    ).toBe(true);
    expect(isBoilerplateLine('This document is subject to copyright. No part may be copied.')).toBe(
      true,
    );
  });

  it('leaves prose that mentions the same words', () => {
    expect(isBoilerplateLine('The mayor said she can be contacted through her office.')).toBe(
      false,
    );
    expect(isBoilerplateLine('Subscribers to the service rose by 10% this year.')).toBe(false);
    expect(isBoilerplateLine('Jo Smith is a former teacher who now runs the bakery.')).toBe(false);
  });
});

describe('removeBoilerplate', () => {
  it('judges italics inside a paragraph with the whole paragraph', () => {
    const out = run(
      '<p>The story ends here, with a quote.</p><p><i>Have a tip? Jo may be reached at </i>' +
        '<a href="mailto:jo@x.test"><i>jo@x.test</i></a><i>. Follow her on Twitter.</i></p>',
    );
    expect(out).toBe('The story ends here, with a quote.');
  });
});
