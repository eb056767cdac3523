// A small corpus and lexicon shared by the coder-tool tests (tests/coder-*.test.ts). Every number the
// tests expect is counted by hand from these texts; the comments next to the expectations say how.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../pipeline/lib/csv.ts';
import { FRAMES_CSV, writeTree } from './support/fixtures.ts';

export const TEXTS: Record<string, string> = {
  // 4 sentences: terrorism | foreign_interference | security_response | nothing
  'gov-1': 'Terrorists seized the airport in Almaty. Foreign militants trained abroad joined them. The government declared a state of emergency. Calm returned to the city.',
  // 2 sentences: terrorism | nothing
  'gov-2': 'Terrorist gangs attacked the city again. Order was restored by peacekeeping troops.',
  // 3 sentences: economic_grievance (gas price*) | nothing (gas station is excluded) | terrorism
  'paper-1': 'Protesters demanded lower gas prices. The gas station on the corner was closed. Nobody spoke of terrorists then.',
  // 3 sentences: economic_grievance | political_grievance | terrorism
  'paper-2': 'Fuel prices doubled in January. Anger at corruption grew. The so-called terrorists were protesters.',
};

export const METADATA = 'doc_id,source,source_type,date,lang,title\n' +
  'gov-1,Akorda,official,2022-01-05,en,One\ngov-2,Akorda,official,2022-01-07,en,Two\n' +
  'paper-1,Daily,media,2022-01-04,en,Three\npaper-2,Daily,media,2022-01-06,en,Four\n';

export const PATTERNS = 'frame,pattern,lang,note\n' +
  'terrorism,terrorist*,en,\n' +
  'foreign_interference,trained abroad,en,\n' +
  'economic_grievance,gas price*,en,\n' +
  'economic_grievance,fuel price*,en,\n' +
  'economic_grievance,gas,en,\n' +
  'political_grievance,corruption,en,\n' +
  'security_response,state of emergency,en,\n' +
  '-,gas station*,en,\n';

export function coderCorpus(texts: Record<string, string> = TEXTS, metadata = METADATA): string {
  return writeTree({ 'metadata.csv': metadata, ...Object.fromEntries(Object.entries(texts).map(([k, v]) => [`texts/${k}.txt`, v])) });
}

export function coderLexicon(patterns = PATTERNS, frames = FRAMES_CSV): string {
  return writeTree({ 'frames.csv': frames, 'patterns.csv': patterns });
}

/** Rows of a CSV file as header → value records. */
export function readRows(path: string): Record<string, string>[] {
  return parseCsv(readFileSync(path, 'utf8'), path, 'test').records.map((r) => r.values);
}

export function outDir(root: string): string {
  return join(root, 'out');
}
