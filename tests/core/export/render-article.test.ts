import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../../electron/core/export/render-article';
import { fakePrinter, makeArticle, richArticle } from './fixtures';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const pdfOf = async (
  article = richArticle(),
  fetchImage?: (url: string) => Promise<Uint8Array | null>,
): Promise<string> => {
  const printer = fakePrinter();
  await renderArticle(
    article,
    { format: 'pdf', baseName: 'a', citation: 'Doe, J. (2022). Rivers.' },
    { printer: async () => printer, fetchImage },
  );
  return printer.printed[0] as string;
};

describe('renderArticle, PDF images', () => {
  it('embeds the images it can fetch and marks the others with their link', async () => {
    const html = await pdfOf(richArticle(), async (url) => (url.endsWith('b.png') ? PNG : null));
    expect(html).toContain(`src="data:image/png;base64,${Buffer.from(PNG).toString('base64')}"`);
    expect(html).not.toContain('src="https://img.example.com');
    expect(html).toContain(
      '<span class="image-missing">Image not available: A river <a href="https://img.example.com/river (1).jpg">',
    );
    // The caption of the missing figure stays.
    expect(html).toContain('The river at dawn.');
  });

  it('treats a fetch that throws or returns a non-image as missing', async () => {
    const html = await pdfOf(richArticle(), async (url) => {
      if (url.endsWith('b.png')) throw new Error('offline');
      return new TextEncoder().encode('<html>not found</html>');
    });
    expect(html.match(/class="image-missing"/g)).toHaveLength(2);
  });

  it('leaves remote sources to the printer when no fetcher is given', async () => {
    const html = await pdfOf();
    expect(html).toContain('src="https://img.example.com/b.png"');
    expect(html).not.toContain('class="image-missing"');
  });

  it('escapes hostile alt text and reads attributes holding ">"', async () => {
    const article = makeArticle({
      contentHtml: '<p><img alt="a &gt; b <script>" title="x > y" src="https://e.test/1.png"></p>',
    });
    const html = await pdfOf(article, async () => null);
    expect(html).toContain('Image not available: a &gt; b &lt;script&gt;');
    expect(html).not.toContain('<img');
  });

  it('does not repeat an alt text that the figure caption already says', async () => {
    const src = 'https://e.test/p.jpg';
    const article = makeArticle({
      contentHtml: `<figure><img src="${src}" alt="习近平 与 普京"><figcaption>9月15日，习近平与普京会晤。</figcaption></figure>`,
      images: [{ src, alt: '习近平 与 普京', caption: '9月15日，习近平与普京会晤。', credit: '' }],
    });
    const html = await pdfOf(article, async () => null);
    expect(html).toContain(`<span class="image-missing">Image not available <a href="${src}">`);
    expect(html).toContain('<figcaption>9月15日，习近平与普京会晤。</figcaption>');
  });
});
