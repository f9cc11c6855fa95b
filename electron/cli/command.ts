/**
 * The shape every CLI command implements. Commands are small modules; `main.ts` holds the registry.
 */
import type { FolioCore, Library, ParseFn } from '../core/ports';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  isTTY: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
}

export interface CliContext {
  io: CliIO;
  /** `--json`: machine-readable output on stdout. */
  json: boolean;
  /** Opens the library (from --library, FOLIO_LIBRARY or the user-data dir) once, lazily. */
  core(): Promise<FolioCore>;
  /** The library alone (no search index, no exporter): what most commands need. */
  library(): Promise<Library>;
  /** The document parser, loaded on first use. */
  parser(): Promise<ParseFn>;
  /** The library folder this run uses. */
  libraryDir: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Extra options for node:util parseArgs, beyond the global --json/--library/--help. */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}
