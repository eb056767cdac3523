// Shared by the review tests: a corpus and lexicon (the coder-tool fixture, plus texts full of markup),
// a review server started in-process on a free port, and small HTTP helpers that send what the page sends.
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { createContext, type Options } from '../pipeline/lib/context.ts';
import { startReview, type RunningReview } from '../pipeline/review/index.ts';
import { coderCorpus, coderLexicon, METADATA, TEXTS } from './coder-fixture.ts';
import { tempDir } from './support/fixtures.ts';

/** Texts whose markup must show as text: a script, an image with a handler, entities, a closing tag. */
export const MARKUP_TEXTS: Record<string, string> = {
  ...TEXTS,
  'web-1': 'Terrorists <script>window["__pwned"]=1; alert("x")</script> attacked the <b>airport</b> & the <img src=x onerror="window[\'__pwned\']=2"> city. ' +
    'The so-called &lt;terrorists&gt; were protesters </p><h1>Injected</h1> and corruption angered them.',
};
export const MARKUP_METADATA = `${METADATA}web-1,<i>Site</i>,media,2022-01-08,en,"<a href=""javascript:alert(1)"">t</a>"\n`;

export class Sink extends Writable {
  text = '';
  _write(chunk: Buffer, _enc: string, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

export interface Case {
  root: string;
  corpus: string;
  lexicon: string;
  out: string;
  dir: string;
}

export function reviewCase(markup = false): Case {
  const root = tempDir('qantar-review-');
  const corpus = markup ? coderCorpus(MARKUP_TEXTS, MARKUP_METADATA) : coderCorpus();
  return { root, corpus, lexicon: coderLexicon(), out: join(root, 'out'), dir: join(root, 'out', 'review') };
}

export function reviewOptions(c: Case, over: Partial<Options> = {}): Options {
  return {
    corpus: c.corpus, lexicon: c.lexicon, out: c.out, cache: join(c.out, '.cache'), by: 'source_type', uses: ['asserted'], seed: 7, reps: 200,
    permutations: 99, strict: false, workers: 1, progress: false, quiet: true, figures: true, ...over,
  };
}

export function startOn(c: Case, o: { sample?: number; sheet?: string; port?: number } = {}): Promise<RunningReview> {
  const ctx = createContext(reviewOptions(c), new Sink(), new Sink());
  return startReview(ctx, { port: o.port ?? 0, dir: c.dir, sample: o.sample, sheet: o.sheet, allocation: 'proportional' });
}

export async function getJson<T = any>(r: RunningReview, path: string): Promise<T> {
  const res = await fetch(new URL(path, r.url));
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** POST as the page does: JSON with the session token. */
export async function postJson(r: RunningReview, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(new URL(path, r.url), {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'x-qantar-token': r.app.token, ...headers },
  });
  return { status: res.status, body: await res.json() };
}

export async function hitsOf(r: RunningReview, coder: string, frame: string, order = 'date'): Promise<any[]> {
  return (await getJson(r, `/api/hits?coder=${coder}&frame=${frame}&order=${order}`)).items;
}
