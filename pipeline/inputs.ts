// Load and check every input a command needs (corpus, lexicon, cue lists) before anything is written.
// Warnings are printed; errors (and warnings under --strict) stop the command with all of them at once.
import { join } from 'node:path';
import type { Context } from './lib/context.ts';
import { failOnErrors, formatDiagnostic, sortDiagnostics } from './lib/diagnostics.ts';
import { createProgress } from './lib/progress.ts';
import type { Diagnostic, Lang } from './lib/types.ts';
import { readCorpusIndex, type CorpusIndex } from './ingest/read.ts';
import { readLexicon, type LoadedLexicon } from './lexicon/read.ts';
import { readCues, type CueLexicon } from './stance/index.ts';
import { coverageGaps } from './tag/tagger.ts';

export interface Inputs {
  corpus: CorpusIndex;
  lexicon?: LoadedLexicon;
  cues?: { cues: CueLexicon; hashes: Record<string, string> };
  warnings: Diagnostic[];
}

export function loadInputs(ctx: Context, need: { lexicon: boolean }): Inputs {
  const corpus = readCorpusIndex(ctx.options.corpus, (total) => createProgress(ctx, 'ingest', total), ctx.options.cache);
  const diagnostics: Diagnostic[] = [...corpus.diagnostics];
  let lexicon: LoadedLexicon | undefined;
  let cues: Inputs['cues'];
  if (need.lexicon) {
    lexicon = readLexicon(ctx.options.lexicon);
    diagnostics.push(...lexicon.diagnostics);
    const c = readCues(join(ctx.options.lexicon, 'cues'));
    diagnostics.push(...c.diagnostics);
    cues = { cues: c.cues, hashes: c.hashes };
    if (!lexicon.diagnostics.some((d) => d.severity === 'error')) {
      const langs = [...corpus.entries.langs()].sort() as Lang[];
      diagnostics.push(...coverageGaps(lexicon.lexicon, langs, lexicon.lexicon.files[0] ?? ctx.options.lexicon));
    }
  }
  failOnErrors(diagnostics, ctx.options.strict);
  // Kept only now: a command that stops on its inputs writes nothing, not even into the cache.
  corpus.memo?.save();
  corpus.memo = undefined;
  const warnings = sortDiagnostics(diagnostics.filter((d) => d.severity === 'warning'));
  for (const w of warnings) ctx.stderr.write(`${formatDiagnostic(w)}\n`);
  return { corpus, lexicon, cues, warnings };
}
