// Disk access for outputs. A command writes into out/.cache/staging/ and, only when everything succeeded,
// commits: it records the file list in a COMMIT marker and renames each file into out/, synchronously, so
// no signal handler runs halfway. A run that fails, is interrupted or killed before the marker leaves
// out/ as it was; one killed after it is rolled forward by the next command that takes the lock.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, openSync, readSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { DataError, diag } from './diagnostics.ts';
import { acquireLock, releaseLock } from './io-lock.ts';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** sha256 of a file, read a block at a time: an output table can be larger than memory should hold. */
export function sha256File(path: string, block = 4 * 2 ** 20): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(block);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buf, 0, block, null); n > 0; n = readSync(fd, buf, 0, block, null)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

// Folders this thread has made: the token cache writes thousands of files into a few hundred folders.
const madeDirs = new Set<string>();

/** Write a file atomically: a temporary sibling, then rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  if (!madeDirs.has(dir)) {
    await mkdir(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    try {
      await writeFile(tmp, data);
    } catch (e) {
      // The folder was removed since it was made (a cache cleared during a run): make it again.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await mkdir(dir, { recursive: true });
      await writeFile(tmp, data);
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Where a command keeps its lock and staged files: hidden in out/.cache, never among the outputs. */
export function outputPaths(outDir: string) {
  const work = join(outDir, '.cache');
  return { work, lock: join(work, 'qantar.lock'), staging: join(work, 'staging'), marker: join(work, 'staging', 'COMMIT') };
}

/** Finish a commit that a killed run left behind, or throw away its unfinished staging folder. */
export function recoverStaging(outDir: string): void {
  for (const staging of [outputPaths(outDir).staging, join(outDir, '.staging')]) {
    if (!existsSync(staging)) continue;
    const marker = join(staging, 'COMMIT');
    if (existsSync(marker)) {
      const files = JSON.parse(readFileSync(marker, 'utf8')) as string[];
      for (const f of files) {
        const from = join(staging, f);
        if (!existsSync(from)) continue;
        mkdirSync(dirname(join(outDir, f)), { recursive: true });
        renameSync(from, join(outDir, f));
      }
    }
    rmSync(staging, { recursive: true, force: true });
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** Why a write failed, in words (the disk is full, permission denied …). */
export function whyWriteFailed(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'ENOSPC' ? 'the disk is full' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied'
    : err.code === 'EROFS' ? 'the file system is read-only' : err.code === 'ENOTDIR' || err.code === 'EEXIST' ? 'a file is in the way of a folder'
      : err.message;
}

/** A disk error while writing outputs is reported like bad input: what, where, no stack trace. */
function writeFailed(path: string, e: unknown): DataError {
  const why = whyWriteFailed(e);
  return new DataError([diag(path, undefined, 'error', `cannot write outputs: ${why}; out/ was left as it was`, 'output/write-failed')]);
}

function removeIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // already gone, or not empty after all
  }
}

/** The outputs of one command, staged until commit. */
export class OutputSession {
  static readonly open = new Set<OutputSession>();
  /** Commits finished in this process (a signal after one must not claim that out/ was left as it was). */
  static committed = 0;
  private readonly paths: ReturnType<typeof outputPaths>;
  private readonly created: { out: boolean; work: boolean };
  private closed = false;
  private readonly streams: WriteStream[] = [];
  private streamError: unknown;
  /** Set once the commit is decided: if it then fails, the staged files stay for the roll-forward. */
  private keepStaging = false;

  private constructor(readonly outDir: string, command: string) {
    this.paths = outputPaths(outDir);
    this.created = { out: !existsSync(outDir), work: !existsSync(this.paths.work) };
    try {
      mkdirSync(this.paths.work, { recursive: true });
    } catch (e) {
      throw writeFailed(outDir, e);
    }
    acquireLock(this.paths.lock, command, outDir);
    try {
      recoverStaging(outDir);
      mkdirSync(this.paths.staging, { recursive: true });
    } catch (e) {
      releaseLock(this.paths.lock);
      throw writeFailed(outDir, e);
    }
    OutputSession.open.add(this);
  }

  static start(outDir: string, command: string): OutputSession {
    return new OutputSession(outDir, command);
  }

  /** Path of a file inside the staging folder (created on write). */
  path(name: string): string {
    return join(this.paths.staging, name);
  }

  async write(name: string, data: string | Uint8Array): Promise<void> {
    const p = this.path(name);
    try {
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, data);
    } catch (e) {
      throw writeFailed(join(this.outDir, name), e);
    }
  }

  stream(name: string): WriteStream {
    const p = this.path(name);
    mkdirSync(dirname(p), { recursive: true });
    const s = createWriteStream(p);
    s.on('error', (e) => {
      this.streamError ??= writeFailed(join(this.outDir, name), e);
    });
    this.streams.push(s);
    return s;
  }

  /** Move every staged file into out/ and return their names. */
  async commit(): Promise<string[]> {
    await Promise.all(this.streams.map((s) => new Promise<void>((res) => {
      if (s.closed || s.destroyed) res();
      else s.end(() => res());
    })));
    if (this.streamError) throw this.streamError;
    const staging = this.paths.staging;
    const files = listFiles(staging).map((f) => relative(staging, f).split(sep).join('/')).sort();
    try {
      // From the marker on, the commit is decided: a kill from here is rolled forward next time.
      writeFileSync(`${this.paths.marker}.tmp`, JSON.stringify(files));
      renameSync(`${this.paths.marker}.tmp`, this.paths.marker);
      this.keepStaging = true;
      for (const f of files) {
        const to = join(this.outDir, f);
        if (!existsSync(dirname(to)) || !statSync(dirname(to)).isDirectory()) mkdirSync(dirname(to), { recursive: true });
        renameSync(join(staging, f), to);
      }
      this.keepStaging = false;
      OutputSession.committed++;
    } catch (e) {
      throw writeFailed(this.outDir, e);
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
    if (!this.keepStaging) rmSync(this.paths.staging, { recursive: true, force: true });
    releaseLock(this.paths.lock);
    if (this.created.work) removeIfEmpty(this.paths.work);
    if (this.created.out) removeIfEmpty(this.outDir);
    OutputSession.open.delete(this);
  }
}

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** On Ctrl-C, SIGTERM or a closed terminal: drop staged outputs and the lock, then exit 128 + signal. */
export function installSignalCleanup(): void {
  const handler = (signal: NodeJS.Signals) => {
    const staged = OutputSession.open.size > 0 || OutputSession.committed === 0;
    for (const s of [...OutputSession.open]) s.abort();
    process.stderr.write(`qantar: interrupted (${signal}); ${staged ? 'out/ left as it was' : 'the outputs had already been written'}\n`);
    process.exit(EXIT_CODES[signal] ?? 1);
  };
  for (const signal of Object.keys(EXIT_CODES) as NodeJS.Signals[]) process.once(signal, handler);
}

/** Write to a stream and wait while its buffer is full, so a long run never holds its output in memory. */
export async function put(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

/**
 * Rows for a stream, gathered into blocks of about `block` characters before each write: one write per
 * block instead of one per document. `flush` writes the rest (before the stream is ended).
 */
export function batched(stream: WriteStream, block = 1 << 18) {
  let pending: string[] = [];
  let size = 0;
  return {
    async add(text: string): Promise<void> {
      pending.push(text);
      size += text.length;
      if (size >= block) await this.flush();
    },
    async flush(): Promise<void> {
      if (pending.length === 0) return;
      const text = pending.join('');
      pending = [];
      size = 0;
      await put(stream, text);
    },
  };
}
