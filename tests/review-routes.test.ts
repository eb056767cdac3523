// The review server's routes, over HTTP on 127.0.0.1, in-process: the page and its safety headers, the
// refusal of requests another site could send, decisions written as sheets `evaluate` reads (and the
// page's numbers equal to evaluate's), blind coding, resume after a restart, refusal of bad files.
// Expected counts are the decisions the tests make, on the texts of tests/coder-fixture.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatEvaluationCsv } from '../pipeline/coder/evaluate/report.ts';
import type { ResultRow } from '../pipeline/coder/evaluate/results.ts';
import { DataError, formatDiagnostic } from '../pipeline/lib/diagnostics.ts';
import type { RunningReview } from '../pipeline/review/index.ts';
import { runCli } from './support/cli.ts';
import { tempDir } from './support/fixtures.ts';
import { readRows } from './coder-fixture.ts';
import { getJson, hitsOf, postJson, reviewCase, startOn, type Case } from './review-fixture.ts';

let c: Case;
let r: RunningReview;
beforeAll(async () => {
  c = reviewCase();
  r = await startOn(c, { sample: 12 });
});
afterAll(() => r.close());

const byText = (items: any[], s: string) => items.find((i) => `${i.left}${i.match}${i.right}`.includes(s) || i.text === s);

