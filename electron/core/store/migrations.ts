/**
 * Schema migrations for a library folder. Each step takes folio.json (as loose JSON, since it
 * predates the current types) from one version to the next and may touch item files.
 */
import { FolioError } from '../../../shared/errors';
import { DEFAULT_SETTINGS } from './library-doc';

export const CURRENT_SCHEMA_VERSION = 1;

export interface MigrationContext {
  /** The library folder. */
  dir: string;
  now: Date;
}

export interface Migration {
  from: number;
  to: number;
  description: string;
  run(doc: Record<string, unknown>, ctx: MigrationContext): Promise<void>;
}

/** The shipped migrations, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    // Pre-release libraries wrote folio.json without a version, settings or tag registry.
    from: 0,
    to: 1,
    description: 'add schemaVersion, default settings and the tag registry',
    async run(doc, ctx) {
      const settings = typeof doc.settings === 'object' && doc.settings ? doc.settings : {};
      doc.settings = { ...DEFAULT_SETTINGS, savedSearches: [], ...settings };
      if (typeof doc.tags !== 'object' || doc.tags === null) doc.tags = {};
      if (typeof doc.createdAt !== 'string') doc.createdAt = ctx.now.toISOString();
    },
  },
];

/**
 * Brings `doc` up to `target` in place and returns the versions passed through.
 * A library newer than this build is refused rather than risked.
 */
export async function migrate(
  doc: Record<string, unknown>,
  ctx: MigrationContext,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): Promise<number[]> {
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0;
  if (version > target) {
    throw new FolioError(
      'UNSUPPORTED',
      `This library uses schema version ${version}; this Folio understands up to ${target}. Update Folio.`,
    );
  }
  const passed: number[] = [];
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) {
      throw new FolioError('LIBRARY_CORRUPT', `No migration from schema version ${version}.`);
    }
    await step.run(doc, ctx);
    version = step.to;
    doc.schemaVersion = version;
    passed.push(version);
  }
  return passed;
}
