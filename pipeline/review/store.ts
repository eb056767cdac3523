// One coder's decisions as a CSV file in a format `qantar evaluate` reads: a judged KWIC sheet
// (<dir>/hits/<coder>-kwic.csv) or a filled coding sheet (<dir>/sentences/<coder>.csv). Every decision rewrites
// the whole file atomically (a temporary sibling, then rename), one write at a time, so a killed server or
// browser leaves the last decision on disk and never half a file.
import { existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { formatCsv, parseCsv } from '../lib/csv.ts';
import { writeFileAtomic } from '../lib/io.ts';

export type Values = Record<string, string>;

/** The file changed on disk behind the server's back (a hand edit); writing would lose that edit. */
export class ConflictError extends Error {}

function stamp(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const s = statSync(path);
  return `${s.mtimeMs}:${s.size}`;
}

export class DecisionFile {
  readonly rows = new Map<string, Values>();
  private queue: Promise<void> = Promise.resolve();
  private seen: string | undefined;

  /**
   * `header` is the file's columns; `rank` orders rows in the file (ties and unknown keys by key), so
   * the same decisions always give the same bytes.
   */
  constructor(readonly path: string, public header: string[], private readonly rank: (key: string) => number) {
    this.seen = stamp(path);
  }

  /** Rows read from the existing file (already checked by evaluate's parser), keyed by `keyOf`. */
  static fromText(path: string, text: string, keyOf: (v: Values) => string, rank: (key: string) => number): DecisionFile {
    const table = parseCsv(text, path, 'review');
    const file = new DecisionFile(path, table.header, rank);
    for (const r of table.records) file.rows.set(keyOf(r.values), r.values);
    return file;
  }

  text(): string {
    const keys = [...this.rows.keys()].sort((a, b) => this.rank(a) - this.rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return formatCsv(this.header, keys.map((k) => this.header.map((h) => this.rows.get(k)![h] ?? '')));
  }

  /** Set (or with undefined, remove) one decision and write the file; on failure the decision is undone. */
  async set(key: string, values: Values | undefined): Promise<void> {
    const job = this.queue.then(async () => {
      const before = this.rows.get(key);
      if (values) this.rows.set(key, values);
      else this.rows.delete(key);
      try {
        if (stamp(this.path) !== this.seen) {
          throw new ConflictError(`${this.path} was changed by another program while the review server was running; restart \`qantar review\` to read it again (your last decision was not saved)`);
        }
        // A file with no decision left goes, so `evaluate --gold hits/*.csv` never counts an empty coder.
        if (this.rows.size === 0) await rm(this.path, { force: true });
        else await writeFileAtomic(this.path, this.text());
        this.seen = stamp(this.path);
      } catch (e) {
        if (before) this.rows.set(key, before);
        else this.rows.delete(key);
        throw e;
      }
    });
    this.queue = job.catch(() => {});
    return job;
  }
}
