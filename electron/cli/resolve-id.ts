/** Lets people type a unique prefix of an id, as with git hashes. */
import { FolioError } from '../../shared/errors';
import type { Library } from '../core/ports';

/** The full id for `given` (exact or unique prefix); NOT_FOUND or INVALID_INPUT otherwise. */
export function resolveId(library: Library, given: string): string {
  const all = library.allSummaries();
  if (all.some((s) => s.id === given)) return given;
  const matches = given.length >= 4 ? all.filter((s) => s.id.startsWith(given)) : [];
  if (matches.length === 1) return (matches[0] as { id: string }).id;
  if (matches.length > 1)
    throw new FolioError('INVALID_INPUT', `The id prefix ${given} matches several articles.`);
  throw new FolioError('NOT_FOUND', `No article with id ${given}.`);
}
