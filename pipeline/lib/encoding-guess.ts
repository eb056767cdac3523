// Naming the encoding of bytes that are not UTF-8, for error messages and for checking a declared
// encoding. UTF-16 shows as NUL bytes at one parity; a single-byte code page is the one under which the
// non-ASCII words read as words: one script, plausible case (`Президент`, not `пРЕЗИДЕНТ` or `Ïðåçèäåíò`).

/** Single-byte encodings tried, most common first (earlier wins a tie). */
const SINGLE_BYTE = ['windows-1251', 'koi8-r', 'ibm866', 'x-mac-cyrillic', 'iso-8859-5', 'windows-1252', 'windows-1250', 'iso-8859-2'];
const SAMPLE = 65536;
const PUNCT_OK = /^[\u00a0«»\u2013\u2014\u201c\u201d\u201e\u2018\u2019\u2026\u2116\u2022\u00b0\u00a7\u00a9\u00ae\u00b1\u00b7]$/u;
const WORD_CASE = /^\p{Lu}?\p{Ll}*$|^\p{Lu}+$/u;

function scriptOf(c: string): string {
  if (/\p{sc=Cyrillic}/u.test(c)) return 'cyrillic';
  if (/\p{sc=Latin}/u.test(c)) return 'latin';
  return 'other';
}

/**
 * How well `bytes` read under `enc`: from -1 (every non-ASCII word garbled) to 1 (every one plausible),
 * minus a small penalty by rank so that ties go to the more common encoding.
 */
export function scoreDecoding(bytes: Uint8Array, enc: string): number {
  let text: string;
  try {
    text = new TextDecoder(enc).decode(bytes.subarray(0, SAMPLE));
  } catch {
    return -1;
  }
  let good = 0;
  let bad = 0;
  for (const [w] of text.matchAll(/\p{L}+|[^\p{L}\x00-\x7f]/gu)) {
    if (!/[^\x00-\x7f]/.test(w)) continue;
    if (!/\p{L}/u.test(w)) {
      if (PUNCT_OK.test(w)) good++;
      else bad++;
      continue;
    }
    const scripts = new Set([...w].map(scriptOf));
    if (scripts.size === 1 && !scripts.has('other') && WORD_CASE.test(w)) good++;
    else bad++;
  }
  const rank = Math.max(0, SINGLE_BYTE.indexOf(enc));
  return good + bad === 0 ? 0 : (good - bad) / (good + bad) - rank * 0.005;
}

/** The single-byte encoding under which the text reads best, when it reads well under one. */
export function guessSingleByte(bytes: Uint8Array): string | undefined {
  let best: string | undefined;
  let bestScore = 0.5;
  for (const enc of SINGLE_BYTE) {
    const s = scoreDecoding(bytes, enc);
    if (s > bestScore) {
      best = enc;
      bestScore = s;
    }
  }
  return best;
}

/** `utf-16le` / `utf-16be` when the NUL bytes sit at one parity, as ASCII characters in UTF-16 do. */
export function nulParity(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SAMPLE);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const total = even + odd;
  if (total === 0 || total < n / 40) return undefined;
  if (odd >= 0.95 * total) return 'utf-16le';
  if (even >= 0.95 * total) return 'utf-16be';
  return undefined;
}

export function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Offset of the first byte of the first malformed UTF-8 sequence (binary search on the valid prefix). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // The valid prefix may end inside a sequence that the next byte breaks: the error is at its lead byte.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, lo));
    return lo;
  } catch {
    // an unfinished sequence at the end: find where it starts
  }
  for (let k = lo - 1; k >= Math.max(0, lo - 3); k--) {
    if (bytes[k] >= 0xc0) return k;
    if (bytes[k] < 0x80) break;
  }
  return lo;
}
