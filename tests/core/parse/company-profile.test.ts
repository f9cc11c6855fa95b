import { load } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { removeCompanyProfile } from '../../../electron/core/parse/company-profile';

function run(html: string): string {
  const $ = load(`<div id="root">${html}</div>`);
  removeCompanyProfile($('#root')[0] as Element);
  return $('#root').text().replace(/\s+/g, ' ').trim();
}

const news = '<p>Widgetco said on Monday it would open a plant in Leeds next year.</p>';

describe('removeCompanyProfile', () => {
  it('drops a profile set apart by a rule at the end of a release', () => {
    const out = run(
      `${news}<hr><p>Widgetco is a global provider of widgets for hospitals. ` +
        `Widgetco is headquartered in Bern and employs around 900 people.</p>`,
    );
    expect(out).toBe('Widgetco said on Monday it would open a plant in Leeds next year.');
  });

  it('drops an "About" section with its heading', () => {
    const out = run(
      `${news}<h3>About Widgetco</h3><p>Widgetco (NYSE: WDG) is one of the largest widget ` +
        `makers.</p><p>For more information, visit www.widgetco.test.</p>`,
    );
    expect(out).not.toMatch(/About|largest/);
    expect(out).toContain('open a plant');
  });

  it('keeps article text after a rule that is not a company description', () => {
    const tail =
      '<hr><p>Correction: an earlier version gave the wrong year. The plant opens in 2021.</p>';
    expect(run(news + tail)).toContain('Correction');
  });

  it('keeps a profile-like sentence that is not set apart at the end', () => {
    const out = run(
      `<p>Widgetco is a global provider of widgets, headquartered in Bern.</p>${news}`,
    );
    expect(out).toContain('headquartered in Bern');
  });
});