describe('the page', () => {
  test.each(['/', '/app.js', '/dom.js', '/net.js', '/hits.js', '/sentences.js', '/numbers.js', '/style.css'])('%s is served with a strict content security policy and loads nothing remote', async (path) => {
    const res = await fetch(new URL(path, r.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await res.text();
    expect(body).not.toMatch(/https?:\/\/|@import|url\(|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  test('the server listens on the loopback address', () => {
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});

function raw(method: string, path: string, headers: Record<string, string>, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: r.port, method, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('requests another site could send are refused', () => {
  const judgement = () => JSON.stringify({ coder: 'mallory', key: 'x', correct: 'yes' });
  test.each([
    ['no session token', { 'content-type': 'application/json' }, 403],
    ['a token of another session', { 'content-type': 'application/json', 'x-qantar-token': 'f'.repeat(48) }, 403],
    ['a form post', { 'content-type': 'application/x-www-form-urlencoded', 'x-qantar-token': '<token>' }, 415],
    ['another origin', { 'content-type': 'application/json', 'x-qantar-token': '<token>', origin: 'http://evil.example' }, 403],
    ['a cross-site fetch', { 'content-type': 'application/json', 'x-qantar-token': '<token>', 'sec-fetch-site': 'cross-site' }, 403],
    ['a rebound host name', { 'content-type': 'application/json', 'x-qantar-token': '<token>', host: 'evil.example' }, 421],
  ])('%s', async (_name, headers, status) => {
    const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === '<token>' ? r.app.token : v]));
    expect(await raw('POST', '/api/hits', { host: `127.0.0.1:${r.port}`, ...h }, judgement())).toBe(status);
    expect(existsSync(join(c.dir, 'hits', 'mallory-kwic.csv'))).toBe(false);
  });

  test('the session token is not given to a rebound host name', async () => {
    expect(await raw('GET', '/api/session', { host: `evil.example:${r.port}` })).toBe(421);
  });
});

describe('bad decisions are refused with a message and nothing is written', () => {
  test.each([
    ['a coder name that is a path', '/api/hits', { coder: '../x', correct: 'yes' }],
    ['the reserved name consensus', '/api/hits', { coder: 'consensus', correct: 'yes' }],
    ['an unknown hit', '/api/hits', { coder: 'zed', key: 'nope', correct: 'yes' }],
    ['a judgement that is not yes or no', '/api/hits', { coder: 'zed', correct: 'maybe' }],
    ['a use for a false positive', '/api/hits', { coder: 'zed', correct: 'no', use: 'asserted' }],
    ['an unknown use', '/api/hits', { coder: 'zed', correct: 'yes', use: 'implied' }],
    ['an unknown sentence', '/api/units', { coder: 'zed', unitId: 'gov-1:9:00000000', codes: {} }],
    ['a code that is not 1, 0 or ?', '/api/units', { coder: 'zed', codes: { terrorism: 'x' } }],
    ['a use without its frame', '/api/units', { coder: 'zed', codes: { terrorism: '0' }, uses: { terrorism: 'asserted' } }],
  ])('%s', async (_name, path, body) => {
    const key = (await hitsOf(r, 'zed', 'terrorism'))[0].key;
    const unitId = (await getJson(r, '/api/units?coder=zed')).items[0].unitId;
    const res = await postJson(r, path, { key, unitId, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/\w/);
    expect(existsSync(join(c.dir, 'hits', 'zed-kwic.csv')) || existsSync(join(c.dir, 'sentences', 'zed.csv'))).toBe(false);
  });
});

// Two judges on the four terrorism hits; two coders on four sentences (one coded by alice only).
const JUDGEMENTS: Record<string, [string, 'yes' | 'no', string?][]> = {
  alice: [['Terrorists seized', 'yes', 'asserted'], ['Terrorist gangs', 'yes'], ['Nobody spoke', 'no'], ['so-called', 'yes', 'hedged']],
  bob: [['Terrorists seized', 'yes', 'asserted'], ['Terrorist gangs', 'yes'], ['Nobody spoke', 'no'], ['so-called', 'no']],
};
const CODES: Record<string, [string, Record<string, string>, Record<string, string>?][]> = {
  alice: [
    ['Terrorists seized the airport in Almaty.', { terrorism: '1' }, { terrorism: 'asserted' }],
    ['Foreign militants trained abroad joined them.', { terrorism: '1', foreign_interference: '1' }],
    ['Calm returned to the city.', {}],
    ['Anger at corruption grew.', { political_grievance: '1' }],
  ],
  bob: [
    ['Terrorists seized the airport in Almaty.', { terrorism: '1' }, { terrorism: 'asserted' }],
    ['Foreign militants trained abroad joined them.', { foreign_interference: '1' }],
    ['Calm returned to the city.', { terrorism: '?' }],
  ],
};

describe('decisions are sheets that evaluate reads', () => {
  beforeAll(async () => {
    for (const [coder, list] of Object.entries(JUDGEMENTS)) {
      const items = await hitsOf(r, coder, 'terrorism');
      for (const [text, correct, use] of list) expect((await postJson(r, '/api/hits', { coder, key: byText(items, text).key, correct, use })).status).toBe(200);
    }
    for (const [coder, list] of Object.entries(CODES)) {
      const units = (await getJson(r, `/api/units?coder=${coder}`)).items;
      for (const [text, codes, uses] of list) expect((await postJson(r, '/api/units', { coder, unitId: byText(units, text).unitId, codes, uses: uses ?? {} })).status).toBe(200);
    }
  });

  test('each judge\'s precision per pattern counts their own judgements', async () => {
    // alice: 3 correct, 1 false positive on terrorist*; bob: 2 and 2.
    for (const [coder, wrong, precision] of [['alice', 1, 0.75], ['bob', 2, 0.5]] as const) {
      const res = await getJson(r, `/api/hits?coder=${coder}&frame=terrorism`);
      expect(res.patterns[0]).toMatchObject({ pattern: 'terrorist*', judged: 4, hits: 4, wrong, precision });
    }
  });

  test('the KWIC sheet has the columns and values qantar kwic --csv writes, filled', () => {
    const rows = readRows(join(c.dir, 'hits', 'alice-kwic.csv'));
    // In kwic's order, by date: paper-1 (01-04), gov-1 (01-05), paper-2 (01-06), gov-2 (01-07).
    expect(rows.map((x) => [x.doc_id, x.match, x.correct, x.correct_use])).toEqual([
      ['paper-1', 'terrorists', 'no', ''], ['gov-1', 'Terrorists', 'yes', 'asserted'], ['paper-2', 'terrorists', 'yes', 'hedged'], ['gov-2', 'Terrorist', 'yes', '']]);
    expect(Object.keys(rows[0]).slice(0, 4)).toEqual(['hit_id', 'doc_id', 'source', 'date']);
  });

  test('the page\'s numbers are the rows evaluate writes for the same files', async () => {
    const numbers = await getJson(r, '/api/numbers');
    const files = numbers.files as string[];
    expect(files.map((f) => f.split('/').slice(-2).join('/'))).toEqual(['sentences/alice.csv', 'sentences/bob.csv', 'hits/alice-kwic.csv', 'hits/bob-kwic.csv']);
    const out = join(tempDir(), 'out');
    const ev = await runCli(['evaluate', '--gold', ...files, '--corpus', c.corpus, '--lexicon', c.lexicon, '--out', out, '--seed', '7', '--reps', '200', '--no-progress', '--cache', join(c.out, '.cache')]);
    expect(ev.stderr).not.toMatch(/error/);
    expect(ev.code).toBe(0);
    // JSON carries NaN as null; a bound the row lacks is left out.
    const back = (x: number | null | undefined) => (x === null ? NaN : x);
    const rows: ResultRow[] = numbers.rows.map((x: any) => ({ ...x, value: back(x.value), low: back(x.low), high: back(x.high) }));
    expect(formatEvaluationCsv(rows)).toBe(readFileSync(join(out, 'evaluation.csv'), 'utf8'));
    expect(numbers.command).toContain('qantar evaluate --gold');
  });

  test('agreement counts only the sentences both coders coded', async () => {
    const { rows } = await getJson(r, '/api/numbers');
    // alice and bob share three sentences; bob's `?` on terrorism leaves that unit × frame out.
    const kappa = rows.find((x: any) => x.section === 'agreement' && x.frame === 'terrorism' && x.metric === 'cohen_kappa');
    expect(kappa.gold).toBe('alice + bob');
    expect(kappa.n).toBe(2);
  });

  test('each coder is sent only their own codes', async () => {
    const units = (c: string) => getJson(r, `/api/units?coder=${c}`).then((x) => x.items);
    const anger = 'Anger at corruption grew.';
    expect(byText(await units('alice'), anger)).toMatchObject({ coded: true, codes: { political_grievance: '1' } });
    expect(byText(await units('bob'), anger)).toMatchObject({ coded: false, codes: {} });
    expect(byText(await units('carol'), 'Foreign militants trained abroad joined them.').coded).toBe(false);
  });
});

describe('the command line', () => {
  test.each([
    ['--sample and --sheet together', ['--sample', '3', '--sheet', 'x.csv'], /--sample or --sheet, not both/],
    ['a port out of range', ['--port', '70000'], /--port must be a whole number from 0 to 65535/],
    ['a review folder inside the corpus', ['--dir', '<corpus>/review'], /inside --corpus/],
  ])('%s is a usage error (exit 2)', async (_name, args, message) => {
    const a = args.map((x) => x.replace('<corpus>', c.corpus));
    const res = await runCli(['review', '--corpus', c.corpus, '--lexicon', c.lexicon, '--out', c.out, '--no-progress', ...a]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
  });

  test('--help lists the options', async () => {
    const res = await runCli(['review', '--help']);
    expect(res.code).toBe(0);
    for (const o of ['--port', '--dir', '--sample', '--sheet']) expect(res.stdout).toContain(o);
  });
});

describe('a coder changes their mind', () => {
  test('a changed decision replaces the row; clearing the last one removes the file', async () => {
    const units = (await getJson(r, '/api/units?coder=dana')).items;
    const id = units[0].unitId;
    const file = join(c.dir, 'sentences', 'dana.csv');
    await postJson(r, '/api/units', { coder: 'dana', unitId: id, codes: { terrorism: '1' } });
    await postJson(r, '/api/units', { coder: 'dana', unitId: id, codes: { terrorism: '0', security_response: '1' } });
    expect(readRows(file).map((x) => [x.unit_id, x.terrorism, x.security_response])).toEqual([[id, '0', '1']]);
    await postJson(r, '/api/units', { coder: 'dana', unitId: id, codes: null });
    // No decision left: no file, so `evaluate --gold sentences/*.csv` does not count dana as a coder.
    expect(existsSync(file)).toBe(false);
  });
});

describe('the files outlive the server', () => {
  test('a restarted server resumes every coder where they stopped', async () => {
    const c2 = reviewCase();
    const first = await startOn(c2, { sample: 6 });
    const items = await hitsOf(first, 'erin', 'terrorism');
    await postJson(first, '/api/hits', { coder: 'erin', key: items[1].key, correct: 'no' });
    const unit = (await getJson(first, '/api/units?coder=erin')).items[2].unitId;
    await postJson(first, '/api/units', { coder: 'erin', unitId: unit, codes: { terrorism: '1' } });
    const sample = first.app.ws.sample.map((u) => u.unitId);
    await first.close();
    const second = await startOn(c2);
    try {
      expect(second.app.ws.sample.map((u) => u.unitId)).toEqual(sample);
      expect((await hitsOf(second, 'erin', 'terrorism')).map((i) => i.correct)).toEqual(['', 'no', '', '']);
      expect((await getJson(second, '/api/units?coder=erin')).items.map((u: any) => u.coded)).toEqual([false, false, true, false, false, false]);
      expect((await getJson(second, '/api/session')).coders).toEqual(['erin']);
    } finally {
      await second.close();
    }
  });

  test('the sample is the one `qantar sheet` draws with the same size and seed', async () => {
    const c3 = reviewCase();
    const review = await startOn(c3, { sample: 5 });
    await review.close();
    const dir = tempDir();
    const s = await runCli(['sheet', '--sample', '5', '--seed', '7', '--dir', dir, '--corpus', c3.corpus, '--lexicon', c3.lexicon, '--out', c3.out, '--no-progress']);
    expect(s.code).toBe(0);
    expect(review.app.ws.sample.map((u) => u.unitId)).toEqual(readRows(join(dir, 'sample-coder1.csv')).map((x) => x.unit_id));
  });

  test('--sheet codes the sentences of a sheet from `qantar sheet`, in its order', async () => {
    const c5 = reviewCase();
    const dir = tempDir();
    expect((await runCli(['sheet', '--sample', '4', '--seed', '3', '--dir', dir, '--corpus', c5.corpus, '--lexicon', c5.lexicon, '--out', c5.out, '--no-progress'])).code).toBe(0);
    const review = await startOn(c5, { sheet: join(dir, 'sample-coder1.csv') });
    await review.close();
    const ids = readRows(join(dir, 'sample-coder1.csv')).map((x) => x.unit_id);
    expect(review.app.ws.sample.map((u) => u.unitId)).toEqual(ids);
    expect(readRows(join(c5.dir, 'sample.csv')).map((x) => x.unit_id)).toEqual(ids);
  });

  test('a sheet edited by hand with a bad code stops the server from starting, naming path:line', async () => {
    const c4 = reviewCase();
    const first = await startOn(c4, { sample: 4 });
    await postJson(first, '/api/units', { coder: 'fay', unitId: first.app.ws.sample[0].unitId, codes: { terrorism: '1' } });
    await first.close();
    const file = join(c4.dir, 'sentences', 'fay.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/,1,/, ',maybe,'));
    const err = await startOn(c4).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/fay\.csv:2: error `maybe` in column `terrorism` is not a code.*evaluate\/bad-code$/)]);
  });

  test('a file changed by another program while the server runs is not overwritten', async () => {
    const items = await hitsOf(r, 'gus', 'terrorism');
    await postJson(r, '/api/hits', { coder: 'gus', key: items[0].key, correct: 'yes' });
    const file = join(c.dir, 'hits', 'gus-kwic.csv');
    const edited = readFileSync(file, 'utf8').replace(',yes,,,', ',yes,,checked by hand,');
    writeFileSync(file, edited);
    const res = await postJson(r, '/api/hits', { coder: 'gus', key: items[1].key, correct: 'no' });
    expect(res.status).toBe(409);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  test('a sample on disk is kept: asking for a new one is a usage error', async () => {
    await expect(startOn(c, { sample: 3 })).rejects.toThrow(/already holds the sample/);
  });
});
