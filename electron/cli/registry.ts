/**
 * Every `folio` command, in the order `folio --help` lists them.
 */
import type { CliCommand } from './command';
import { citeCommand } from './commands/cite';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { listCommand } from './commands/list';
import { noteCommand } from './commands/note';
import { parseCommand } from './commands/parse';
import { reindexCommand } from './commands/reindex';
import { sampleCommand } from './commands/sample';
import { searchCommand } from './commands/search';
import { setCommand } from './commands/set';
import { showCommand } from './commands/show';
import { tagCommand, tagsCommand } from './commands/tag';
import { restoreCommand, rmCommand, trashCommand } from './commands/trash';

export const COMMANDS: readonly CliCommand[] = [
  importCommand,
  sampleCommand,
  listCommand,
  searchCommand,
  showCommand,
  tagCommand,
  tagsCommand,
  noteCommand,
  setCommand,
  rmCommand,
  restoreCommand,
  trashCommand,
  citeCommand,
  exportCommand,
  reindexCommand,
  parseCommand,
];
