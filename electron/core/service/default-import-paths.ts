/**
 * The service's default path importer: the store's `importPaths` (folders expanded, each file
 * imported on its own) adapted to the `PathImporter` progress shape the job registry reads.
 */
import path from 'node:path';
import { importPaths } from '../import/import-paths';
import type { Library } from '../ports';
import type { PathImporter } from './types';

/** Builds a `PathImporter` over a library. */
export function createDefaultPathImporter(library: Library): PathImporter {
  return async (paths, onProgress) => {
    let total = 0;
    await importPaths({
      paths,
      importFile: (input) => library.importFile(input),
      onProgress: (_done, t, current) => {
        total = t;
        onProgress({ total: t, current: current ? path.basename(current) : '' });
      },
      onResult: (result) => onProgress({ total, result }),
    });
  };
}
