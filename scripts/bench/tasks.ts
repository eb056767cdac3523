// One benchmark task per process, so each peak-memory figure is its own. Prints one JSON line:
// { task, seconds, bytes, tokens, words, maxRssMb }.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { main as mainFromSources } from '../../pipeline/cli.ts';
import { pathToFileURL } from 'node:url';
// @ts-expect-error: a plain JavaScript module without types
import { ensureBuilt } from '../../bin/build.js';
import { readCorpusIndex, loadDocument } from '../../pipeline/ingest/read.ts';
import { readLexicon } from '../../pipeline/lexicon/read.ts';
import { createStanceAnnotator, readCues } from '../../pipeline/stance/index.ts';
import { createTagger } from '../../pipeline/tag/tagger.ts';
import { compileLexicon, type CompiledLexicon } from '../../pipeline/tag/compile.ts';
import { matchDocument } from '../../pipeline/tag/match.ts';
import type { Lang } from '../../pipeline/lib/types.ts';
import { readCached } from '../../pipeline/tokenize/cache.ts';
import { tokenizerId } from '../../pipeline/tokenize/index.ts';
import { Writable } from 'node:stream';

const [task, corpus, ...rest] = process.argv.slice(2);
const textsDir = join(corpus, 'texts');
const files = () => readdirSync(textsDir).sort().map((f) => join(textsDir, f));
const rss = () => process.resourceUsage().maxRSS / 1024;
const report = (r: Record<string, number | string>): void => void process.stdout.write(`${JSON.stringify({ task, ...r, maxRssMb: Math.round(rss()) })}\n`);
const silent = new Writable({ write: (_c, _e, cb) => cb() });

async function run(): Promise<void> {
  if (task === 'read') {
    const t0 = performance.now();
    let bytes = 0;
    for (const f of files()) bytes += readFileSync(f).length;
    return report({ seconds: (performance.now() - t0) / 1000, bytes });
  }
  if (task === 'wink') {
    const nlp = winkNLP(model, ['sbd', 'pos']);
    const t0 = performance.now();
    let tokens = 0;
    let bytes = 0;
    for (const f of files()) {
      const text = readFileSync(f, 'utf8');
      bytes += text.length;
      const doc = nlp.readDoc(text);
      tokens += doc.tokens().length();
    }
    return report({ seconds: (performance.now() - t0) / 1000, tokens, bytes });
  }
  if (task === 'lookup') {
    const lex = readLexicon(rest[0]).lexicon;
    const words = new Set(lex.patterns.map((p) => p.words[0]));
    const t0 = performance.now();
    let tokens = 0;
    let found = 0;
    for (const f of files()) {
      const ids = new Map<string, boolean>();
      for (const w of readFileSync(f, 'utf8').match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []) {
        tokens++;
        let m = ids.get(w);
        if (m === undefined) ids.set(w, (m = words.has(w.toLowerCase())));
        if (m) found++;
      }
    }
    return report({ seconds: (performance.now() - t0) / 1000, tokens, found });
  }
  if (task === 'run') {
    const [lexicon, out, cache, workers] = rest;
    // What `qantar run` runs: the bundled CLI (bin/build.js), loaded inside the timing.
    const t0 = performance.now();
    if (!(await ensureBuilt())) throw new Error('bundling failed');
    const { main } = (await import(pathToFileURL(join(process.cwd(), 'dist', 'cli.mjs')).href)) as { main: typeof mainFromSources };
    const code = await main(['run', '--corpus', corpus, '--lexicon', lexicon, '--out', out, '--cache', cache, '--workers', workers, '--no-progress', '--quiet', '--reps', '200', '--permutations', '199'], { stdout: silent, stderr: process.stderr });
    if (code !== 0) throw new Error(`qantar run exited ${code}`);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    return report({ seconds: (performance.now() - t0) / 1000, tokens: m.counts.tokens, words: m.counts.words, stages: JSON.stringify(m.timings_seconds) });
  }
  if (task === 'tag') {
    // The tag stage on cached tokens, in one thread: reading the cache, the frame matcher alone (what a
    // dictionary lookup does), and matching with stance (what `qantar tag` does per document).
    const [lexicon, cache] = rest;
    const index = readCorpusIndex(corpus);
    const lex = readLexicon(lexicon).lexicon;
    const tag = createTagger(lex, createStanceAnnotator(readCues(join(lexicon, 'cues')).cues));
    const compiled = new Map<Lang, CompiledLexicon>();
    let read = 0;
    let match = 0;
    let seconds = 0;
    let words = 0;
    let tokenCount = 0;
    let hits = 0;
    for (const e of index.entries) {
      const doc = loadDocument(index, e);
      let t0 = performance.now();
      const tokens = readCached(cache, e.meta.docId, doc.textHash, tokenizerId(e.meta.lang));
      read += (performance.now() - t0) / 1000;
      if (!tokens) throw new Error(`not cached: ${e.meta.docId}`);
      let c = compiled.get(tokens.lang);
      if (!c) compiled.set(tokens.lang, (c = compileLexicon(lex.patterns, tokens.lang)));
      t0 = performance.now();
      matchDocument(tokens, c);
      match += (performance.now() - t0) / 1000;
      t0 = performance.now();
      hits += tag(tokens, doc.text).length;
      seconds += (performance.now() - t0) / 1000;
      words += tokens.words;
      tokenCount += tokens.types.length;
    }
    return report({ seconds, words, tokens: tokenCount, hits, readSeconds: read, matchSeconds: match });
  }
  throw new Error(`unknown task ${task}`);
}

await run();
