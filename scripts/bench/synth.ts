// A deterministic synthetic corpus for benchmarks, made from the shipped corpus's own sentences: documents
// of 300–900 words assembled from sampled sentences, with a share of words swapped for other corpus words
// of the same shape so the vocabulary grows as a real news corpus's would. Framing terms keep the rates
// they have in the shipped corpus (they are not swapped).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../pipeline/count/rng.ts';
import { parseCsv } from '../../pipeline/lib/csv.ts';

interface Source {
  sentences: string[];
  words: string[];
}

function readSources(corpusDir: string): Map<string, Source> {
  const meta = parseCsv(readFileSync(join(corpusDir, 'metadata.csv'), 'utf8'), 'metadata.csv', 'bench').records;
  const byLang = new Map<string, Source>();
  for (const { values } of meta) {
    const lang = values.lang || 'en';
    if (lang === 'kk') continue;
    const text = readFileSync(join(corpusDir, 'texts', `${values.doc_id}.txt`), 'utf8');
    const src = byLang.get(lang) ?? { sentences: [], words: [] };
    for (const s of text.split(/(?<=[.!?»”"])\s+/u)) if (s.split(/\s+/).length >= 5) src.sentences.push(s.replace(/\s+/gu, ' '));
    for (const w of text.match(/\p{Ll}{4,}/gu) ?? []) src.words.push(w);
    byLang.set(lang, src);
  }
  return byLang;
}

/** Write `mb` megabytes of documents (80% English, 20% Russian) into `dir`; returns the document count. */
export function writeSyntheticCorpus(corpusDir: string, dir: string, mb: number, seed: number): number {
  const rng = createRng(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(rng() * a.length)];
  const sources = readSources(corpusDir);
  const en = sources.get('en')!;
  const ru = sources.get('ru') ?? en;
  mkdirSync(join(dir, 'texts'), { recursive: true });
  const rows = ['doc_id,source,source_type,date,lang'];
  const groups = ['official-kz', 'official-ru', 'media-international', 'media-independent', 'ngo'];
  let bytes = 0;
  let n = 0;
  while (bytes < mb * 1024 * 1024) {
    const lang = rng() < 0.8 ? 'en' : 'ru';
    const src = lang === 'en' ? en : ru;
    const target = 300 + Math.floor(rng() * 600);
    const paras: string[] = [];
    let words = 0;
    while (words < target) {
      const sentence = pick(src.sentences).replace(/\p{Ll}{4,}/gu, (w) => (rng() < 0.15 && !/terror|bandit|militant|foreign|revolution|price|corrupt|террор|бандит|революц|газ/u.test(w) ? pick(src.words) : w));
      paras.push(sentence);
      words += sentence.split(' ').length;
    }
    const text = paras.join(rng() < 0.2 ? '\n\n' : ' ');
    const id = `d${String(n).padStart(7, '0')}`;
    writeFileSync(join(dir, 'texts', `${id}.txt`), text);
    const day = 1 + Math.floor(rng() * 31);
    rows.push(`${id},src${Math.floor(rng() * 40)},${pick(groups)},2022-01-${String(day).padStart(2, '0')},${lang}`);
    bytes += Buffer.byteLength(text);
    n++;
  }
  writeFileSync(join(dir, 'metadata.csv'), `${rows.join('\n')}\n`);
  return n;
}
