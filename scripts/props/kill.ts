// The kill loop of `npm run props`: real `qantar run` processes on a small corpus, interrupted at random
// moments (seeded) by SIGINT, SIGTERM or SIGKILL. After each, out/ must be exactly the previous outputs,
// or — when the run had finished — exactly the new ones. The lexicon flips between two versions, so every
// run would change out/. Some runs start with an empty token cache, to kill during cache writes too.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { outputPaths } from '../../pipeline/lib/io.ts';
import { decodeTokens } from '../../pipeline/tokenize/cache.ts';
import { createRng } from '../../pipeline/count/rng.ts';
import { argsFor, fingerprint, spawnQantar, writeKillCase } from '../../tests/support/robust.ts';

export interface KillReport {
  runs: number;
  interrupted: Record<string, number>;
  completed: number;
  rolledForward: number;
  failures: string[];
  tornCacheFiles: number;
  tmpLeftovers: number;
  runSeconds: number;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGKILL'];
const noManifest = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'manifest.json'));

/** Check the token cache: every .qtk decodes (a torn one never stays), and count temporary leftovers. */
function scanCache(dir: string): { torn: number; tmp: number } {
  if (!existsSync(dir)) return { torn: 0, tmp: 0 };
  let torn = 0;
  let tmp = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (f.includes('.tmp-')) tmp++;
    else if (f.endsWith('.qtk') && !decodeTokens(readFileSync(join(dir, f)), 'x')) torn++;
  }
  return { torn, tmp };
}

interface State {
  state: Record<string, string>;
  ms: number;
}

/** The case folder with two lexicon versions and the outputs of each (from uninterrupted runs). */
async function prepare(): Promise<{ root: string; setLex(v: 'a' | 'b'): void; A: State; B: State }> {
  const root = writeKillCase(40);
  const out = join(root, 'out');
  const lexA = readFileSync(join(root, 'lex/patterns.csv'), 'utf8');
  const lexB = `${lexA}political_grievance,protest*,en,\n`;
  const setLex = (v: 'a' | 'b') => writeFileSync(join(root, 'lex/patterns.csv'), v === 'a' ? lexA : lexB);
  const ref = async (v: 'a' | 'b'): Promise<State> => {
    setLex(v);
    const r = await spawnQantar(argsFor(root, { out: `ref-${v}` })).done;
    if (r.code !== 0) throw new Error(`reference run failed: ${r.stderr}`);
    return { state: { ...noManifest(fingerprint(join(root, `ref-${v}`))), 'notes.txt': fingerprint(out)['notes.txt'] }, ms: r.ms };
  };
  const A = await ref('a');
  const B = await ref('b');
  setLex('a');
  const first = await spawnQantar(argsFor(root)).done;
  if (first.code !== 0) throw new Error(`first run failed: ${first.stderr}`);
  return { root, setLex, A, B };
}

export async function killLoop(kills: number, seed: number, log: (s: string) => void): Promise<KillReport> {
  const { root, setLex, A, B } = await prepare();
  const out = join(root, 'out');
  const rng = createRng(seed);
  const report: KillReport = { runs: 0, interrupted: {}, completed: 0, rolledForward: 0, failures: [], tornCacheFiles: 0, tmpLeftovers: 0, runSeconds: 0 };
  let [current, next] = [A, B];
  for (let k = 0; k < kills; k++) {
    setLex(next === A ? 'a' : 'b');
    if (rng() < 0.2) rmSync(join(out, '.cache/tokens'), { recursive: true, force: true });
    const signal = SIGNALS[Math.floor(rng() * SIGNALS.length)];
    const delay = Math.round(rng() * 1.1 * Math.max(A.ms, B.ms));
    const run = spawnQantar(argsFor(root));
    const timer = setTimeout(() => run.child.kill(signal), delay);
    const r = await run.done;
    clearTimeout(timer);
    report.runs++;
    report.runSeconds += r.ms / 1000;
    const what = `kill ${k + 1}: ${signal} at ${delay} ms (exit ${r.code ?? r.signal})`;
    const outcome = await judge(root, current, next, r.code);
    if (outcome === 'interrupted') report.interrupted[signal] = (report.interrupted[signal] ?? 0) + 1;
    else if (outcome === 'completed') report.completed++;
    else if (outcome === 'rolled forward') report.rolledForward++;
    else report.failures.push(`${what}: ${outcome}`);
    if (outcome === 'completed' || outcome === 'rolled forward') [current, next] = [next, current];
    const cache = scanCache(join(out, '.cache/tokens'));
    report.tornCacheFiles += cache.torn;
    report.tmpLeftovers = cache.tmp;
    if ((k + 1) % 10 === 0) log(`props: ${k + 1}/${kills} kills, ${report.failures.length} failures`);
  }
  return report;
}

/** What a killed run left: out/ as before, the new outputs, a commit to roll forward — or a failure. */
async function judge(root: string, current: State, next: State, code: number | null): Promise<string> {
  const out = join(root, 'out');
  const now = noManifest(fingerprint(out));
  if (isDeepStrictEqual(now, current.state) && code !== 0) return 'interrupted';
  // Finished (perhaps with the signal arriving after the commit): exactly the new outputs.
  if (isDeepStrictEqual(now, next.state)) return 'completed';
  if (existsSync(outputPaths(out).marker)) {
    // Killed inside the final renames: the next command finishes the commit.
    const again = await spawnQantar(argsFor(root, { command: 'ingest' })).done;
    const after = noManifest(fingerprint(out));
    const ok = again.code === 0 && isDeepStrictEqual(after, { ...next.state, 'documents.csv': after['documents.csv'] });
    await spawnQantar(argsFor(root)).done;
    return ok ? 'rolled forward' : 'a commit killed halfway was not rolled forward';
  }
  const changed = Object.keys({ ...now, ...current.state }).filter((f) => now[f] !== current.state[f]);
  return `out/ is neither the old nor the new outputs (${changed.join(', ')})`;
}
