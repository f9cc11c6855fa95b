/**
 * The one entry point every face uses to call the API with untrusted input: checks the method
 * name, validates the payload, calls, and turns any throw into a serialisable `Result`.
 */
import { CHANNELS, type Channel, type FolioApi, type FolioMethod } from '../../../shared/api';
import { FolioError, toErrorData, type Result } from '../../../shared/errors';
import { validators } from '../../../shared/validate';

const METHODS = Object.keys(CHANNELS) as FolioMethod[];
const BY_CHANNEL = new Map<string, FolioMethod>(METHODS.map((m) => [CHANNELS[m], m]));

/** True when `name` is a method of the contract (own keys only, so `toString` etc. fail). */
export function isFolioMethod(name: unknown): name is FolioMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CHANNELS, name);
}

/** The method behind an IPC channel name, or null for a channel outside the contract. */
export function methodForChannel(channel: string): FolioMethod | null {
  return BY_CHANNEL.get(channel as Channel) ?? null;
}

/** Validates and runs one API call; never throws. */
export async function dispatch(
  api: FolioApi,
  method: string,
  payload: unknown,
): Promise<Result<unknown>> {
  try {
    if (!isFolioMethod(method))
      throw new FolioError('UNSUPPORTED', `Unknown method: ${method.slice(0, 64)}`);
    const request = validators[method](payload);
    const fn = api[method] as (req: unknown) => Promise<unknown>;
    const data = await fn.call(api, request);
    // JSON has no undefined: void methods answer null so both faces serialise the same thing.
    return { ok: true, data: data === undefined ? null : data };
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  }
}
