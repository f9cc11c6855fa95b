import { load } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { cutAtCommentsHeading } from '../../../../electron/core/parse/web/comments-cut';

const story = Array.from({ length: 4 }, (_, i) => `<p>Story paragraph ${i}, with words.</p>`).join(
  '',
);

function run(html: string): string {
  const $ = load(`<div id="root">${html}</div>`);
  cutAtCommentsHeading($('#root')[0] as Element);
  return $('#root').text().replace(/\s+/g, ' ').trim();
}

describe('cutAtCommentsHeading', () => {
  it('ends the article at a comment-count heading, in nested wrappers too', () => {
    const out = run(
      `<div><div>${story}</div><div><h2>12 responses to “A story”</h2>` +
        `<ol><li><p>First!</p></li></ol></div></div><div><p>Polls and more.</p></div>`,
    );
    expect(out).toContain('Story paragraph 3');
    expect(out).not.toMatch(/responses|First!|Polls/);
  });

  it('recognises the WordPress reply form heading with its cancel link', () => {
    const out = run(
      `${story}<h3>Leave a Reply <small><a href="#">Cancel reply</a></small></h3><p>You must log in.</p>`,
    );
    expect(out).not.toMatch(/Leave a Reply|log in/);
  });

  it('leaves a "Comments" share-bar label and a heading near the top alone', () => {
    const label = `<div><a href="#c"><span>Comments</span></a></div>`;
    expect(run(`<p>Intro.</p><h2>Comments</h2>${story}${story}`)).toContain('Story paragraph 3');
    expect(run(`${story}${label}<p>The last paragraph.</p>`)).toContain('The last paragraph.');
  });
});
