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

export async function killLoop(kills: number, seed: number, log: (s: string) => void): Promise<KillReport> {
  const root = writeKillCase(40);
  const out = join(root, 'out');
  const lexA = readFileSync(join(root, 'lex/patterns.csv'), 'utf8');
  const lexB = `${lexA}political_grievance,protest*,en,\n`;
  const setLex = (t: string) => writeFileSync(join(root, 'lex/patterns.csv'), t);
  const ref = async (lex: string, name: string) => {
    setLex(lex);
    const r = await spawnQantar(argsFor(root, { out: name })).done;
    if (r.code !== 0) throw new Error(`reference run failed: ${r.stderr}`);
    const state: Record<string, string> = { ...noManifest(fingerprint(join(root, name))), 'notes.txt': fingerprint(out)['notes.txt'] };
    return { state, ms: r.ms };
  };
  const A = await ref(lexA, 'ref-a');
  const B = await ref(lexB, 'ref-b');
  setLex(lexA);
  const first = await spawnQantar(argsFor(root)).done;
  if (first.code !== 0) throw new Error(`first run failed: ${first.stderr}`);
  const rng = createRng(seed);
  const report: KillReport = { runs: 0, interrupted: {}, completed: 0, rolledForward: 0, failures: [], tornCacheFiles: 0, tmpLeftovers: 0, runSeconds: 0 };
  let current = A;
  let next = B;
  for (let k = 0; k < kills; k++) {
    setLex(next === A ? lexA : lexB);
    if (rng() < 0.2) rmSync(join(out, '.cache/tokens'), { recursive: true, force: true });
    const signal = SIGNALS[Math.floor(rng() * SIGNALS.length)];
    const delay = Math.round(rng() * 1.1 * Math.max(A.ms, B.ms));
    const run = spawnQantar(argsFor(root));
    const timer = setTimeout(() => run.child.kill(signal), delay);
    const r = await run.done;
    clearTimeout(timer);
    report.runs++;
    report.runSeconds += r.ms / 1000;
    const now = noManifest(fingerprint(out));
    const what = `kill ${k + 1}: ${signal} at ${delay} ms (exit ${r.code ?? r.signal})`;
    if (isDeepStrictEqual(now, current.state) && r.code !== 0) {
      report.interrupted[signal] = (report.interrupted[signal] ?? 0) + 1;
    } else if (isDeepStrictEqual(now, next.state)) {
      // Finished (perhaps with the signal arriving after the commit): exactly the new outputs.
      report.completed++;
      [current, next] = [next, current];
    } else if (existsSync(outputPaths(out).marker)) {
      // Killed inside the final renames: the next command finishes the commit.
      report.rolledForward++;
      const again = await spawnQantar(argsFor(root, { command: 'ingest' })).done;
      const after = noManifest(fingerprint(out));
      const expected = { ...next.state, 'documents.csv': after['documents.csv'] };
      if (again.code !== 0 || !isDeepStrictEqual(after, expected)) report.failures.push(`${what}: a commit killed halfway was not rolled forward`);
      await spawnQantar(argsFor(root)).done;
      [current, next] = [next, current];
    } else {
      const changed = Object.keys({ ...now, ...current.state }).filter((f) => now[f] !== current.state[f]);
      report.failures.push(`${what}: out/ is neither the old nor the new outputs (${changed.join(', ')})`);
    }
    const cache = scanCache(join(out, '.cache/tokens'));
    report.tornCacheFiles += cache.torn;
    report.tmpLeftovers = cache.tmp;
    if ((k + 1) % 10 === 0) log(`props: ${k + 1}/${kills} kills, ${report.failures.length} failures`);
  }
  return report;
}
