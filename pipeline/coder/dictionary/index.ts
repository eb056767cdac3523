// import / export: dictionaries in quanteda YAML or LIWC .dic to and from qantar's lexicon format.
// import reads <file> and writes frames.csv + <name>.csv into --out-lexicon (never over the live lexicon
// unless --force says so); export reads --lexicon and writes a dictionary to --to or stdout.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Argv } from 'yargs';
import type { CommandSpec } from '../../commands.ts';
import { num, type Context } from '../../lib/context.ts';
import { DataError, diag, failOnErrors, formatDiagnostic, UsageError } from '../../lib/diagnostics.ts';
import { decodeText } from '../../lib/encoding.ts';
import { writeFileAtomic } from '../../lib/io.ts';
import { FAMILIES, LANGS, type Diagnostic, type Family, type Lang } from '../../lib/types.ts';
import { displayPath } from '../../ingest/read.ts';
import { parseFrames, parsePatterns, validatePatterns } from '../../lexicon/parse.ts';
import { readLexicon } from '../../lexicon/read.ts';
import { optionalString } from '../shared/args.ts';
import { checkTarget, writeUserFile } from '../shared/files.ts';
import { dictionaryToLexicon, lexiconToFrames } from './convert.ts';
import { formatLiwcDic, parseLiwcDic } from './liwc.ts';
import { frameIdOf } from './model.ts';
import { formatQuantedaYaml, parseQuantedaYaml } from './quanteda.ts';

function formatOf(path: string, given: string | undefined): 'yaml' | 'dic' {
  if (given === 'yaml' || given === 'dic') return given;
  const ext = extname(path).toLowerCase();
  if (ext === '.yml' || ext === '.yaml') return 'yaml';
  if (ext === '.dic' || ext === '.dicx') return 'dic';
  throw new UsageError(`cannot tell the format of \`${path}\` from its extension; add --format yaml (quanteda) or --format dic (LIWC)`);
}

function langOption(args: Record<string, unknown>): Lang | '' {
  const l = optionalString(args, 'lang');
  if (l === undefined) return '';
  if (!(LANGS as readonly string[]).includes(l)) throw new UsageError(`--lang \`${l}\` is not supported; expected one of: ${LANGS.join(', ')}`);
  return l as Lang;
}

/** Parse the generated files as the lexicon reader would, so a conversion never writes a lexicon qantar refuses. */
function validateGenerated(framesCsv: string, patternsCsv: string, dir: string, name: string): Diagnostic[] {
  const frames = parseFrames(framesCsv, join(dir, 'frames.csv'));
  const patterns = parsePatterns(patternsCsv, join(dir, name), new Set(frames.frames.map((f) => f.frame)), 0);
  return [...frames.diagnostics, ...patterns.diagnostics, ...validatePatterns(patterns.entries)];
}

async function runImport(ctx: Context, _s: unknown, args: Record<string, unknown>): Promise<number> {
  const file = String(args.file);
  const format = formatOf(file, optionalString(args, 'format'));
  if (!existsSync(file)) throw new DataError([diag(displayPath(file), undefined, 'error', 'dictionary file not found', 'import/not-found')]);
  const stem = frameIdOf(basename(file, extname(file))) || 'dictionary';
  const outDir = optionalString(args, 'out-lexicon') ?? `lexicon-${stem.replace(/_/g, '-')}`;
  const name = `${stem.replace(/_/g, '-')}.csv`;
  const force = Boolean(args.force);
  const live = existsSync(ctx.options.lexicon) && existsSync(outDir) && realpathSync(outDir) === realpathSync(ctx.options.lexicon);
  if (live && !force) throw new UsageError(`--out-lexicon \`${outDir}\` is the live lexicon (--lexicon); importing would replace its frames.csv — add --force only if that is what you want`);
  for (const f of ['frames.csv', name]) checkTarget(ctx, join(outDir, f), '--out-lexicon', { force, allowLexicon: force });
  const shown = displayPath(file);
  const decoded = decodeText(readFileSync(file), shown, optionalString(args, 'encoding') ?? '', { area: 'import' });
  if ('error' in decoded) {
    // LIWC dictionaries for other languages often come in a legacy encoding, which only the user can name.
    const message = decoded.error.message.replace(/: (convert|save) it .*$/, ': convert it to UTF-8, or name its encoding with --encoding (for example --encoding windows-1252)');
    throw new DataError([{ ...decoded.error, message }]);
  }
  const parsed = format === 'yaml' ? parseQuantedaYaml(decoded.text, shown) : parseLiwcDic(decoded.text, shown);
  failOnErrors(parsed.diagnostics, ctx.options.strict);
  const only = (args.only as unknown[] | undefined)?.flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
  const converted = dictionaryToLexicon(parsed.dict, { family: args.family as Family, lang: langOption(args), only: only?.length ? only : undefined,
    overlap: args.overlap as 'first' | 'error', source: basename(file) }, shown);
  const all = [...parsed.diagnostics, ...converted.diagnostics, ...validateGenerated(converted.files.framesCsv, converted.files.patternsCsv, displayPath(outDir), name)];
  failOnErrors(all, ctx.options.strict);
  for (const w of all.filter((d) => d.severity === 'warning')) ctx.stderr.write(`${formatDiagnostic(w)}\n`);
  await writeFileAtomic(join(outDir, 'frames.csv'), converted.files.framesCsv);
  await writeFileAtomic(join(outDir, name), converted.files.patternsCsv);
  ctx.log(`import: ${shown} (${format === 'yaml' ? 'quanteda YAML' : 'LIWC .dic'}, ${parsed.dict.categories.length} categories, ${num(parsed.dict.entries.length)} entries) → ${displayPath(join(outDir, 'frames.csv'))} (${converted.files.frames} frames) + ${displayPath(join(outDir, name))} (${num(converted.files.patterns)} patterns)`);
  return 0;
}

