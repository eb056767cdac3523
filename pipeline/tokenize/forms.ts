// Word forms numbered once per thread. A cached document's vocabulary is interned straight from its UTF-8
// bytes (hashed as they are scanned), so a form seen before costs a table probe and reuses the string
// already made for it — no new string, no string hashing. Matchers key their memo on these ids.
// The tables are flat typed arrays: a probe touches one slot (hash and id side by side), then the form's
// bytes; most of a document's vocabulary was seen before, so that is nearly all a vocabulary costs.
import type { TokenizedDocument } from '../lib/types.ts';

/** Open addressing, linear probing: [hash, id] pairs, id -1 = empty. Kept at most a quarter full. */
let slots = new Int32Array(2 << 16).fill(-1);
/** Per id: [offset in `arena`, byte length]. */
let spans = new Int32Array(2 << 12);
let count = 0;
const strings: string[] = [];
let arena = new Uint8Array(1 << 20);
let used = 0;
const byString = new Map<string, number>();
const docIds = new WeakMap<TokenizedDocument, Int32Array>();
/** The ids of the vocabulary being interned (grown as needed, copied out per document). */
let scratch = new Int32Array(1 << 12);

/** FNV-1a over 32-bit words of the bytes (then the tail bytes), mixed with the length: every byte counts. */
function formHash(bytes: Uint8Array, start: number, end: number): number {
  let h = Math.imul(end - start, 0x9e3779b1) ^ 0x811c9dc5;
  let k = start;
  for (; k + 4 <= end; k += 4) h = Math.imul(h ^ (bytes[k] | (bytes[k + 1] << 8) | (bytes[k + 2] << 16) | (bytes[k + 3] << 24)), 0x01000193);
  for (; k < end; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
  return h ^ (h >>> 16);
}

function grow(): void {
  const bigger = new Int32Array(slots.length * 2).fill(-1);
  const mask = (bigger.length >> 1) - 1;
  for (let k = 0; k < slots.length; k += 2) {
    if (slots[k + 1] === -1) continue;
    let s = slots[k] & mask;
    while (bigger[2 * s + 1] !== -1) s = (s + 1) & mask;
    bigger[2 * s] = slots[k];
    bigger[2 * s + 1] = slots[k + 1];
  }
  slots = bigger;
}

/** A new form, stored in empty slot `s`. */
function add(bytes: Uint8Array, start: number, end: number, hash: number, s: number): number {
  const id = count++;
  const len = end - start;
  if (used + len > arena.length) {
    const a = new Uint8Array(Math.max(arena.length * 2, used + len));
    a.set(arena.subarray(0, used));
    arena = a;
  }
  arena.set(bytes.subarray(start, end), used);
  if (2 * id + 2 > spans.length) {
    const m = new Int32Array(spans.length * 2);
    m.set(spans);
    spans = m;
  }
  spans[2 * id] = used;
  spans[2 * id + 1] = len;
  used += len;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, len).toString('utf8');
  strings.push(text);
  byString.set(text, id);
  slots[2 * s] = hash;
  slots[2 * s + 1] = id;
  if (count * 4 > slots.length) grow();
  return id;
}

/** The id of the form whose UTF-8 bytes are bytes[start, end). */
export function internBytes(bytes: Uint8Array, start: number, end: number, hash = formHash(bytes, start, end)): number {
  const mask = (slots.length >> 1) - 1;
  const len = end - start;
  for (let s = hash & mask; ; s = (s + 1) & mask) {
    const id = slots[2 * s + 1];
    if (id === -1) return add(bytes, start, end, hash, s);
    if (slots[2 * s] !== hash || spans[2 * id + 1] !== len) continue;
    const a = arena; // a local: the loop below then reads no module variable
    const o = spans[2 * id] - start;
    let i = start;
    while (i < end && a[o + i] === bytes[i]) i++;
    if (i === end) return id;
  }
}

/** How many forms this thread has numbered: every form id is below it. */
export function formCount(): number {
  return count;
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
  let n = 0;
  for (let from = start; from <= end; ) {
    let i = from;
    while (i < end && bytes[i] !== 0) i++;
    const id = internBytes(bytes, from, i, formHash(bytes, from, i));
    if (n === scratch.length) {
      const bigger = new Int32Array(n * 2);
      bigger.set(scratch);
      scratch = bigger;
    }
    scratch[n++] = id;
    from = i + 1;
  }
  // Sized once: pushing form by form regrows the array a dozen times per document.
  const vocab = new Array<string>(n);
  for (let k = 0; k < n; k++) vocab[k] = strings[scratch[k]];
  return { vocab, ids: scratch.slice(0, n) };
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
