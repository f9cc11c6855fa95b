/**
 * Hands the FolioApi to components; tests and the dev preview pass a fake.
 */
import { createContext, useContext } from 'react';
import type { FolioApi } from '../../../shared/api';

export const ApiContext = createContext<FolioApi | null>(null);

/** The FolioApi for this window; throws when used outside the provider (a wiring bug). */
export function useApi(): FolioApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiContext missing');
  return api;
}
