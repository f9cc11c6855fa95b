import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel, type FolioMethod } from '../../shared/api';
import { FolioError, toErrorData } from '../../shared/errors';
import {
  bridgeRejection,
  createPreloadApi,
  unwrapAnswer,
  errorRejection,
} from '../../electron/preload/preload-api';
import { isJobRef } from '../../shared/host';

const METHODS = Object.keys(CHANNELS) as FolioMethod[];

function recordingInvoke(answer: (channel: Channel, req: unknown) => unknown) {
  const sent: Array<[Channel, unknown]> = [];
  const invoke = async (channel: Channel, req?: unknown) => {
    sent.push([channel, req]);
    return answer(channel, req);
  };
  return { sent, invoke };
}

describe('createPreloadApi', () => {
  it('has exactly one method per contract channel', () => {
    const api = createPreloadApi(async () => ({ ok: true, data: null }));
    expect(Object.keys(api).sort()).toEqual([...METHODS].sort());
    for (const m of METHODS) expect(typeof api[m]).toBe('function');
  });

  it('sends each method on its own channel with the request and returns the data', async () => {
    const { sent, invoke } = recordingInvoke((channel, req) => ({
      ok: true,
      data: { channel, req },
    }));
    const api = createPreloadApi(invoke);
    for (const m of METHODS) {
      const call = api[m] as (req?: unknown) => Promise<unknown>;
      const req = { probe: m };
      await expect(call(req)).resolves.toEqual({ channel: CHANNELS[m], req });
    }
    expect(sent.map(([c]) => c)).toEqual(METHODS.map((m) => CHANNELS[m]));
  });

  it('sends nothing extra for methods without a request', async () => {
    const { sent, invoke } = recordingInvoke(() => ({ ok: true, data: { articleCount: 0 } }));
    const api = createPreloadApi(invoke);
    await api.libraryInfo();
    expect(sent).toEqual([[CHANNELS.libraryInfo, undefined]]);
  });

  it('rejects with a FolioError carrying the code and message of a failed Result', async () => {
    const api = createPreloadApi(async () => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No article abc' },
    }));
    const err: unknown = await api.getArticle({ id: 'abc' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FolioError);
    expect(toErrorData(err)).toEqual({ code: 'NOT_FOUND', message: 'No article abc' });
  });

  it('with the bridge rejection, rejects with a plain object the renderer still decodes', async () => {
    const api = createPreloadApi(
      async () => ({ ok: false, error: { code: 'INVALID_INPUT', message: 'bad id' } }),
      bridgeRejection,
    );
    const err: unknown = await api.getArticle({ id: '' }).catch((e: unknown) => e);
    expect(Object.getPrototypeOf(err)).toBe(Object.prototype);
    expect(toErrorData(err)).toEqual({ code: 'INVALID_INPUT', message: 'bad id' });
  });

  it('treats a malformed answer as INTERNAL', () => {
    for (const answer of [
      undefined,
      null,
      'x',
      { ok: 'yes' },
      { ok: false, error: { code: 'NOPE' } },
    ]) {
      let thrown: unknown = null;
      try {
        unwrapAnswer(answer, errorRejection);
      } catch (e) {
        thrown = e;
      }
      expect(toErrorData(thrown).code, JSON.stringify(answer)).toBe('INTERNAL');
    }
  });
});

describe('isJobRef', () => {
  it('accepts only objects with a string jobId', () => {
    expect(isJobRef({ jobId: 'j1' })).toBe(true);
    expect(isJobRef({ jobId: 1 })).toBe(false);
    expect(isJobRef(null)).toBe(false);
    expect(isJobRef('j1')).toBe(false);
  });
});
