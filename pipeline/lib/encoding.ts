// Decoding a text file: strict UTF-8 unless the metadata declares an encoding. Anything else is refused
// with the most likely encoding named, so a corpus is never counted as mojibake.
import { analyse } from 'chardet';
import { diag } from './diagnostics.ts';
import type { Diagnostic } from './types.ts';

export type Decoded = { text: string; encoding: string } | { error: Diagnostic };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Normalise an encoding label (`cp1251`, `Windows-1251`, `koi8r` …) or return undefined when unknown. */
export function canonicalEncoding(label: string): string | undefined {
  const l = label.trim().toLowerCase().replace(/^koi8r$/, 'koi8-r').replace(/^cp1251$/, 'windows-1251');
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

export function guessEncoding(bytes: Uint8Array): string {
  const top = analyse(bytes.subarray(0, 65536))[0];
  return top ? `${top.name} (confidence ${top.confidence}%)` : 'unknown';
}

function firstNul(bytes: Uint8Array): number {
  return bytes.indexOf(0);
}

function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Decode bytes from `path`. `declared` is the metadata's `encoding` cell ('' when absent). */
export function decodeText(bytes: Uint8Array, path: string, declared: string): Decoded {
  const enc = declared ? canonicalEncoding(declared) : 'utf-8';
  if (!enc) return { error: diag(path, undefined, 'error', `unknown encoding \`${declared}\`; expected a WHATWG label such as utf-8, windows-1251, koi8-r or utf-16le`, 'corpus/unknown-encoding') };
  const isUtf16 = enc.startsWith('utf-16');
  if (!isUtf16) {
    const nul = firstNul(bytes);
    if (nul >= 0) {
      const hint = bytes.length > 1 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
        ? '; it looks like UTF-16: declare `encoding` utf-16le or utf-16be in metadata.csv' : '; expected a plain-text file';
      return { error: diag(path, lineOfByte(bytes, nul), 'error', `binary content (NUL byte at offset ${nul})${hint}`, 'corpus/binary-file') };
    }
  }
  if (enc === 'utf-8') {
    try {
      return { text: UTF8.decode(bytes), encoding: 'utf-8' };
    } catch {
      const bad = firstInvalidUtf8(bytes);
      return { error: diag(path, lineOfByte(bytes, bad), 'error',
        `not valid UTF-8 (first bad byte at offset ${bad}); the text looks like ${guessEncoding(bytes)}: convert it to UTF-8 or declare its \`encoding\` in metadata.csv`,
        'corpus/bad-encoding') };
    }
  }
  const text = new TextDecoder(enc, { fatal: true }).decode(bytes);
  return { text: text.replace(/^\uFEFF/, ''), encoding: enc };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on the longest valid prefix (a prefix can end mid-character, so allow 3 bytes of slack).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
