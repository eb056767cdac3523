// Where qantar's own files are. The CLI runs either from the TypeScript sources (through tsx: tests,
// scripts) or from the bundles bin/build.js makes in dist/ (`qantar` itself: starts in a fraction of the
// time). The bundles are built with QANTAR_BUNDLED defined, so paths that depend on the layout — the
// project root and the worker modules — are resolved here and nowhere else.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

declare const QANTAR_BUNDLED: boolean | undefined;

export const BUNDLED = typeof QANTAR_BUNDLED !== 'undefined' && QANTAR_BUNDLED === true;

/** The project root (the folder of package.json). */
export const ROOT = fileURLToPath(new URL(BUNDLED ? '../' : '../../', import.meta.url));

export type WorkerName = 'tag' | 'tokenize';

const SOURCES: Record<WorkerName, string> = { tag: 'pipeline/tag/worker.ts', tokenize: 'pipeline/tokenize/worker.ts' };

/**
 * How to start a worker: its entry file, and the module that entry loads. From the bundles the worker's
 * own bundle is the entry; from the sources, bin/worker.js registers tsx and then loads the module.
 */
export function workerEntry(name: WorkerName): { entry: string; module?: string } {
  if (BUNDLED) return { entry: join(ROOT, 'dist', `${name}-worker.mjs`) };
  return { entry: join(ROOT, 'bin', 'worker.js'), module: new URL(`file://${join(ROOT, SOURCES[name])}`).href };
}
