/** Worker entry of the form checker (form-checks.ts): answers each request in turn. */
import { parentPort } from 'node:worker_threads';
import { type FormCheckRequest, serveFormChecks } from './form-checks';

parentPort?.on('message', (req: FormCheckRequest) => serveFormChecks(req));
