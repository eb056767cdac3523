// The corpus index's entries, held in columns: each metadata value is kept once per distinct value (a
// source, a date, a language repeats across thousands of rows), each text's hash as 32 bytes, numbers in
// typed arrays. An entry object is made when asked for and dropped after use, so an index of a million
// documents costs about a hundred bytes per document instead of a kilobyte.
import { normalize } from 'node:path';
import type { DocumentMeta, Lang } from '../lib/types.ts';
import type { MetaRow } from './metadata.ts';
import { grow, Pool } from '../lib/columns.ts';

export interface CorpusEntry extends MetaRow {
  textHash: string;
  chars: number;
  /** Decoded encoding actually used. */
  decodedAs: string;
}

/** A column of ids into a pool; absent values (a row without the column) are -1. */
class Column {
  readonly pool = new Pool();
  ids: Int32Array;

  /** `rows`: the rows added before the column first appeared, which lack it. */
  constructor(rows = 0) {
    this.ids = new Int32Array(Math.max(64, rows)).fill(-1, 0, rows);
  }

  set(row: number, value: string | undefined): void {
    this.ids = grow(this.ids, row + 1);
    this.ids[row] = value === undefined ? -1 : this.pool.id(value);
  }

  get(row: number): string | undefined {
    const id = this.ids[row];
    return id < 0 ? undefined : this.pool.values[id];
  }
}

/** The columns shared by an index and every list filtered from it. */
interface Store {
  /** Single-file corpora: the metadata file shown in messages (origins are `path:line`). */
  inline?: string;
  keys: string[];
  columns: Map<string, Column>;
  lang: Column;
  file: Column;
  encoding: Column;
  decodedAs: Column;
  line: Int32Array;
  chars: Float64Array;
  hash: Uint8Array;
  size: number;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The folder corpus's default text path for a doc_id, as checkFile normalises it. */
const defaultFile = (docId: string) => normalize(`texts/${docId}.txt`);

/** Entries in a fixed order (doc_id order for an index) over shared columns. */
export class EntryList implements Iterable<CorpusEntry> {
  private constructor(private readonly store: Store, private readonly order: Int32Array) {}

  static empty(): EntryList {
    return new EntryBuilder().done();
  }

  /** @internal */
  static over(store: Store, order: Int32Array): EntryList {
    return new EntryList(store, order);
  }

  get length(): number {
    return this.order.length;
  }

  /** The entry at position i. A new object each time: keep what you need of it, not the entry. */
  at(i: number): CorpusEntry {
    return this.row(this.order[i]);
  }

  *[Symbol.iterator](): Iterator<CorpusEntry> {
    for (let i = 0; i < this.order.length; i++) yield this.at(i);
  }

  map<T>(f: (e: CorpusEntry, i: number) => T): T[] {
    return Array.from({ length: this.length }, (_, i) => f(this.at(i), i));
  }

  reduce<T>(f: (acc: T, e: CorpusEntry) => T, init: T): T {
    let acc = init;
    for (let i = 0; i < this.order.length; i++) acc = f(acc, this.at(i));
    return acc;
  }

  /** The entries that pass, in the same order, over the same columns. */
  filter(keep: (e: CorpusEntry) => boolean): EntryList {
    const kept: number[] = [];
    for (let i = 0; i < this.order.length; i++) if (keep(this.at(i))) kept.push(this.order[i]);
    return new EntryList(this.store, Int32Array.from(kept));
  }

  /** The languages of the entries (in order of first appearance), without making the entries. */
  langs(): Set<Lang> {
    const ids = new Set<number>();
    for (const r of this.order) ids.add(this.store.lang.ids[r]);
    return new Set([...ids].map((id) => this.store.lang.pool.values[id] as Lang));
  }

  /** The characters of all texts. */
  totalChars(): number {
    let n = 0;
    for (const r of this.order) n += this.store.chars[r];
    return n;
  }

  private row(r: number): CorpusEntry {
    const s = this.store;
    const columns: Record<string, string> = {};
    for (const k of s.keys) {
      const v = s.columns.get(k)!.get(r);
      if (v !== undefined) columns[k] = v;
    }
    const docId = columns.doc_id;
    const line = s.line[r];
    const file = s.file.get(r) ?? (s.inline ? '' : defaultFile(docId));
    const meta: DocumentMeta = {
      docId, source: columns.source, sourceType: columns.source_type, date: columns.date ?? '', lang: s.lang.get(r) as Lang,
      title: columns.title ?? '', url: columns.url ?? '', columns, origin: s.inline ? `${s.inline}:${line}` : file, line,
    };
    let textHash = '';
    for (let j = 32 * r; j < 32 * r + 32; j++) textHash += HEX[s.hash[j]];
    return { meta, file, encoding: s.encoding.get(r)!, textHash, chars: s.chars[r], decodedAs: s.decodedAs.get(r)! };
  }
}

/** Entries added one at a time (in metadata order), then sorted by doc_id into an EntryList. */
export class EntryBuilder {
  private readonly store: Store;

  constructor(inline?: string) {
    this.store = {
      inline, keys: [], columns: new Map(), lang: new Column(), file: new Column(), encoding: new Column(), decodedAs: new Column(),
      line: new Int32Array(64), chars: new Float64Array(64), hash: new Uint8Array(64 * 32), size: 0,
    };
  }

  get size(): number {
    return this.store.size;
  }

  add(e: CorpusEntry): void {
    const s = this.store;
    const r = s.size++;
    for (const [k, v] of Object.entries(e.meta.columns)) {
      let c = s.columns.get(k);
      if (!c) {
        s.columns.set(k, (c = new Column(r)));
        s.keys.push(k);
      }
      c.set(r, v);
    }
    for (const k of s.keys) if (!Object.hasOwn(e.meta.columns, k)) s.columns.get(k)!.set(r, undefined);
    s.lang.set(r, e.meta.lang);
    s.file.set(r, s.inline || e.file !== defaultFile(e.meta.docId) ? e.file : undefined);
    s.encoding.set(r, e.encoding);
    s.decodedAs.set(r, e.decodedAs);
    s.line = grow(s.line, r + 1);
    s.chars = grow(s.chars, r + 1);
    s.hash = grow(s.hash, 32 * (r + 1));
    s.line[r] = e.meta.line;
    s.chars[r] = e.chars;
    s.hash.set(Buffer.from(e.textHash, 'hex'), 32 * r);
  }

  /** The list in doc_id order. */
  done(): EntryList {
    const s = this.store;
    for (const c of [...s.columns.values(), s.lang, s.file, s.encoding, s.decodedAs]) c.pool.seal();
    const ids = s.columns.get('doc_id');
    const docId = (r: number) => ids?.get(r) ?? '';
    const order = Int32Array.from({ length: s.size }, (_, r) => r).sort((a, b) => {
      const x = docId(a);
      const y = docId(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    return EntryList.over(s, order);
  }
}
