/** folio.json: the small library-level document (schema version, settings, tag registry). */
import type { Settings } from '../../../shared/api';

export interface LibraryDoc {
  schemaVersion: number;
  createdAt: string;
  settings: Settings;
  /** Tag identity (see shared/tags.ts `tagKey`) → the first-seen display form. */
  tags: Record<string, string>;
}

export const DEFAULT_SETTINGS: Settings = { theme: 'system', locale: 'auto', savedSearches: [] };

/** A fresh folio.json for a new library. */
export function newLibraryDoc(schemaVersion: number, now: Date): LibraryDoc {
  return {
    schemaVersion,
    createdAt: now.toISOString(),
    settings: { ...DEFAULT_SETTINGS, savedSearches: [] },
    tags: {},
  };
}
