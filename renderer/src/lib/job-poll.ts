/**
 * Polls a long job until it finishes. Sleep is injected so tests run instantly.
 */
import type { FolioApi, JobStatus } from '../../../shared/api';

export interface PollOptions {
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Return true to stop polling early (the component went away). */
  cancelled?: () => boolean;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Calls `onUpdate` with each status and resolves with the final one (or the last seen when cancelled). */
export async function pollJob(
  api: Pick<FolioApi, 'jobStatus'>,
  jobId: string,
  onUpdate: (status: JobStatus) => void,
  opts: PollOptions = {},
): Promise<JobStatus> {
  const sleep = opts.sleep ?? defaultSleep;
  const interval = opts.intervalMs ?? 200;
  for (;;) {
    const status = await api.jobStatus({ jobId });
    onUpdate(status);
    if (status.finished || opts.cancelled?.()) return status;
    await sleep(interval);
  }
}
