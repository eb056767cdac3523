#!/usr/bin/env node
// Bundle qantar's TypeScript into dist/ (the CLI and its two worker modules), so `qantar` starts without
// compiling ~200 modules on every run. Dependencies stay in node_modules; only our own code is bundled.
// `ensureBuilt()` rebuilds when any source is newer than the bundles; each file is written to a temporary
// name and renamed, so a second qantar starting meanwhile never reads half a bundle.
import { readdirSync, renameSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const ENTRIES = { cli: 'pipeline/cli.ts', 'tag-worker': 'pipeline/tag/worker.ts', 'tokenize-worker': 'pipeline/tokenize/worker.ts' };

function newestSource(dir = join(ROOT, 'pipeline')) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function oldestBundle() {
  let oldest = Infinity;
  for (const name of Object.keys(ENTRIES)) {
    const p = join(DIST, `${name}.mjs`);
    if (!existsSync(p)) return 0;
    oldest = Math.min(oldest, statSync(p).mtimeMs);
  }
  return oldest;
}

export async function build() {
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, join(ROOT, v)])),
    outdir: DIST, outExtension: { '.js': '.mjs' }, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', define: { QANTAR_BUNDLED: 'true' }, write: false, logLevel: 'silent', legalComments: 'none',
  });
  mkdirSync(DIST, { recursive: true });
  for (const f of result.outputFiles) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
}

/** True when dist/ holds bundles at least as new as every source (building them if needed). */
export async function ensureBuilt() {
  if (oldestBundle() >= newestSource()) return true;
  try {
    await build();
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await build();
