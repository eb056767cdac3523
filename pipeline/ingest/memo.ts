// What the check of a corpus folder learned about each text (its hash, length, encoding, blankness),
// remembered in the token cache by the file's identity: path, size, modification and change times, inode
// and declared encoding. A re-run reads only the texts whose identity changed; the others are read
// again when a stage needs them, and then their hash is compared with the remembered one
// (readDocumentText), so an edit that somehow kept every part of the identity still stops the run.
import type { Stats } from 'node:fs';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../lib/io.ts';

export interface CheckedText {
  textHash: string;
  chars: number;
  decodedAs: string;
  blank: boolean;
}

export interface TextMemo {
  get(file: string, st: Stats, encoding: string): CheckedText | undefined;
  set(file: string, st: Stats, encoding: string, c: CheckedText): void;
  /** Keep what this check saw (and only that) for the next one. Best effort: the memo only saves time. */
  save(): void;
}

const VERSION = 'qantar-texts-1';

const identity = (file: string, st: Stats, encoding: string) => JSON.stringify([file, st.size, st.mtimeMs, st.ctimeMs, st.ino, encoding]);

/** The memo of the corpus folder `realDir`, kept under `cacheDir`. */
export function openTextMemo(cacheDir: string, realDir: string): TextMemo {
  const path = join(cacheDir, 'texts', `${sha256(realDir).slice(0, 32)}.jsonl`);
  const known = new Map<string, string>();
  try {
    const lines = readFileSync(path, 'utf8').split('\n');
    if (lines[0] === VERSION) {
      // Each line: the identity, a tab, the facts.
      for (let i = 1; i < lines.length; i++) {
        const tab = lines[i].lastIndexOf('\t');
        if (tab > 0) known.set(lines[i].slice(0, tab), lines[i].slice(tab + 1));
      }
    }
  } catch {
    // No memo yet, or unreadable: every text is read.
  }
  const seen: string[] = [VERSION];
  return {
    get(file, st, encoding) {
      const facts = known.get(identity(file, st, encoding));
      if (facts === undefined) return undefined;
      try {
        const [textHash, chars, decodedAs, blank] = JSON.parse(facts) as [unknown, unknown, unknown, unknown];
        if (typeof textHash !== 'string' || !/^[0-9a-f]{64}$/.test(textHash) || typeof chars !== 'number' || typeof decodedAs !== 'string') return undefined;
        return { textHash, chars, decodedAs, blank: blank === 1 };
      } catch {
        // A damaged line: the text is simply read.
        return undefined;
      }
    },
    set(file, st, encoding, c) {
      seen.push(`${identity(file, st, encoding)}\t${JSON.stringify([c.textHash, c.chars, c.decodedAs, c.blank ? 1 : 0])}`);
    },
    save() {
      try {
        mkdirSync(join(cacheDir, 'texts'), { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, `${seen.join('\n')}\n`);
        renameSync(tmp, path);
      } catch {
        // An unwritable cache is reported where the tokens are written; here it only costs time.
      }
    },
  };
}
