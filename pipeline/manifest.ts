// manifest.json: what went in (a hash of every text and lexicon file), what came out (a hash of every
// output), versions, options, seed and per-stage timings. The only output with a timestamp.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { Context } from './lib/context.ts';
import { sha256, sha256File, type OutputSession } from './lib/io.ts';
import { LANGS } from './lib/types.ts';
import { displayPath } from './ingest/read.ts';
import { tokenizerId } from './tokenize/index.ts';
import type { TagResult } from './03-tag.ts';

const require = createRequire(import.meta.url);
/** A dependency's version, found from its entry point (some packages do not export package.json). */
function versionOf(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    // fall through: find it from the entry point
  }
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      const json = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version: string };
      if (json.name === pkg) return json.version;
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

export const QANTAR_VERSION = (require('../package.json') as { version: string }).version;
const LIBRARIES = ['wink-nlp', 'wink-eng-lite-web-model', 'natural', 'csv-parse', 'vega', 'vega-lite', '@resvg/resvg-js', 'dejavu-fonts-ttf'];

/** The versions of the libraries that shape the outputs (also cited by the report's methods paragraph). */
export function libraryVersions(): Record<string, string> {
  return Object.fromEntries(LIBRARIES.map((p) => [p, versionOf(p)]));
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (statSync(p).isFile()) out.push(p);
  }
  return out;
}

/** One hash over the whole corpus: metadata plus each doc_id with its text hash, in doc_id order. */
export function corpusHash(metadataHash: string, texts: Record<string, string>): string {
  // Fed line by line (the same bytes as the lines joined): a corpus can have millions of documents.
  const hash = createHash('sha256').update(metadataHash);
  for (const k in texts) hash.update(`\n${k}\t${texts[k]}`);
  return hash.digest('hex');
}

export function lexiconHash(files: Record<string, string>): string {
  return sha256(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}\t${v}`).join('\n'));
}

export async function writeManifest(ctx: Context, session: OutputSession, tagged: TagResult, timings: Record<string, number>): Promise<void> {
  const { corpus } = tagged.inputs;
  const texts: Record<string, string> = {};
  for (const e of corpus.entries) texts[e.meta.docId] = e.textHash;
  const langs = [...corpus.entries.langs()].sort();
  const staged = session.path('.');
  const outputs: Record<string, string> = {};
  for (const f of listFiles(staged).sort()) outputs[relative(staged, f).split(sep).join('/')] = sha256File(f);
  const o = ctx.options;
  const manifest = {
    qantar: QANTAR_VERSION,
    created: new Date().toISOString(),
    command: 'run',
    options: { corpus: displayPath(o.corpus), lexicon: displayPath(o.lexicon), by: o.by, uses: o.uses, seed: o.seed, bootstrap_replicates: o.reps, permutations: o.permutations, strict: o.strict },
    runtime: { documents_from_cache: tagged.tokenize.cached, node: process.version, icu: process.versions.icu ?? '', platform: `${process.platform}-${process.arch}`, workers: o.workers, workers_used: tagged.tokenize.workers ?? 1 },
    libraries: libraryVersions(),
    tokenizers: Object.fromEntries(LANGS.filter((l) => langs.includes(l)).map((l) => [l, tokenizerId(l)])),
    inputs: {
      corpus: { path: displayPath(corpus.path), kind: corpus.kind, metadata_sha256: corpus.metadataHash, sha256: corpusHash(corpus.metadataHash, texts), texts },
      lexicon: { path: displayPath(o.lexicon), sha256: lexiconHash({ ...tagged.inputs.lexicon!.hashes, ...tagged.inputs.cues!.hashes }), files: { ...tagged.inputs.lexicon!.hashes, ...tagged.inputs.cues!.hashes } },
    },
    counts: { documents: tagged.tokenize.documents, sentences: tagged.tokenize.sentences, tokens: tagged.tokenize.tokens, words: tagged.tokenize.words, hits: tagged.hits, moves: tagged.moves, warnings: tagged.inputs.warnings.length },
    outputs,
    timings_seconds: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
  };
  await session.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
}
