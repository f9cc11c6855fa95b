import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citeCommand, parseStyle } from '../../../electron/cli/commands/cite';
import { exportCommand, imageFailureReport } from '../../../electron/cli/commands/export';
import { runCli } from '../../../electron/cli/main';
import { COMMANDS } from '../../../electron/cli/registry';

const seed = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../seeds');
let root: string;

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--library', path.join(root, 'lib'), ...args], {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false },
    env: {},
    commands: [
      ...COMMANDS.filter((c) => c.name !== 'cite' && c.name !== 'export'),
      citeCommand,
      exportCommand,
    ],
  });
  return { code, stdout, stderr };
}

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-cli-export-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('style names', () => {
  it('maps the short names to the contract styles', () => {
    expect(parseStyle('chicago')).toBe('chicago-author-date');
    expect(parseStyle('gb-t-7714')).toBe('gb-t-7714-numeric');
    expect(parseStyle('GB-T-7714-AUTHOR-DATE')).toBe('gb-t-7714-author-date');
    expect(parseStyle(undefined)).toBe('apa');
    expect(() => parseStyle('harvard')).toThrow(/Unknown style/);
  });
});

describe('folio cite and folio export', () => {
  it('cites an imported article and exports it to Markdown with a manifest', async () => {
    expect((await run('import', seed)).code).toBe(0);
    const [row] = JSON.parse((await run('list', '--json')).stdout) as Array<{ id: string }>;
    const id = (row as { id: string }).id;

    const cite = await run('cite', id.slice(0, 8), '--style', 'gb-t-7714');
    expect(cite.code).toBe(0);
    expect(cite.stdout).toMatch(
      /^\[1\] 斯影\. 习近平疫情后首次外访.*\[N\/OL\]\. BBC中文, 2022-09-16\[/,
    );
    const html = await run('cite', id, '--style', 'apa', '--format', 'html');
    expect(html.stdout).toContain('<i>BBC中文</i>');
    expect((await run('cite', id, '--style', 'nope')).code).toBe(2);

    const out = path.join(root, 'out');
    const exp = await run('export', '--query', '普京', '--format', 'md', '--out', out, '--json');
    expect(exp.code).toBe(0);
    const outcome = JSON.parse(exp.stdout) as {
      count: number;
      files: string[];
      manifestPath: string;
    };
    expect(outcome.count).toBe(1);
    const md = await fs.readFile(outcome.files[0] as string, 'utf8');
    expect(md).toContain('title: 习近平疫情后首次外访并与普京会面 为第三任期传递哪些外交信号');
    const manifest = JSON.parse(await fs.readFile(outcome.manifestPath, 'utf8'));
    expect(manifest.items[0].id).toBe(id);
  });

  it('refuses an export without a selection or an output folder', async () => {
    expect((await run('export', '--format', 'md', '--out', root)).code).toBe(2);
    expect((await run('export', 'abcd', '--format', 'md')).code).toBe(2);
    expect((await run('export', 'abcd', '--format', 'docx', '--out', root)).code).toBe(2);
  });
});

describe('imageFailureReport', () => {
  const failure = (i: number) => ({
    id: i < 2 ? 'a1' : 'b2',
    title: 't',
    src: `https://img.test/${i}.jpg`,
    reason: 'could not connect (ENOTFOUND)',
  });

  it('says nothing when every image was fetched', () => {
    expect(imageFailureReport([], 'md')).toBe('');
  });

  it('says what the document holds instead and lists each image with its reason', () => {
    const md = imageFailureReport([0, 1, 2].map(failure), 'md');
    expect(md).toContain('warning: 3 images in 2 articles could not be fetched');
    expect(md).toContain('links them remotely');
    expect(md).toContain('  a1  https://img.test/0.jpg  (could not connect (ENOTFOUND))');
    expect(md).toContain('  b2  https://img.test/2.jpg');
    expect(imageFailureReport([failure(0)], 'pdf')).toContain('1 image in 1 article');
    expect(imageFailureReport([failure(0)], 'pdf')).toContain('marked box');
  });

  it('lists twenty and counts the rest, which the manifest holds', () => {
    const text = imageFailureReport(
      Array.from({ length: 25 }, (_, i) => failure(i)),
      'md',
    );
    expect(text.split('\n').filter((l) => l.startsWith('  b2'))).toHaveLength(18);
    expect(text).toContain('… and 5 more (listed in the manifest)');
  });
});
