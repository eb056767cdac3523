// Nothing half-written, nothing lost: real `qantar run` processes are interrupted (SIGINT, SIGTERM) or
// killed (SIGKILL) at points across the run, and out/ must then be exactly as before (or, if the run had
// finished, exactly the new outputs). Two runs on one out/ at once: the second refuses, naming the first.
// A torn token-cache entry is rebuilt. scripts/props.ts kills many more runs.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { OutputSession, outputPaths, recoverStaging } from '../pipeline/lib/io.ts';
import { decodeTokens, encodeTokens } from '../pipeline/tokenize/cache.ts';
import { tokenizeDocument } from '../pipeline/tokenize/index.ts';
import { DataError } from '../pipeline/lib/diagnostics.ts';
import { argsFor, fingerprint, runIn, spawnQantar, TEXTS, writeCase, writeKillCase } from './support/robust.ts';

const withoutManifest = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'manifest.json'));
/** The tables only: figures rendered twice in one process differ in vega's gradient ids. */
const tables = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([k]) => k.endsWith('.csv')));

function listQtk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.qtk')).map((f) => join(dir, f)).sort();
}

describe('an interrupted run leaves out/ as it was', () => {
  test('killed at points across the run, by SIGINT, SIGTERM and SIGKILL', async () => {
    const root = writeKillCase(40);
    const args = argsFor(root, { cache: 'cache' });
    const first = await spawnQantar(args).done;
    expect(first.code, first.stderr).toBe(0);
    const before = fingerprint(join(root, 'out'));
    // The runs to be killed would change the outputs: the lexicon gains a pattern.
    appendFileSync(join(root, 'lex/patterns.csv'), 'political_grievance,protest*,en,\n');
    const ref = await spawnQantar(argsFor(root, { out: 'out-ref', cache: 'cache' })).done;
    expect(ref.code, ref.stderr).toBe(0);
    // What out/ should hold after a completed run: the new outputs, and the user's own file kept.
    const after = { ...withoutManifest(fingerprint(join(root, 'out-ref'))), 'notes.txt': before['notes.txt'] };
    expect(after).not.toEqual(withoutManifest(before));
    // Kill points: while loading, and just after each stage's log line (the next stage is running).
    const points: [NodeJS.Signals, RegExp | undefined, number][] = [
      ['SIGINT', undefined, 300], ['SIGKILL', /^tokenize:/m, 0], ['SIGTERM', /^tag:/m, 0], ['SIGINT', /^count:/m, 0], ['SIGKILL', /^figures:/m, 0],
    ];
    let interrupted = 0;
    for (const [signal, stage, delay] of points) {
      const run = spawnQantar(args);
      if (stage) await run.seen(stage);
      await new Promise((r) => setTimeout(r, delay));
      run.child.kill(signal);
      const r = await run.done;
      const now = fingerprint(join(root, 'out'));
      if (r.code === 0 || isDeepStrictEqual(withoutManifest(now), after)) {
        // Finished before the signal took effect: then out/ holds exactly the new outputs, the new baseline.
        expect(withoutManifest(now)).toEqual(after);
        Object.assign(before, now);
        continue;
      }
      interrupted++;
      expect(now, `${signal} after ${stage}: ${r.stderr}`).toEqual(before);
      if (signal !== 'SIGKILL' && r.code !== null) expect(r.stderr).toContain(`interrupted (${signal})`);
    }
    expect(interrupted).toBeGreaterThanOrEqual(3);
    // A run after all that (stale lock, staging left by SIGKILL) completes with the new outputs.
    const last = await spawnQantar(args).done;
    expect(last.code, last.stderr).toBe(0);
    expect(withoutManifest(fingerprint(join(root, 'out')))).toEqual(after);
  }, 600_000);

  test('a failing run (bad input found late) leaves out/ as it was', async () => {
    const root = writeCase();
    expect((await runIn(root, 'run')).code).toBe(0);
    const before = fingerprint(join(root, 'out'));
    const r = await runIn(root, 'run', ['--by', 'no_such_column']);
    expect(r.code).toBe(2);
    expect(fingerprint(join(root, 'out'))).toEqual(before);
  });
});

