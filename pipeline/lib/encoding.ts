// Decoding a text file: strict UTF-8 unless the metadata declares an encoding; a declared encoding is
// checked against the bytes (a UTF-8 file declared windows-1251, a KOI8-R file declared windows-1251,
// UTF-16 of the other byte order). Anything doubtful is refused with the likely encoding named, so a
// corpus is never counted as mojibake. CSV inputs (metadata, lexicon) have nowhere to declare an
// encoding, so there a UTF-16 byte-order mark (spreadsheet "Unicode text") is taken as the declaration.
import { analyse } from 'chardet';
import { diag } from './diagnostics.ts';
import type { Diagnostic } from './types.ts';
import { firstInvalidUtf8, guessSingleByte, lineOfByte, nulParity, scoreDecoding } from './encoding-guess.ts';

export type Decoded = { text: string; encoding: string } | { error: Diagnostic };

export interface DecodeOptions {
  /** Rule area of the diagnostics: `corpus` or `lexicon`. */
  area?: string;
  /** A CSV input (no `encoding` column applies to it): the advice differs and a UTF-16 BOM is accepted. */
  csv?: boolean;
}

/** Normalise an encoding label (`cp1251`, `Windows-1251`, `koi8r` …) or return undefined when unknown. */
export function canonicalEncoding(label: string): string | undefined {
  const l = label.trim().toLowerCase().replace(/^koi8r$/, 'koi8-r').replace(/^cp-?(125\d)$/, 'windows-$1')
    .replace(/^utf8$/, 'utf-8').replace(/^utf16(le|be)?$/, 'utf-16$1');
  if (l === 'utf-16') return 'utf-16';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

function bom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The most likely encoding of bytes that are not UTF-8, for messages: `windows-1251`, `UTF-16LE (byte-order mark)`. */
export function guessEncoding(bytes: Uint8Array): string {
  const b = bom(bytes);
  if (b) return `${b.toUpperCase()} (byte-order mark)`;
  const parity = nulParity(bytes);
  if (parity) return parity.toUpperCase();
  const single = guessSingleByte(bytes);
  if (single) return single;
  const top = analyse(bytes.subarray(0, 65536))[0];
  return top ? `${top.name} (a guess, ${top.confidence}% confident)` : 'unknown';
}

export function decodeText(bytes: Uint8Array, path: string, declared: string, o: DecodeOptions = {}): Decoded {
  const area = o.area ?? 'corpus';
  const fail = (line: number | undefined, message: string, rule: string): Decoded => ({ error: diag(path, line, 'error', message, `${area}/${rule}`) });
  const advice = o.csv ? 'save it as UTF-8 (in a spreadsheet: "CSV UTF-8")' : 'convert it to UTF-8 or declare its `encoding` in metadata.csv';
  let enc = declared ? canonicalEncoding(declared) : 'utf-8';
  if (!enc) return fail(undefined, `unknown encoding \`${declared}\`; expected a label such as utf-8, windows-1251, koi8-r, utf-16le or utf-16be`, 'unknown-encoding');
  const marked = bom(bytes);
  if (o.csv && !declared && marked?.startsWith('utf-16')) enc = marked;
  if (enc.startsWith('utf-16')) return decodeUtf16(bytes, enc, declared, fail);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = marked?.startsWith('utf-16') || nulParity(bytes) ? guessEncoding(bytes) : undefined;
    if (utf16) return fail(undefined, `not ${enc === 'utf-8' ? 'UTF-8' : `\`${enc}\``}: the text is ${utf16}; ${o.csv ? advice : 'declare `encoding` utf-16 in metadata.csv, or convert it to UTF-8'}`, 'bad-encoding');
    return fail(lineOfByte(bytes, nul), `binary content (NUL byte at offset ${nul}); expected a plain-text file`, 'binary-file');
  }
  if (enc === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      const bad = firstInvalidUtf8(bytes);
      return fail(lineOfByte(bytes, bad), `not valid UTF-8 (first bad byte at offset ${bad}); it looks like ${guessEncoding(bytes)}: ${advice}`, 'bad-encoding');
    }
  }
  return decodeSingleByte(bytes, enc, fail);
}

type Fail = (line: number | undefined, message: string, rule: string) => Decoded;

function decodeUtf16(bytes: Uint8Array, enc: string, declared: string, fail: Fail): Decoded {
  const marked = bom(bytes);
  // `utf-16` alone follows the byte-order mark (little-endian without one, as Windows writes it).
  const order = enc === 'utf-16' ? (marked === 'utf-16be' ? 'utf-16be' : 'utf-16le') : enc;
  if (marked && marked !== order) {
    return fail(undefined, `declared \`${declared}\` but the file starts with a ${marked.toUpperCase()} byte-order mark; declare utf-16 (or ${marked})`, 'encoding-mismatch');
  }
  const parity = marked ? undefined : nulParity(bytes);
  if (parity && parity !== order) {
    return fail(undefined, `declared \`${declared}\` but the bytes read as ${parity.toUpperCase()}; declare ${parity}`, 'encoding-mismatch');
  }
  try {
    const text = new TextDecoder(order, { fatal: true }).decode(bytes);
    return { text, encoding: order };
  } catch {
    return fail(undefined, `not valid ${order.toUpperCase()} (odd length or a broken surrogate pair); it looks like ${guessEncoding(bytes)}`, 'bad-encoding');
  }
}

function decodeSingleByte(bytes: Uint8Array, enc: string, fail: Fail): Decoded {
  const nonAscii = bytes.some((b) => b >= 0x80);
  if (nonAscii) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return fail(undefined, `declared \`${enc}\` but the file is valid UTF-8; remove its \`encoding\` cell in metadata.csv`, 'encoding-mismatch');
    } catch {
      // not UTF-8: go on
    }
    const best = guessSingleByte(bytes);
    if (best && best !== enc && scoreDecoding(bytes, best) - scoreDecoding(bytes, enc) > 0.3) {
      return fail(undefined, `declared \`${enc}\` but the text reads as ${best} (decoded as ${enc} its words would be garbled); fix its \`encoding\` cell in metadata.csv`, 'encoding-mismatch');
    }
  }
  return { text: new TextDecoder(enc).decode(bytes), encoding: enc };
}
