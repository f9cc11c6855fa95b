import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileArgs } from '../../electron/main/file-args';

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
