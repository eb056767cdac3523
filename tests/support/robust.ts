// Helpers for the robustness tests and scripts/props.ts: a small corpus and lexicon written inline, a
// fingerprint of an out/ folder (to prove it untouched), diagnostics looked up by `path:line` and rule,
// and an encoder for single-byte code pages (Node only encodes UTF-8).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FRAMES_CSV, writeTree } from './fixtures.ts';
import { runCli, type CliResult } from './cli.ts';

export const PATTERNS_CSV = `frame,pattern,lang,note
terrorism,terror*,,
terrorism,bandit*,en,
terrorism,террорист*,ru,
foreign_interference,foreign-trained,en,
foreign_interference,from abroad,en,
economic_grievance,fuel price*,en,
economic_grievance,gas price*,en,
economic_grievance,цен*,ru,
political_grievance,corruption,en,
security_response,curfew,en,
-,gas station*,en,
`;

export const TEXTS: Record<string, string> = {
  a: 'Terrorists and bandits attacked the city. Protests began over fuel prices and gas prices.\n\nA curfew was declared.',
  b: 'Officials blamed fighters trained from abroad; critics blamed corruption. The gas station was closed.',
  c: 'Власти назвали протестующих террористами. Люди вышли из-за цен на газ.',
};

export const METADATA_CSV = 'doc_id,source,source_type,date,lang\na,Akorda,official,2022-01-05,en\nb,BBC,media,2022-01-06,en\nc,TASS,official,2022-01-07,ru\n';

/** A complete, valid corpus + lexicon; `override` replaces or adds files (null deletes one). */
export function writeCase(override: Record<string, string | Uint8Array | null> = {}): string {
  const files: Record<string, string | Uint8Array | null> = {
    'corpus/metadata.csv': METADATA_CSV,
    ...Object.fromEntries(Object.entries(TEXTS).map(([id, t]) => [`corpus/texts/${id}.txt`, t])),
    'lex/frames.csv': FRAMES_CSV,
    'lex/patterns.csv': PATTERNS_CSV,
    'out/documents.csv': 'doc_id\nfrom-an-earlier-run\n',
    'out/notes.txt': 'the user keeps notes here\n',
    ...override,
  };
  return writeTree(Object.fromEntries(Object.entries(files).filter(([, v]) => v !== null)) as Record<string, string | Uint8Array>);
}

/** Fast options for tests: few bootstrap replicates, one worker. */
export const FAST = ['--reps', '20', '--permutations', '19', '--workers', '1', '--no-progress'];

/** The command on root/corpus, root/lex and root/out; `extra` may name other folders instead. */
export function runIn(root: string, command: string, extra: string[] = []): Promise<CliResult> {
  const folders = [['--corpus', 'corpus'], ['--lexicon', 'lex'], ['--out', 'out']]
    .filter(([flag]) => !extra.includes(flag)).flatMap(([flag, name]) => [flag, join(root, name)]);
  return runCli([command, ...folders, ...FAST, ...extra]);
}

/** path → sha256 of every file under `dir`, leaving out the token cache, staging and lock (out/.cache) and old-style locks. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p).split(sep).join('/');
      if (rel === '.cache' || rel === '.lock' || rel === '.staging') continue;
      if (statSync(p).isDirectory()) walk(p);
      else out[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** One hash for a whole folder fingerprint. */
export function folderHash(dir: string): string {
  return createHash('sha256').update(JSON.stringify(fingerprint(dir))).digest('hex');
}

/** The stderr line for `where` (`corpus/metadata.csv:3`, relative to root) with `rule`, or undefined. */
export function findDiagnostic(stderr: string, root: string, where: string, rule: string, severity = 'error'): string | undefined {
  const prefix = `${join(root, where)}: ${severity} `;
  return stderr.split('\n').find((l) => l.startsWith(prefix) && l.endsWith(`  ${rule}`));
}

/** What every refused run must show: the exit code, no stack trace, no "internal error". Undefined when so. */
export function failureProblem(r: CliResult, code: number): string | undefined {
  if (r.code !== code) return `exit ${r.code}, expected ${code}; stderr:\n${r.stderr}`;
  if (/internal error|\n\s+at .+:\d+:\d+/.test(r.stderr)) return `a stack trace or internal error; stderr:\n${r.stderr}`;
  return undefined;
}

/** Encode `text` in a single-byte code page (the inverse of TextDecoder for that page). */
export function encodeSingleByte(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const byChar = new Map<string, number>();
  for (let b = 255; b >= 0; b--) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((c) => {
    const b = byChar.get(c);
    if (b === undefined) throw new Error(`${JSON.stringify(c)} is not in ${encoding}`);
    return b;
  }));
}

export function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le).swap16();
  return bom ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]) : body;
}

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}

export interface Spawned {
  child: ChildProcess;
  done: Promise<Finished>;
  /** Resolves when stderr matches `re` (a stage's log line), or when the process ends. */
  seen(re: RegExp): Promise<boolean>;
}

/** Start `node bin/qantar.js <args>` as a real process (the only way to test signals and locks). */
export function spawnQantar(args: string[]): Spawned {
  const t0 = Date.now();
  const child = spawn(process.execPath, [join(REPO, 'bin/qantar.js'), ...args], { cwd: REPO, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const waiters: { re: RegExp; res: (ok: boolean) => void }[] = [];
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of waiters.splice(0)) {
      if (w.re.test(stderr)) w.res(true);
      else waiters.push(w);
    }
  });
  const done = new Promise<Finished>((res) => child.on('close', (code, signal) => {
    for (const w of waiters.splice(0)) w.res(false);
    res({ code, signal, stderr, ms: Date.now() - t0 });
  }));
  const seen = (re: RegExp) => new Promise<boolean>((res) => {
    if (re.test(stderr)) res(true);
    else if (child.exitCode !== null || child.signalCode !== null) res(false);
    else waiters.push({ re, res });
  });
  return { child, done, seen };
}

/** A corpus big enough that a run spends time in every stage: `n` documents built from TEXTS. */
export function writeKillCase(n = 40): string {
  const rows = ['doc_id,source,source_type,date,lang'];
  const files: Record<string, string> = {};
  const ids = Object.keys(TEXTS);
  for (let i = 0; i < n; i++) {
    const base = ids[i % ids.length];
    const id = `d${String(i).padStart(3, '0')}`;
    rows.push(`${id},S${i % 5},${['official', 'media', 'ngo'][i % 3]},2022-01-${String(1 + (i % 28)).padStart(2, '0')},${base === 'c' ? 'ru' : 'en'}`);
    files[`corpus/texts/${id}.txt`] = Array.from({ length: 1 + (i % 7) }, (_, k) => `${TEXTS[base]} (${i}.${k})`).join('\n\n');
  }
  return writeCase({ 'corpus/metadata.csv': `${rows.join('\n')}\n`, 'corpus/texts/a.txt': null, 'corpus/texts/b.txt': null, 'corpus/texts/c.txt': null, ...files });
}

/** Arguments of a real run on a case folder; `out` and `cache` name its subfolders. */
export function argsFor(root: string, o: { command?: string; out?: string; cache?: string } = {}): string[] {
  const cache = o.cache ? ['--cache', join(root, o.cache)] : [];
  return [o.command ?? 'run', '--corpus', join(root, 'corpus'), '--lexicon', join(root, 'lex'), '--out', join(root, o.out ?? 'out'), ...cache,
    '--reps', '200', '--permutations', '199', '--workers', '1'];
}
