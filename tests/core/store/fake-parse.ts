/** A tiny stand-in for the real parser: line 1 title, line 2 url, line 3 tags, rest body. */
import { FolioError } from '../../../shared/errors';
import type { ParseFn } from '../../../electron/core/ports';

export const fakeParse: ParseFn = (bytes, fileName) => {
  const text = new TextDecoder().decode(bytes);
  if (!text.trim()) throw new FolioError('EMPTY_FILE', `${fileName} is empty`);
  const [title = '', url = '', tags = '', ...body] = text.split('\n');
  return {
    format: 'dump',
    encoding: 'utf-8',
    article: {
      title,
      url,
      siteName: 'Fake News',
      authors: ['A. Writer'],
      publishedAt: '2024-01-02T03:04:05.000Z',
      byline: '',
      lang: 'en',
      excerpt: body.join(' ').slice(0, 50),
      contentHtml: `<p>${body.join('</p><p>')}</p>`,
      text: body.join('\n\n'),
      images: [],
      tags: tags ? tags.split(',') : [],
      wordCount: body.length,
    },
  };
};

/** Bytes for a fake dump. */
export function fakeDump(
  title: string,
  url: string,
  body = 'body',
  tags: string[] = [],
): Uint8Array {
  return new TextEncoder().encode(`${title}\n${url}\n${tags.join(',')}\n${body}`);
}
