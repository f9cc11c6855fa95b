import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileArgs, forwardedFiles, libraryArg } from '../../electron/main/file-args';

const cwd = path.resolve('/home/u/news');

describe('fileArgs', () => {
  it('takes everything after the executable in a packaged app', () => {
    expect(
      fileArgs(['/opt/Folio/folio', 'a.html', '/tmp/b.txt'], { defaultApp: false, cwd }),
    ).toEqual([path.join(cwd, 'a.html'), path.resolve('/tmp/b.txt')]);
  });

  it('skips the app folder when run as `electron .`', () => {
    expect(fileArgs(['/usr/bin/electron', '.', 'x.htm'], { defaultApp: true, cwd })).toEqual([
      path.join(cwd, 'x.htm'),
    ]);
  });

  it('skips the app folder after switches: `electron --inspect .` and a forwarded argv', () => {
    expect(
      fileArgs(['/usr/bin/electron', '--inspect=9229', '.', 'x.htm'], { defaultApp: true, cwd }),
    ).toEqual([path.join(cwd, 'x.htm')]);
    // What 'second-instance' receives for `electron . x.htm`: Chromium's switches moved first.
    const forwarded = [
      '/usr/bin/electron',
      '--allow-file-access-from-files',
      '--original-process-start-time=13370000000000000',
      '.',
      'x.htm',
    ];
    expect(fileArgs(forwarded, { defaultApp: true, cwd })).toEqual([path.join(cwd, 'x.htm')]);
    expect(fileArgs(['/usr/bin/electron', '.'], { defaultApp: true, cwd })).toEqual([]);
  });

  it('ignores switches, blanks, duplicates and non-file URLs', () => {
    const argv = [
      'folio',
      '--no-sandbox',
      '--inspect=9229',
      '-psn_0_12345',
      '',
      'a.html',
      './a.html',
      'https://example.com/article',
      'folio://open',
    ];
    expect(fileArgs(argv, { defaultApp: false, cwd })).toEqual([path.join(cwd, 'a.html')]);
  });

  it('accepts file URLs and dash-named files after --', () => {
    const argv = ['folio', 'file:///tmp/%E6%96%B0%E9%97%BB.html', '--', '-odd-name.html'];
    expect(fileArgs(argv, { defaultApp: false, cwd })).toEqual([
      path.resolve('/tmp/新闻.html'),
      path.join(cwd, '-odd-name.html'),
    ]);
  });

  it('resolves relative paths against the given working directory', () => {
    const other = path.resolve('/srv/other');
    expect(fileArgs(['folio', 'd/e.html'], { defaultApp: false, cwd: other })).toEqual([
      path.join(other, 'd', 'e.html'),
    ]);
  });
});

describe('libraryArg', () => {
  it('reads --library DIR and --library=DIR (the last wins), resolved against cwd', () => {
    expect(libraryArg(['folio', '--library', 'lib'], cwd)).toBe(path.join(cwd, 'lib'));
    expect(libraryArg(['folio', '--library=/srv/lib', 'a.html'], cwd)).toBe(
      path.resolve('/srv/lib'),
    );
    expect(libraryArg(['folio', '--library', 'one', '--library=two'], cwd)).toBe(
      path.join(cwd, 'two'),
    );
  });

  it('is null when absent, empty, or only after --', () => {
    expect(libraryArg(['folio', 'a.html'], cwd)).toBeNull();
    expect(libraryArg(['folio', '--library'], cwd)).toBeNull();
    expect(libraryArg(['folio', '--library='], cwd)).toBeNull();
    expect(libraryArg(['folio', '--', '--library', 'x'], cwd)).toBeNull();
  });

  it("is never a file to import: fileArgs skips the flag's value", () => {
    const argv = ['folio', '--library', 'lib', 'a.html', '--library=other', 'b.html'];
    expect(fileArgs(argv, { defaultApp: false, cwd })).toEqual([
      path.join(cwd, 'a.html'),
      path.join(cwd, 'b.html'),
    ]);
  });
});

describe('forwardedFiles', () => {
  it('reads the absolute paths a second instance sends as additionalData', () => {
    const a = path.resolve('/tmp/a.html');
    const b = path.resolve('/tmp/新闻.htm');
    expect(forwardedFiles({ files: [a, b, a] })).toEqual([a, b]);
    expect(forwardedFiles({ files: [] })).toEqual([]);
  });

  it('is null for anything else, so the argv is read instead', () => {
    for (const data of [
      undefined,
      null,
      'files',
      {},
      { files: 'a.html' },
      { files: ['relative.html'] },
      { files: [path.resolve('/tmp/a.html'), 42] },
      { files: [`${path.resolve('/tmp/a')}\0.html`] },
    ]) {
      expect(forwardedFiles(data), JSON.stringify(data)).toBeNull();
    }
  });
});
