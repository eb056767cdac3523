// The review page's JSON API. GET /api/session, /api/hits, /api/units, /api/numbers read; POST /api/hits
// and /api/units record one decision each in the coder's file. A coder is only ever sent their own
// decisions; the numbers are aggregates over every coder's file.
import { createRng } from '../count/rng.ts';
import { parseCsv } from '../lib/csv.ts';
import { USES, type Use } from '../lib/types.ts';
import { displayPath } from '../ingest/read.ts';
import { parseCorrectCell, parseFrameCell } from '../coder/evaluate/codes.ts';
import { formatKwicCsv } from '../coder/kwic/rows.ts';
import { formatSheet } from '../coder/sheet/format.ts';
import type { HitItem, ReviewData } from './data.ts';
import { computeNumbers, patternTable } from './numbers.ts';
import { HttpError, type Route } from './server.ts';
import { ConflictError, type Values } from './store.ts';
import { coderFile, type Kind, type Workspace } from './workspace.ts';

export interface ReviewApp {
  data: ReviewData;
  ws: Workspace;
  token: string;
  /** Changes with every server start, so an open page knows to reload its lists. */
  instance: string;
  options: { reps: number; seed: number; corpus: string; lexicon: string };
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

function coderOf(app: ReviewApp, raw: unknown, kind?: Kind): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  const known = kind ? app.ws.files[kind].has(name) : app.ws.files.hits.has(name) || app.ws.files.sentences.has(name);
  if (known) return name;
  if (!NAME.test(name) || name.toLowerCase() === 'consensus') {
    throw new HttpError(400, 'a coder name is 1–40 letters, digits, `.`, `_` or `-`, starting with a letter or digit (and not `consensus`)');
  }
  return name;
}

function frameOf(app: ReviewApp, raw: unknown): string {
  const frame = typeof raw === 'string' ? raw : '';
  if (!app.data.frames.some((f) => f.frame === frame)) throw new HttpError(400, `unknown frame \`${frame}\``);
  return frame;
}

function useOf(raw: unknown): Use | '' {
  if (raw === undefined || raw === null || raw === '') return '';
  if (typeof raw === 'string' && (USES as readonly string[]).includes(raw)) return raw as Use;
  throw new HttpError(400, `unknown use \`${String(raw)}\`; expected one of ${USES.join(', ')}`);
}

/** A row exactly as the coder tools format it, as header → value. */
function firstRecord(csv: string): Values {
  return parseCsv(csv, 'review', 'review').records[0].values;
}

async function save(file: ReturnType<typeof coderFile>, key: string, values: Values | undefined): Promise<void> {
  try {
    await file.set(key, values);
  } catch (e) {
    if (e instanceof ConflictError) throw new HttpError(409, e.message, 'conflict');
    throw new HttpError(500, `could not save the decision: ${(e as Error).message}`, 'write-failed');
  }
}

