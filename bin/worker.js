// Entry point of qantar's worker threads: registers the TypeScript loader, then loads the module named in
// workerData (worker threads do not inherit a loader registered through the API).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
