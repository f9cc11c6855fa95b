/**
 * Every `folio` command, in the order `folio --help` lists them. The search, reindex, cite and
 * export commands live in their own modules (owned with the search and export code) and are
 * added here when they land.
 */
import type { CliCommand } from './command';
import { importCommand } from './commands/import';
import { listCommand } from './commands/list';
import { noteCommand } from './commands/note';
import { parseCommand } from './commands/parse';
import { sampleCommand } from './commands/sample';
import { setCommand } from './commands/set';
import { showCommand } from './commands/show';
import { tagCommand, tagsCommand } from './commands/tag';
import { restoreCommand, rmCommand, trashCommand } from './commands/trash';

export const COMMANDS: readonly CliCommand[] = [
  importCommand,
  sampleCommand,
  listCommand,
  showCommand,
  tagCommand,
  tagsCommand,
  noteCommand,
  setCommand,
  rmCommand,
  restoreCommand,
  trashCommand,
  parseCommand,
];
