import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  createAppProtocolHandler,
  resolveAppPath,
} from '../../electron/main/app-protocol';

const root = path.resolve('/opt/folio/dist/renderer');

describe('resolveAppPath', () => {
  it('maps app://folio paths into the renderer folder', () => {
    expect(resolveAppPath(APP_ENTRY_URL, root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://folio/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://folio/assets/index-abc.js?v=1#x', root)).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath('app://folio/assets/%E4%B8%AD.png', root)).toBe(
      path.join(root, 'assets', '中.png'),
    );
  });

  it('refuses other hosts, schemes and any escape from the folder', () => {
    for (const url of [
      'app://evil/index.html',
      'https://folio/index.html',
      'file:///etc/passwd',
      'app://folio/%2e%2e/%2e%2e/secret',
      'app://folio/..%2f..%2fsecret',
      'app://folio/assets/..%5c..%5csecret',
      'app://folio/a%00.js',
      'app://folio/%E0%A4%A',
      'nonsense',
    ]) {
      const resolved = resolveAppPath(url, root);
      expect(resolved === null || resolved.startsWith(root + path.sep), url).toBe(true);
    }
    expect(resolveAppPath('app://folio/..%2f..%2fsecret', root)).toBeNull();
    expect(resolveAppPath('app://evil/index.html', root)).toBeNull();
    expect(resolveAppPath('app://folio/a%00.js', root)).toBeNull();
  });
});

describe('createAppProtocolHandler', () => {
  const files = new Map<string, string>([
    [path.join(root, 'index.html'), '<!doctype html><title>Folio</title>'],
    [path.join(root, 'assets', 'app.js'), 'console.log(1)'],
  ]);
  const handler = createAppProtocolHandler({
    rootDir: root,
    readFile: async (file) => {
      const text = files.get(file);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
  });

  it('serves files with their type and the strict CSP', async () => {
    const res = await handler({ url: APP_ENTRY_URL });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('<title>Folio</title>');
    const js = await handler({ url: 'app://folio/assets/app.js' });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and 403 for escapes', async () => {
    expect((await handler({ url: 'app://folio/missing.js' })).status).toBe(404);
    expect((await handler({ url: 'app://folio/..%2f..%2fetc/passwd' })).status).toBe(403);
    expect((await handler({ url: 'app://other/index.html' })).status).toBe(403);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('has every directive the security notes require', () => {
    const directives = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim());
    expect(directives).toEqual([
      "default-src 'self'",
      "img-src 'self' https: http: data:",
      "style-src 'self' 'unsafe-inline'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]);
  });

  it('types common renderer assets', () => {
    expect(contentTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('blob.bin')).toBe('application/octet-stream');
  });
});
