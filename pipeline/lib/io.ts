// Disk access for outputs. A command writes into out/.staging/ and, only when everything succeeded,
// commits: it records the file list in out/.staging/COMMIT and renames each file into place. A run that
// fails, is interrupted or killed leaves out/ as it was; a COMMIT found at the next start is rolled forward.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { readdir, rename, writeFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { DataError, diag } from './diagnostics.ts';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Write a file atomically: a temporary sibling, then rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

interface LockInfo {
  pid: number;
  command: string;
  started: string;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take out/.lock, or refuse naming the run that holds it. A lock whose process is gone is taken over. */
function acquireLock(outDir: string, command: string): string {
  const lockPath = join(outDir, '.lock');
  const info: LockInfo = { pid: process.pid, command, started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx' });
      return lockPath;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let held: LockInfo | undefined;
      try {
        held = JSON.parse(readFileSync(lockPath, 'utf8')) as LockInfo;
      } catch {
        held = undefined;
      }
      if (held && held.pid !== process.pid && pidAlive(held.pid)) {
        throw new DataError([diag(outDir, undefined, 'error',
          `output folder is in use by another qantar run (pid ${held.pid}, \`qantar ${held.command}\`, started ${held.started}); wait for it to finish or choose another --out`,
          'output/locked')]);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataError([diag(outDir, undefined, 'error', 'could not take the output lock; expected to create .lock', 'output/locked')]);
}

/** Finish a commit that a killed run left behind, or throw away its unfinished staging folder. */
function recoverStaging(outDir: string): void {
  const staging = join(outDir, '.staging');
  if (!existsSync(staging)) return;
  const marker = join(staging, 'COMMIT');
  if (existsSync(marker)) {
    const files = JSON.parse(readFileSync(marker, 'utf8')) as string[];
    for (const f of files) {
      const from = join(staging, f);
      if (existsSync(from)) {
        mkdirSync(dirname(join(outDir, f)), { recursive: true });
        renameSync(from, join(outDir, f));
      }
    }
  }
  rmSync(staging, { recursive: true, force: true });
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out;
}

/** The outputs of one command, staged until commit. */
export class OutputSession {
  private readonly staging: string;
  private readonly lockPath: string;
  private closed = false;
  private readonly streams: WriteStream[] = [];

  private constructor(readonly outDir: string, command: string) {
    mkdirSync(outDir, { recursive: true });
    this.lockPath = acquireLock(outDir, command);
    recoverStaging(outDir);
    this.staging = join(outDir, '.staging');
    mkdirSync(this.staging, { recursive: true });
    OutputSession.open.add(this);
  }

  static readonly open = new Set<OutputSession>();

  static start(outDir: string, command: string): OutputSession {
    return new OutputSession(outDir, command);
  }

  /** Path of a file inside the staging folder (created on write). */
  path(name: string): string {
    return join(this.staging, name);
  }

  async write(name: string, data: string | Uint8Array): Promise<void> {
    const p = this.path(name);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, data);
  }

  stream(name: string): WriteStream {
    const p = this.path(name);
    mkdirSync(dirname(p), { recursive: true });
    const s = createWriteStream(p);
    this.streams.push(s);
    return s;
  }

  /** Move every staged file into out/. */
  async commit(): Promise<string[]> {
    await Promise.all(this.streams.map((s) => new Promise<void>((res, rej) => {
      if (s.closed) res();
      else s.end(() => res()).on('error', rej);
    })));
    const files = (await listFiles(this.staging)).map((f) => relative(this.staging, f).split(sep).join('/')).sort();
    await writeFile(join(this.staging, 'COMMIT'), JSON.stringify(files));
    for (const f of files) {
      await mkdir(dirname(join(this.outDir, f)), { recursive: true });
      await rename(join(this.staging, f), join(this.outDir, f));
    }
    this.close();
    return files;
  }

  /** Drop everything staged; out/ stays as it was. */
  abort(): void {
    for (const s of this.streams) s.destroy();
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    rmSync(this.staging, { recursive: true, force: true });
    rmSync(this.lockPath, { force: true });
    OutputSession.open.delete(this);
  }
}

/** On Ctrl-C or SIGTERM: drop staged outputs and locks, then exit 130/143. */
export function installSignalCleanup(): void {
  const handler = (signal: NodeJS.Signals) => {
    for (const s of [...OutputSession.open]) s.abort();
    process.stderr.write(`qantar: interrupted (${signal}); out/ left as it was\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
