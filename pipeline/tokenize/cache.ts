// The token cache: one compact binary file per (text hash, tokenizer), so an unchanged document is never
// tokenized twice. Layout: "QTK2", u32 header length, JSON header, vocabulary (NUL-joined UTF-8), padding
// to 4 bytes, u32 types/starts/ends/sentenceEnds, u8 kinds/pos, then zlib's CRC-32 of all that: it catches
// torn writes and flipped bytes, which is all a local cache needs, at memory speed. A torn or corrupted
// file fails the check and is rebuilt, never read as data. The vocabulary is interned from its bytes
// (forms.ts), so a form seen in an earlier document is not decoded or hashed again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { DataError, diag } from '../lib/diagnostics.ts';
import { whyWriteFailed, writeFileAtomic } from '../lib/io.ts';
import { displayPath } from '../ingest/texts.ts';
import type { Lang, TokenizedDocument } from '../lib/types.ts';
import { internVocabulary, rememberFormIds } from './forms.ts';

const MAGIC = 'QTK2';

interface Header {
  lang: Lang;
  textHash: string;
  tokenizer: string;
  n: number;
  sentences: number;
  words: number;
  vocabBytes: number;
}

export function cacheKey(textHash: string, tokenizer: string): string {
  return `${textHash}.${createHash('sha256').update(tokenizer).digest('hex').slice(0, 12)}`;
}

export function cachePath(cacheDir: string, textHash: string, tokenizer: string): string {
  return join(cacheDir, 'tokens', textHash.slice(0, 2), `${cacheKey(textHash, tokenizer)}.qtk`);
}

export function encodeTokens(doc: TokenizedDocument): Buffer {
  const vocab = Buffer.from(doc.vocab.join('\u0000'), 'utf8');
  const header: Header = { lang: doc.lang, textHash: doc.textHash, tokenizer: doc.tokenizer, n: doc.types.length, sentences: doc.sentenceEnds.length, words: doc.words, vocabBytes: vocab.length };
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const pre = 8 + h.length + vocab.length;
  const pad = (4 - (pre % 4)) % 4;
  const n = header.n;
  const body = Buffer.alloc(pre + pad + 4 * (3 * n + header.sentences) + 2 * n);
  body.write(MAGIC, 0, 'latin1');
  body.writeUInt32LE(h.length, 4);
  h.copy(body, 8);
  vocab.copy(body, 8 + h.length);
  let at = pre + pad;
  for (const arr of [doc.types, doc.starts, doc.ends, doc.sentenceEnds]) {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(body, at);
    at += arr.byteLength;
  }
  Buffer.from(doc.kinds.buffer, doc.kinds.byteOffset, n).copy(body, at);
  Buffer.from(doc.pos.buffer, doc.pos.byteOffset, n).copy(body, at + n);
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(crc32(body));
  return Buffer.concat([body, sum]);
}

/** Decode a cache file; undefined when it is torn, corrupt or of another version. */
export function decodeTokens(buf: Buffer, docId: string): TokenizedDocument | undefined {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const body = buf.subarray(0, buf.length - 4);
  if (crc32(body) !== buf.readUInt32LE(buf.length - 4)) return undefined;
  const hl = body.readUInt32LE(4);
  const header = JSON.parse(body.toString('utf8', 8, 8 + hl)) as Header;
  const vocabStart = 8 + hl;
  const pre = vocabStart + header.vocabBytes;
  let at = pre + ((4 - (pre % 4)) % 4);
  const n = header.n;
  // Copy into fresh, aligned arrays (the buffer may be pooled or unaligned).
  const u32 = (len: number) => {
    const a = new Uint32Array(len);
    Buffer.from(a.buffer).set(body.subarray(at, at + 4 * len));
    at += 4 * len;
    return a;
  };
  const types = u32(n);
  const starts = u32(n);
  const ends = u32(n);
  const sentenceEnds = u32(header.sentences);
  const kinds = Uint8Array.from(body.subarray(at, at + n));
  const pos = Uint8Array.from(body.subarray(at + n, at + 2 * n));
  const { vocab, ids } = n === 0 && header.vocabBytes === 0 ? { vocab: [], ids: new Int32Array(0) } : internVocabulary(body, vocabStart, vocabStart + header.vocabBytes);
  const doc: TokenizedDocument = { docId, lang: header.lang, textHash: header.textHash, tokenizer: header.tokenizer, vocab, types, starts, ends, kinds, pos, sentenceEnds, words: header.words };
  rememberFormIds(doc, ids);
  return doc;
}

export function readCached(cacheDir: string, docId: string, textHash: string, tokenizer: string): TokenizedDocument | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(cachePath(cacheDir, textHash, tokenizer));
  } catch {
    return undefined;
  }
  const doc = decodeTokens(buf, docId);
  return doc && doc.textHash === textHash && doc.tokenizer === tokenizer ? doc : undefined;
}

export async function writeCached(cacheDir: string, doc: TokenizedDocument): Promise<void> {
  const path = cachePath(cacheDir, doc.textHash, doc.tokenizer);
  try {
    await writeFileAtomic(path, encodeTokens(doc));
  } catch (e) {
    throw new DataError([diag(displayPath(path), undefined, 'error', `cannot write the token cache: ${whyWriteFailed(e)}; expected a writable --cache folder (out/ was left as it was)`, 'output/write-failed')]);
  }
}
