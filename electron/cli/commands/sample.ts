/** `folio sample`: imports the sample articles shipped in seeds/. */
import { fileURLToPath } from 'node:url';
import type { CliCommand } from '../command';
import { importCommand } from './import';

/** The bundled sample folder (repo root `seeds/`). */
export const SAMPLE_DIR = fileURLToPath(new URL('../../../seeds', import.meta.url));

/** Imports the sample articles (offered when the library is empty). */
export const sampleCommand: CliCommand = {
  name: 'sample',
  summary: 'Import the sample articles (a good first step in an empty library).',
  usage: 'folio sample [--json]',
  run(_args, ctx) {
    return importCommand.run({ positionals: [SAMPLE_DIR], flags: {} }, ctx);
  },
};
