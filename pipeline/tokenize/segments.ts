// A very long UTF-8 text is read, tokenized and tagged in segments, never whole: the file is decoded in
// blocks and cut at paragraph breaks (or line breaks, or spaces) into segments of about SEGMENT_CHARS.
// Sentences never cross a cut at a blank line, so counts equal those of a whole-text run there.
import { closeSync, openSync, readSync } from 'node:fs';
import { chunkBoundaries } from './index.ts';

/** Texts of at least `from` characters are processed in segments of about `chars` (tests lower both). */
export const segmentation = { from: 16 * 2 ** 20, chars: 2 ** 20 };
const BLOCK_BYTES = 4 * 2 ** 20;

export interface Segment {
  text: string;
  /** Offset of the segment's first character in the whole text. */
  base: number;
  last: boolean;
}

/** Segments of a UTF-8 file, in order; the byte-order mark, if any, is dropped as in a whole read. */
export function* readSegments(path: string, segmentChars = segmentation.chars): Generator<Segment> {
  const fd = openSync(path, 'r');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const block = Buffer.alloc(BLOCK_BYTES);
  let pending = '';
  let base = 0;
  try {
    for (;;) {
      const n = readSync(fd, block, 0, BLOCK_BYTES, null);
      pending += decoder.decode(block.subarray(0, n), { stream: n > 0 });
      const done = n === 0;
      while (pending.length > segmentChars * 2 || (done && pending.length > segmentChars)) {
        const cut = chunkBoundaries(pending, segmentChars)[1];
        yield { text: pending.slice(0, cut), base, last: false };
        base += cut;
        pending = pending.slice(cut);
      }
      if (done) {
        yield { text: pending, base, last: true };
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}
