// Where the tables came from: corpus and lexicon hashes, versions and the statistical settings, for the
// methods paragraph. In `qantar run` they are computed from the run itself (the manifest is written after
// the report); when the report stage runs alone they are read from manifest.json, and only trusted when
// the manifest's recorded output hashes still match the tables beside it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../lib/context.ts';
import { formatDiagnostic } from '../lib/diagnostics.ts';
import { sha256File } from '../lib/io.ts';
import { LANGS } from '../lib/types.ts';
import { corpusHash, lexiconHash, libraryVersions, QANTAR_VERSION } from '../manifest.ts';
import { tokenizerId } from '../tokenize/index.ts';
import type { TagResult } from '../03-tag.ts';

export interface Provenance {
  /** run: this run; manifest: manifest.json matching the tables; unrecorded: neither. */
  source: 'run' | 'manifest' | 'unrecorded';
  /** Why the manifest was not used, when it was not. */
  note: string;
  qantar: string;
  libraries: Record<string, string>;
  tokenizers: Record<string, string>;
  corpusHash: string;
  lexiconHash: string;
  by: string;
  seed: number;
  reps: number;
  permutations: number;
  /** The warnings printed by the run (text), or only their number when read from a manifest. */
  warnings: string[] | number;
}

export function runProvenance(ctx: Context, tagged: TagResult): Provenance {
  const { corpus } = tagged.inputs;
  const texts: Record<string, string> = {};
  for (const e of corpus.entries) texts[e.meta.docId] = e.textHash;
  const langs = corpus.entries.langs();
  const o = ctx.options;
  return {
    source: 'run', note: '', qantar: QANTAR_VERSION, libraries: libraryVersions(),
    tokenizers: Object.fromEntries(LANGS.filter((l) => langs.has(l)).map((l) => [l, tokenizerId(l)])),
    corpusHash: corpusHash(corpus.metadataHash, texts),
    lexiconHash: lexiconHash({ ...tagged.inputs.lexicon?.hashes, ...tagged.inputs.cues?.hashes }),
    by: o.by, seed: o.seed, reps: o.reps, permutations: o.permutations,
    warnings: tagged.inputs.warnings.map(formatDiagnostic),
  };
}

interface ManifestJson {
  qantar?: string;
  libraries?: Record<string, string>;
  tokenizers?: Record<string, string>;
  options?: { by?: string; seed?: number; bootstrap_replicates?: number; permutations?: number };
  inputs?: { corpus?: { sha256?: string }; lexicon?: { sha256?: string } };
  counts?: { warnings?: number };
  outputs?: Record<string, string>;
}

/** The tables whose hashes must match the manifest for its hashes to describe them. */
const CHECKED = ['documents.csv', 'hits.csv', 'counts_by_group.csv', 'comparison.csv'];

function readManifest(dir: string): { manifest?: ManifestJson; note: string } {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return { note: 'no manifest.json was found beside the tables' };
  let manifest: ManifestJson;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as ManifestJson;
  } catch {
    return { note: 'manifest.json could not be read as JSON' };
  }
  const changed = CHECKED.filter((f) => existsSync(join(dir, f)) && manifest.outputs?.[f] !== sha256File(join(dir, f)));
  if (changed.length) return { note: `manifest.json describes an earlier run (${changed.join(', ')} changed since)` };
  return { manifest, note: '' };
}

export function recordedProvenance(ctx: Context, dir: string): Provenance {
  const { manifest: m, note } = readManifest(dir);
  const o = ctx.options;
  if (!m) {
    return {
      source: 'unrecorded', note, qantar: QANTAR_VERSION, libraries: libraryVersions(), tokenizers: {}, corpusHash: '', lexiconHash: '',
      by: o.by, seed: o.seed, reps: o.reps, permutations: o.permutations, warnings: 0,
    };
  }
  return {
    source: 'manifest', note, qantar: m.qantar ?? QANTAR_VERSION, libraries: m.libraries ?? libraryVersions(), tokenizers: m.tokenizers ?? {},
    corpusHash: m.inputs?.corpus?.sha256 ?? '', lexiconHash: m.inputs?.lexicon?.sha256 ?? '',
    by: m.options?.by ?? o.by, seed: m.options?.seed ?? o.seed, reps: m.options?.bootstrap_replicates ?? o.reps,
    permutations: m.options?.permutations ?? o.permutations, warnings: m.counts?.warnings ?? 0,
  };
}