async function runExport(ctx: Context, _s: unknown, args: Record<string, unknown>): Promise<number> {
  const format = args.format as 'yaml' | 'dic';
  const loaded = readLexicon(ctx.options.lexicon);
  failOnErrors(loaded.diagnostics.filter((d) => d.severity === 'error'));
  const lang = langOption(args);
  const frames = lexiconToFrames(loaded.lexicon, { lang: lang === '' ? undefined : lang, exclusions: Boolean(args['with-exclusions']) });
  const patterns = frames.reduce((n, f) => n + f.patterns.length, 0);
  const excluded = loaded.lexicon.patterns.filter((p) => p.frame === '-').length;
  let text: string;
  if (format === 'yaml') {
    const header = `quanteda dictionary exported by qantar${lang ? ` (${lang} patterns)` : ''}: ${frames.filter((f) => f.frame !== '-').length} frames, ${patterns} patterns`;
    text = formatQuantedaYaml(frames, header, args.nest !== 'none');
  } else {
    const names = frames.map((f) => (f.frame === '-' ? 'qantar_exclusions' : f.frame));
    text = formatLiwcDic(names, frames.flatMap((f, i) => f.patterns.map((pattern) => ({ pattern, category: i }))));
  }
  const to = optionalString(args, 'to');
  if (to) await writeUserFile(ctx, to, text, '--to', true);
  else ctx.stdout.write(text);
  if (excluded && !args['with-exclusions']) ctx.stderr.write(`qantar: note: ${excluded} exclusion patterns were left out (dictionaries have no exclusions); --with-exclusions exports them as category qantar_exclusions\n`);
  ctx.log(`export: ${displayPath(ctx.options.lexicon)} → ${format === 'yaml' ? 'quanteda YAML' : 'LIWC .dic'}, ${frames.length} categories, ${num(patterns)} patterns${to ? ` → ${to}` : ''}`);
  return 0;
}

export const importCommand: CommandSpec = {
  name: 'import <file>',
  describe: 'read a quanteda YAML or LIWC .dic dictionary into frames.csv + a pattern CSV',
  writes: false,
  builder: (y) => y
    .positional('file', { type: 'string', describe: 'the dictionary: .yml/.yaml (quanteda) or .dic (LIWC)' })
    .option('format', { choices: ['yaml', 'dic'], describe: 'the dictionary format [default: from the extension]' })
    .option('out-lexicon', { type: 'string', describe: 'folder to write frames.csv and the pattern CSV into [default: lexicon-<file name>]' })
    .option('family', { choices: [...FAMILIES], default: 'other', describe: 'family of the new frames (unless the YAML nests them under family names)' })
    .option('lang', { type: 'string', describe: 'language of the patterns (en, ru, kk) [default: every language]' })
    .option('only', { type: 'string', array: true, describe: 'import only these categories (names or frame ids)' })
    .option('overlap', { choices: ['first', 'error'], default: 'first', describe: 'an entry in several categories: keep it in the first, or stop' })
    .option('encoding', { type: 'string', describe: 'the file\'s encoding when it is not UTF-8 (windows-1252, latin1, windows-1251, koi8-r …)' })
    .option('force', { type: 'boolean', default: false, describe: 'replace existing files in --out-lexicon (needed to write into the live lexicon)' })
    .example('$0 import laver-garry.yml --out-lexicon lexicon-lg', 'a quanteda dictionary as a qantar lexicon')
    .example('$0 import LIWC2015.dic --only anger anx --lang en', 'two LIWC categories as frames'),
  run: runImport,
};

export const exportCommand: CommandSpec = {
  name: 'export',
  describe: 'write the lexicon as a quanteda YAML or LIWC .dic dictionary',
  writes: false,
  builder: (y) => y
    .option('format', { choices: ['yaml', 'dic'], demandOption: true, describe: 'yaml (quanteda) or dic (LIWC)' })
    .option('to', { type: 'string', describe: 'file to write [default: stdout]' })
    .option('lang', { type: 'string', describe: 'only patterns for this language (and those for every language)' })
    .option('nest', { choices: ['family', 'none'], default: 'family', describe: 'yaml: nest frames under their family (securitizing, grievance, other), or not' })
    .option('with-exclusions', { type: 'boolean', default: false, describe: 'export exclusions as a category named qantar_exclusions' })
    .example('$0 export --format yaml --to qantar.yml', 'for quanteda: dictionary(file = "qantar.yml")'),
  run: runExport,
};

