// Very long texts are read, tokenized and tagged in segments; the outputs must equal a whole-text run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readSegments, segmentation } from '../pipeline/tokenize/segments.ts';
import { runCli } from './support/cli.ts';
import { FRAMES_CSV, tempDir, writeTree } from './support/fixtures.ts';

const saved = { ...segmentation };
afterEach(() => Object.assign(segmentation, saved));

const paragraph = (i: number) => `Paragraph ${i}: officials said terrorists attacked, but critics pointed to fuel prices and corruption. ` +
  `“So-called terrorists,” one lawyer wrote, “were protesters.” Ёлки и «террористы» тоже.`;
const longText = '\uFEFF' + Array.from({ length: 120 }, (_, i) => paragraph(i)).join('\n\n') + '\n';

describe('segments', () => {
  test('cover the whole text in order, cut at blank lines, with the byte-order mark dropped', () => {
    const dir = writeTree({ 'long.txt': longText });
    const segs = [...readSegments(join(dir, 'long.txt'), 2000)];
    expect(segs.length).toBeGreaterThan(5);
    expect(segs.map((s) => s.text).join('')).toBe(longText.slice(1));
    for (const s of segs.slice(0, -1)) expect(s.text.endsWith('\n\n')).toBe(true);
    expect(segs.map((s) => s.last)).toEqual(segs.map((_, i) => i === segs.length - 1));
    segs.forEach((s, i) => expect(s.base).toBe(segs.slice(0, i).reduce((n, x) => n + x.text.length, 0)));
  });

  test('a run in segments writes the same tables as a whole-text run', async () => {
    const corpus = writeTree({
      'metadata.csv': 'doc_id,source,source_type\nlong,Daily,media\nshort,Akorda,official\n',
      'texts/long.txt': longText,
      'texts/short.txt': 'Terrorists attacked the city. Fuel prices rose.',
    });
    const lexicon = writeTree({
      'frames.csv': FRAMES_CSV,
      'p.csv': 'frame,pattern,lang,note\nterrorism,terrorist*,en,\neconomic_grievance,fuel price*,en,\npolitical_grievance,corruption,en,\n',
    });
    const run = async () => {
      const out = join(tempDir(), 'out');
      const r = await runCli(['tag', '--corpus', corpus, '--lexicon', lexicon, '--out', out, '--quiet', '--workers', '1']);
      expect(r.stderr).not.toMatch(/error/);
      expect(r.code).toBe(0);
      return out;
    };
    const whole = await run();
    Object.assign(segmentation, { from: 1000, chars: 2000 });
    const pieces = await run();
    for (const f of ['documents.csv', 'hits.csv', 'moves.csv']) expect(readFileSync(join(pieces, f), 'utf8'), f).toBe(readFileSync(join(whole, f), 'utf8'));
    expect(readFileSync(join(whole, 'hits.csv'), 'utf8').split('\n').length).toBeGreaterThan(300);
  });
});