function shuffled<T>(items: T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function hitView(h: HitItem, mine: Values | undefined) {
  const r = h.row;
  const correct = mine ? parseCorrectCell(mine.correct ?? '') : undefined;
  return {
    key: h.key, hitId: r.hitId, docId: r.docId, source: r.source, date: r.date, pattern: r.pattern, use: r.use,
    left: h.left, match: r.match, right: h.right, before: h.before, after: h.after,
    correct: correct?.ok && correct.value !== undefined ? (correct.value ? 'yes' : 'no') : '', correctUse: (mine?.correct_use ?? '').trim().toLowerCase(),
  };
}

function session(app: ReviewApp) {
  const { data, ws } = app;
  const coders = [...new Set([...ws.files.hits.keys(), ...ws.files.sentences.keys()])].sort();
  const count = new Map<string, number>();
  for (const h of data.hits) count.set(h.row.frame, (count.get(h.row.frame) ?? 0) + 1);
  return {
    token: app.token, instance: app.instance, coders, uses: USES, sample: ws.sample.length,
    frames: data.frames.map((f) => ({ frame: f.frame, label: f.label, family: f.family, description: f.description, hits: count.get(f.frame) ?? 0 })),
    dir: displayPath(ws.dir), corpus: displayPath(app.options.corpus), lexicon: displayPath(app.options.lexicon),
  };
}

function getHits(app: ReviewApp, q: URLSearchParams) {
  const coder = coderOf(app, q.get('coder'));
  const frame = frameOf(app, q.get('frame'));
  const mine = app.ws.files.hits.get(coder)?.rows;
  const inFrame = app.data.hits.filter((h) => h.row.frame === frame);
  const ordered = q.get('order') === 'date' ? inFrame : shuffled(inFrame, app.options.seed);
  return { frame, items: ordered.map((h) => hitView(h, mine?.get(h.key))), patterns: patternTable(app.ws, app.data, coder, frame) };
}

async function postHit(app: ReviewApp, body: Record<string, unknown>) {
  const coder = coderOf(app, body.coder);
  const hit = app.data.hitByKey.get(String(body.key ?? ''));
  if (!hit) throw new HttpError(400, 'unknown hit; reload the page');
  if (![null, 'yes', 'no'].includes(body.correct as string)) throw new HttpError(400, 'correct must be "yes", "no" or null');
  const use = useOf(body.use);
  if (use && body.correct !== 'yes') throw new HttpError(400, 'a use is judged only for a correct hit');
  const file = coderFile(app.ws, app.data, 'hits', coder);
  let values: Values | undefined;
  if (body.correct !== null) {
    values = { ...firstRecord(formatKwicCsv([hit.row])), note: file.rows.get(hit.key)?.note ?? '', correct: String(body.correct), correct_use: use };
  }
  await save(file, hit.key, values);
  return { hit: hitView(hit, values), patterns: patternTable(app.ws, app.data, coder, hit.row.frame) };
}

function unitCodes(app: ReviewApp, mine: Values | undefined) {
  const codes: Record<string, string> = {};
  const uses: Record<string, string> = {};
  if (!mine) return { coded: false, codes, uses };
  let blank = 0;
  for (const f of app.data.frames) {
    const cell = parseFrameCell(mine[f.frame] ?? '');
    if (cell.ok && cell.blank) blank++;
    // As evaluate reads a coded row: a blank cell next to filled ones means absent.
    codes[f.frame] = !cell.ok || cell.blank ? '0' : cell.value === undefined ? '?' : cell.value ? '1' : '0';
    uses[f.frame] = (mine[`${f.frame}_use`] ?? '').trim().toLowerCase();
  }
  return { coded: blank < app.data.frames.length, codes, uses };
}

function getUnits(app: ReviewApp, q: URLSearchParams) {
  const coder = coderOf(app, q.get('coder'));
  const mine = app.ws.files.sentences.get(coder)?.rows;
  return {
    items: app.ws.sample.map((r) => ({ unitId: r.unitId, docId: r.docId, source: r.source, date: r.date, previous: r.previous, text: r.text, next: r.next,
      ...unitCodes(app, mine?.get(r.unitId)) })),
  };
}

/** The sheet cells for one coded sentence: `1`, `0` or `?` per frame, and a use only where the frame is present. */
function unitCells(app: ReviewApp, body: Record<string, unknown>): Values {
  const codes = (body.codes ?? {}) as Record<string, unknown>;
  const uses = (body.uses ?? {}) as Record<string, unknown>;
  const cells: Values = {};
  for (const f of app.data.frames) {
    const c = codes[f.frame] ?? '0';
    if (!['1', '0', '?'].includes(c as string)) throw new HttpError(400, `code for ${f.frame} must be "1", "0" or "?"`);
    const use = useOf(uses[f.frame]);
    if (use && c !== '1') throw new HttpError(400, `a use for ${f.frame} needs the frame marked present`);
    cells[f.frame] = c as string;
    cells[`${f.frame}_use`] = use;
  }
  return cells;
}

async function postUnit(app: ReviewApp, body: Record<string, unknown>) {
  const coder = coderOf(app, body.coder);
  const row = app.ws.sample.find((r) => r.unitId === body.unitId);
  if (!row) throw new HttpError(400, 'unknown sentence; reload the page');
  const cells = body.codes === null ? undefined : unitCells(app, body);
  const file = coderFile(app.ws, app.data, 'sentences', coder);
  const values = cells && { ...firstRecord(formatSheet(app.data.frames, [row])), note: file.rows.get(row.unitId)?.note ?? '', ...cells };
  await save(file, row.unitId, values);
  return { unitId: row.unitId, ...unitCodes(app, values) };
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9._\/:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function getNumbers(app: ReviewApp) {
  const n = computeNumbers(app.ws, app.data, app.options);
  const files = n.files.map((p) => shellQuote(displayPath(p)));
  const command = files.length === 0 ? '' : ['qantar evaluate --gold', ...files, '--corpus', shellQuote(displayPath(app.options.corpus)),
    '--lexicon', shellQuote(displayPath(app.options.lexicon)), '--seed', String(app.options.seed), '--reps', String(app.options.reps)].join(' ');
  return { rows: n.rows.map((r) => ({ ...r, value: num(r.value), low: num(r.low), high: num(r.high) })), command, files: n.files.map((p) => displayPath(p)) };
}

/** JSON has no NaN: an undefined value (NaN) goes as null; a bound the row does not have stays out. */
function num(x: number | undefined): number | null | undefined {
  return x === undefined ? undefined : Number.isFinite(x) ? x : null;
}

export function createRoutes(app: ReviewApp): Route[] {
  const obj = (b: unknown) => (b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {});
  return [
    { method: 'GET', path: '/api/session', handle: () => session(app) },
    { method: 'GET', path: '/api/hits', handle: (q) => getHits(app, q) },
    { method: 'POST', path: '/api/hits', handle: (_q, b) => postHit(app, obj(b)) },
    { method: 'GET', path: '/api/units', handle: (q) => getUnits(app, q) },
    { method: 'POST', path: '/api/units', handle: (_q, b) => postUnit(app, obj(b)) },
    { method: 'GET', path: '/api/numbers', handle: () => getNumbers(app) },
  ];
}
