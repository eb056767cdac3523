// Word forms numbered once per thread. A cached document's vocabulary is interned straight from its UTF-8
// bytes (hashed as they are scanned), so a form seen before costs a table probe and reuses the string
// already made for it — no new string, no string hashing. Matchers key their memo on these ids.
import type { TokenizedDocument } from '../lib/types.ts';

let slots = new Int32Array(1 << 16).fill(-1);
const hashes: number[] = [];
const at: number[] = [];
const lengths: number[] = [];
const strings: string[] = [];
let arena = Buffer.alloc(1 << 20);
let used = 0;
const byString = new Map<string, number>();
const docIds = new WeakMap<TokenizedDocument, Int32Array>();

function fnv(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 16777619);
  return h >>> 0;
}

function sameBytes(bytes: Uint8Array, start: number, end: number, id: number): boolean {
  if (lengths[id] !== end - start) return false;
  const o = at[id] - start;
  for (let i = start; i < end; i++) if (arena[o + i] !== bytes[i]) return false;
  return true;
}

function grow(): void {
  const bigger = new Int32Array(slots.length * 2).fill(-1);
  const mask = bigger.length - 1;
  for (let id = 0; id < hashes.length; id++) {
    let s = hashes[id] & mask;
    while (bigger[s] !== -1) s = (s + 1) & mask;
    bigger[s] = id;
  }
  slots = bigger;
}

/** The id of the form whose UTF-8 bytes are bytes[start, end). */
export function internBytes(bytes: Uint8Array, start: number, end: number, hash = fnv(bytes, start, end)): number {
  const mask = slots.length - 1;
  let s = hash & mask;
  for (let id = slots[s]; id !== -1; id = slots[s]) {
    if (hashes[id] === hash && sameBytes(bytes, start, end, id)) return id;
    s = (s + 1) & mask;
  }
  const id = hashes.length;
  const len = end - start;
  if (used + len > arena.length) {
    const a = Buffer.alloc(Math.max(arena.length * 2, used + len));
    arena.copy(a, 0, 0, used);
    arena = a;
  }
  arena.set(bytes.subarray(start, end), used);
  hashes.push(hash);
  at.push(used);
  lengths.push(len);
  used += len;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, len).toString('utf8');
  strings.push(text);
  byString.set(text, id);
  slots[s] = id;
  if (hashes.length * 2 > slots.length) grow();
  return id;
}

/** The id of a form given as a string (a freshly tokenized document). */
export function internString(form: string): number {
  const id = byString.get(form);
  if (id !== undefined) return id;
  const bytes = Buffer.from(form, 'utf8');
  return internBytes(bytes, 0, bytes.length);
}

/** Intern a NUL-separated UTF-8 vocabulary (at least one form): the forms, as shared strings, and their ids. */
export function internVocabulary(bytes: Uint8Array, start: number, end: number): { vocab: string[]; ids: Int32Array } {
  const vocab: string[] = [];
  const found: number[] = [];
  let from = start;
  let h = 0x811c9dc5;
  for (let i = start; i <= end; i++) {
    if (i === end || bytes[i] === 0) {
      const id = internBytes(bytes, from, i, h >>> 0);
      found.push(id);
      vocab.push(strings[id]);
      from = i + 1;
      h = 0x811c9dc5;
    } else h = Math.imul(h ^ bytes[i], 16777619);
  }
  return { vocab, ids: Int32Array.from(found) };
}

export function rememberFormIds(doc: TokenizedDocument, ids: Int32Array): void {
  docIds.set(doc, ids);
}

/** The form id of each vocabulary entry of a document (remembered from the cache, or interned now). */
export function formIdsOf(doc: TokenizedDocument): Int32Array {
  let ids = docIds.get(doc);
  if (ids) return ids;
  ids = Int32Array.from(doc.vocab, internString);
  docIds.set(doc, ids);
  return ids;
}