describe('one out/ folder, one run at a time', () => {
  test('a second run refuses while the first holds out/, naming it', async () => {
    const root = writeKillCase(40);
    const { child, done } = spawnQantar(argsFor(root));
    const lock = outputPaths(join(root, 'out')).lock;
    for (let i = 0; i < 400 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 25));
    expect(existsSync(lock)).toBe(true);
    // Freeze the first run while it holds the lock, so that it cannot finish before the second starts.
    child.kill('SIGSTOP');
    const second = await spawnQantar(argsFor(root)).done;
    child.kill('SIGCONT');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`pid ${child.pid}, \`qantar run\``);
    expect(second.stderr).toContain('output/locked');
    const first = await done;
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  test.each([
    ['a run that was killed', (pid: number) => ({ pid, host: hostname(), command: 'run', started: '2022-01-05T00:00:00Z' }), 0],
    ['a live process that is not the run (a reused pid)', () => ({ pid: process.ppid, host: hostname(), command: 'run', started: 'x', ticks: '1' }), 0],
    ['a run on another machine', () => ({ pid: 1, host: 'elsewhere.example', command: 'run', started: 'x' }), 1],
  ])('a lock left by %s', async (_what, lockOf, code) => {
    const root = writeCase();
    const gone = spawnSync(process.execPath, ['-e', '']);
    const { lock } = outputPaths(join(root, 'out'));
    mkdirSync(dirname(lock), { recursive: true });
    writeFileSync(lock, JSON.stringify(lockOf(gone.pid!)));
    const r = await runIn(root, 'ingest');
    expect(r.code, r.stderr).toBe(code);
    if (code === 1) expect(r.stderr).toContain('on host elsewhere.example');
  });

  test('in one process, a second session on the same folder is refused', () => {
    const root = writeCase();
    const a = OutputSession.start(join(root, 'out'), 'run');
    expect(() => OutputSession.start(join(root, 'out'), 'tag')).toThrow(DataError);
    a.abort();
    OutputSession.start(join(root, 'out'), 'tag').abort();
  });
});

describe('the commit', () => {
  test('a commit killed halfway is rolled forward by the next command', () => {
    const root = writeCase();
    const out = join(root, 'out');
    const { staging, marker } = outputPaths(out);
    const files = { 'documents.csv': 'doc_id\nnew\n', 'figures/x.svg': '<svg/>', 'hits.csv': 'h\n' };
    for (const [f, c] of Object.entries(files)) {
      const p = join(staging, f);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, c);
    }
    writeFileSync(marker, JSON.stringify(Object.keys(files).sort()));
    // As if killed after moving documents.csv only.
    renameSync(join(staging, 'documents.csv'), join(out, 'documents.csv'));
    recoverStaging(out);
    for (const [f, c] of Object.entries(files)) expect(readFileSync(join(out, f), 'utf8')).toBe(c);
    expect(existsSync(staging)).toBe(false);
  });

  test('staged files that were never committed are thrown away', () => {
    const root = writeCase();
    const out = join(root, 'out');
    const before = fingerprint(out);
    const s = OutputSession.start(out, 'run');
    writeFileSync(s.path('documents.csv'), 'half');
    // Killed: no abort, no commit. The next session starts clean.
    (s as unknown as { closed: boolean }).closed = true;
    OutputSession.open.delete(s);
    const { lock } = outputPaths(out);
    writeFileSync(lock, JSON.stringify({ pid: 999999, host: hostname(), command: 'run', started: 'x' }));
    OutputSession.start(out, 'run').abort();
    expect(fingerprint(out)).toEqual(before);
  });
});

describe('the token cache survives a kill mid-write', () => {
  test('a torn or corrupted cache entry is never read as data', () => {
    const doc = tokenizeDocument(TEXTS.a, { docId: 'a', lang: 'en', textHash: 'h' });
    const buf = encodeTokens(doc);
    expect(decodeTokens(buf, 'a')?.types).toEqual(doc.types);
    for (let n = 0; n < buf.length; n++) expect(decodeTokens(buf.subarray(0, n), 'a'), `truncated to ${n}`).toBeUndefined();
    for (let i = 0; i < buf.length; i += 7) {
      const bad = Buffer.from(buf);
      bad[i] ^= 0x20;
      expect(decodeTokens(bad, 'a'), `byte ${i} flipped`).toBeUndefined();
    }
  });

  test('a truncated .qtk file is rebuilt and the outputs do not change', async () => {
    const root = writeCase();
    expect((await runIn(root, 'run')).code).toBe(0);
    const outputs = tables(fingerprint(join(root, 'out')));
    const qtk = listQtk(join(root, 'out/.cache/tokens'));
    expect(qtk.length).toBe(3);
    const original = qtk.map((f) => readFileSync(f));
    truncateSync(qtk[0], Math.floor(statSync(qtk[0]).size / 2));
    writeFileSync(qtk[1], Buffer.concat([original[1].subarray(0, 40), Buffer.from('garbage'), original[1].subarray(47)]));
    const r = await runIn(root, 'run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('(1 from cache)');
    expect(tables(fingerprint(join(root, 'out')))).toEqual(outputs);
    expect(qtk.map((f) => readFileSync(f))).toEqual(original);
  });
});
