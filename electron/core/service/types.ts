/**
 * Seams of the app service: what the composition root hands it besides the core.
 */
import type { ExportRequest, JobItemResult, JobStatus } from '../../../shared/api';
import type { ExportOutcome } from '../ports';

/** One step of a path import: a new total, the file being read, or a file's result. */
export interface ImportProgress {
  total: number;
  current?: string;
  result?: JobItemResult;
}

/** Imports files and folders, reporting each file; resolves when every file is reported. */
export type PathImporter = (
  paths: string[],
  onProgress: (progress: ImportProgress) => void,
) => Promise<void>;

/** Where one export is written, provided by the face. */
export interface ExportTarget {
  /** An existing, empty-or-owned folder to write into. */
  outDir: string;
  /** Called after a successful export; says where the result went. */
  finish(outcome: ExportOutcome): Promise<NonNullable<JobStatus['output']>>;
  /** Called when the export failed, to clean up temporary files. */
  abort?(): Promise<void>;
}

/** The face-specific operations (desktop dialogs and shell, or the browser shell's stand-ins). */
export interface ServicePlatform {
  openExternal(url: string): Promise<void>;
  pickFiles(): Promise<string[]>;
  /** Shows a file or folder in the system file manager. */
  showPath(path: string): Promise<void>;
  /** Asks where an export goes; null when the user cancelled. */
  exportTarget(req: ExportRequest): Promise<ExportTarget | null>;
}
