/**
 * Imports the main process starts (files given at launch, "Open with", the menu) are announced on
 * a push channel. The page subscribes only after React has mounted, which can be after the first
 * announcement: files passed at launch are announced as soon as the page has loaded. So the
 * preload listens from the start and holds announcements until a subscriber takes them.
 */
import { type HostEventPayloads, isJobRef } from '../../shared/host';

type ImportStarted = HostEventPayloads['importStarted'];
type Listener = (job: ImportStarted) => void;

/** Announcements held at most while nobody listens (the latest are kept). */
const MAX_HELD = 32;

export interface ImportStartedHub {
  /** Takes one payload from the channel; anything but a `JobRef` is dropped. */
  receive(payload: unknown): void;
  /** Adds a listener, hands it what was held, and returns its unsubscribe. */
  subscribe(listener: Listener): () => void;
}

/** Creates the hub between the IPC channel and the page's listeners. */
export function createImportStartedHub(onError?: (err: unknown) => void): ImportStartedHub {
  const listeners = new Set<Listener>();
  const held: ImportStarted[] = [];
  const deliver = (listener: Listener, job: ImportStarted): void => {
    try {
      listener(job);
    } catch (err) {
      // One failing listener must not keep the announcement from the others.
      onError?.(err);
    }
  };
  return {
    receive(payload) {
      if (!isJobRef(payload)) return;
      // A fresh object: nothing else from the IPC payload reaches the page.
      const job = { jobId: payload.jobId };
      if (listeners.size === 0) {
        if (held.push(job) > MAX_HELD) held.shift();
        return;
      }
      for (const listener of [...listeners]) deliver(listener, job);
    },
    subscribe(listener) {
      listeners.add(listener);
      for (const job of held.splice(0)) deliver(listener, job);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
