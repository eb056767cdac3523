// The output lock: one qantar command writes into an out/ folder at a time. The lock file appears whole
// (written aside, then hard-linked into place) and names its holder; a lock whose holder is gone (a run
// that was killed) is taken over, under a short-lived guard file so that two runs cannot both take it.
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { DataError, diag } from './diagnostics.ts';

export interface LockInfo {
  pid: number;
  host: string;
  command: string;
  started: string;
  /** The holder's start time in clock ticks since boot (Linux), so a reused pid is not taken for it. */
  ticks?: string;
}

/** Locks held by this process (tests run several commands in one process). */
const heldHere = new Set<string>();

function processTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

const HAS_PROC = existsSync('/proc/self/stat');

/** Is the run named in a lock still going? Unknowable for another host, so assume it is. */
export function holderAlive(info: LockInfo, lockPath: string): boolean {
  if (info.host !== hostname()) return true;
  if (info.pid === process.pid) return heldHere.has(lockPath);
  if (HAS_PROC) {
    const ticks = processTicks(info.pid);
    return ticks !== undefined && (info.ticks === undefined || ticks === info.ticks);
  }
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readRaw(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseLock(raw: string | undefined): LockInfo | undefined {
  try {
    const info = JSON.parse(raw ?? '') as LockInfo;
    return typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Remove a dead holder's lock, unless another run is doing the same or the lock changed meanwhile. */
function takeOver(lockPath: string, seen: string | undefined): void {
  const guard = `${lockPath}.takeover`;
  try {
    writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch {
    if (ageMs(guard) > 10_000) rmSync(guard, { force: true });
    return;
  }
  try {
    if (readRaw(lockPath) === seen) rmSync(lockPath, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

function lockedError(where: string, info: LockInfo | undefined): DataError {
  const who = info
    ? `pid ${info.pid}${info.host !== hostname() ? ` on host ${info.host}` : ''}, \`qantar ${info.command}\`, started ${info.started}`
    : 'a run that is still starting';
  return new DataError([diag(where, undefined, 'error',
    `output folder is in use by another qantar run (${who}); wait for it to finish or choose another --out`, 'output/locked')]);
}

function link(tmp: string, lockPath: string, content: string): boolean {
  try {
    linkSync(tmp, lockPath);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: create-exclusive, which can be seen empty for a moment.
    try {
      writeFileSync(lockPath, content, { flag: 'wx' });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  }
}

/** Take the lock at `lockPath` or throw a DataError naming its holder. `where` is shown in the message. */
export function acquireLock(lockPath: string, command: string, where: string): void {
  const info: LockInfo = { pid: process.pid, host: hostname(), command, started: new Date().toISOString(), ticks: processTicks(process.pid) };
  const content = JSON.stringify(info);
  const tmp = `${lockPath}.${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, content);
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (link(tmp, lockPath, content)) {
        heldHere.add(lockPath);
        return;
      }
      const raw = readRaw(lockPath);
      const held = parseLock(raw);
      if (held ? holderAlive(held, lockPath) : raw !== undefined && ageMs(lockPath) < 2000) {
        if (held) throw lockedError(where, held);
        sleep(20);
        continue;
      }
      takeOver(lockPath, raw);
      if (existsSync(lockPath)) sleep(10);
    }
    throw lockedError(where, parseLock(readRaw(lockPath)));
  } finally {
    rmSync(tmp, { force: true });
  }
}

export function releaseLock(lockPath: string): void {
  if (!heldHere.delete(lockPath)) return;
  const held = parseLock(readRaw(lockPath));
  if (held && held.pid === process.pid) rmSync(lockPath, { force: true });
}
