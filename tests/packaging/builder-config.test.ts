import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  directories: { output: string };
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  fileAssociations: Array<{ ext: string | string[] }>;
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
}

type Validate = (config: unknown, logger: { isEnabled: boolean; add(): void }) => Promise<void>;

const config = require(path.join(repoRoot, 'electron-builder.config.cjs')) as BuilderConfig;
// app-builder-lib's own validator: the same JSON schema check `electron-builder` runs first.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: Validate;
};
const quietLogger = { isEnabled: false, add: () => undefined };

/** Reads the width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder configuration', () => {
  it('passes app-builder-lib schema validation', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('is rejected by the same validator when a key is wrong (the check is real)', async () => {
    await expect(validateConfiguration({ ...config, nonsense: 1 }, quietLogger)).rejects.toThrow(
      /unknown property 'nonsense'/,
    );
    await expect(
      validateConfiguration(
        { ...config, linux: { target: ['AppImage'], nonsense: 1 } },
        quietLogger,
      ),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('builds the promised installers under release/ for Folio', () => {
    expect(config.appId).toBe('net.folio.app');
    expect(config.productName).toBe('Folio');
    expect(config.directories.output).toBe('release');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    const exts = config.fileAssociations.flatMap((a) => a.ext);
    expect(exts).toEqual(expect.arrayContaining(['html', 'htm']));
  });

  it('ships only the bundles, package.json and the samples', () => {
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['dist/**/*', 'package.json']);
    // The bundles need no node_modules (bundle.test.ts runs them without any); without this
    // exclusion electron-builder copies every production dependency into app.asar.
    expect(config.files).toContain('!node_modules/**/*');
    expect(config.extraResources).toEqual([
      expect.objectContaining({ from: 'seeds', to: 'seeds' }),
    ]);
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('has square PNG icons of 512 and 256 px', () => {
    expect(pngSize(path.join(repoRoot, config.icon))).toEqual([512, 512]);
    for (const size of [512, 256]) {
      const file = path.join(repoRoot, 'build', 'icons', `${size}x${size}.png`);
      expect(existsSync(file), file).toBe(true);
      expect(pngSize(file)).toEqual([size, size]);
    }
  });
});
