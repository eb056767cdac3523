// The figure stage's pure parts: label wrapping, date handling and daily pooling, chronology markers,
// the per-language bootstrap, use shares and the captions built from the tables.
import { describe, expect, test } from 'vitest';
import { eventsWithin, JANUARY_2022 } from '../pipeline/figures/chronology.ts';
import { rateWithInterval } from '../pipeline/figures/langs.ts';
import { planFigures, timelineNote } from '../pipeline/figures/plan.ts';
import { mergeFrames, parseUsesLabel, readFigureTables, type DocRow, type FigureTables, type GroupFrameRow } from '../pipeline/figures/tables.ts';
import { LINE_BREAK, wrapLabel } from '../pipeline/figures/theme.ts';
import { dateCoverage, dayMs, dayPoints, markerLevels } from '../pipeline/figures/timeline.ts';
import { ALL_SECURITIZING, useShares } from '../pipeline/figures/uses.ts';
import { sampleDocs, TEST_FRAMES, writeTables } from './support/figure-tables.ts';

const doc = (over: Partial<DocRow>): DocRow => ({ docId: 'd', group: 'g', date: '', lang: 'en', words: 100, sec: 0, griev: 0, ...over });

describe('wrapLabel', () => {
  test.each([
    ['ngo', 30, 2, ['ngo']],
    ['media-international', 10, 2, ['media-', 'internati…']],
    ['a very long group name that goes on', 12, 3, ['a very long', 'group name', 'that goes on']],
    ['Colour revolution / orchestrated overthrow', 22, 3, ['Colour revolution /', 'orchestrated overthrow']],
    ['abcdefghijklmnopqrstuvwxyz', 10, 3, ['abcdefghij', 'klmnopqrst', 'uvwxyz']],
    ['one two three four five six', 8, 2, ['one two', 'three f…']],
  ])('%s at width %i, %i lines', (text, width, lines, expected) => {
    expect(wrapLabel(text, width, lines).split(LINE_BREAK)).toEqual(expected);
  });

  test('keeps every character of a label that fits, so two groups never wrap to the same label', () => {
    for (const s of ['official-kz', 'official-kz ', 'Первый канал', 'src_1/a-b']) expect(wrapLabel(s, 5, 9).split(LINE_BREAK).join('').replace(/\s/g, '')).toBe(s.replace(/\s/g, ''));
  });
});

describe('dates', () => {
  test.each([
    ['2022-01-05', Date.UTC(2022, 0, 5)],
    ['2022-02-30', undefined],
    ['2022-01', undefined],
    ['2022', undefined],
    ['', undefined],
    ['05.01.2022', undefined],
  ])('dayMs(%j)', (date, ms) => {
    expect(dayMs(date)).toBe(ms);
  });

  test('coverage counts day-level, month-only, year-only and undated documents separately', () => {
    const docs = ['2022-01-07', '2022-01-02', '2022-01', '2022-02', '2022', '', '2022-13-01'].map((date) => doc({ date }));
    expect(dateCoverage(docs)).toEqual({ day: 2, month: 2, year: 1, undated: 2, first: '2022-01-02', last: '2022-01-07' });
  });

  test('a day pools its documents as a ratio of sums, not a mean of rates', () => {
    const points = dayPoints([doc({ date: '2022-01-05', sec: 2, words: 100 }), doc({ date: '2022-01-05', sec: 0, words: 300 }), doc({ date: '2022-01', sec: 9, words: 10 })]);
    expect(points).toEqual([
      { day: Date.UTC(2022, 0, 5), family: 'securitizing', rate: 5, words: 400, docs: 2 },
      { day: Date.UTC(2022, 0, 5), family: 'grievance', rate: 0, words: 400, docs: 2 },
    ]);
  });

  test('a day whose documents have no words is left out instead of dividing by zero', () => {
    expect(dayPoints([doc({ date: '2022-01-05', words: 0 })])).toEqual([]);
  });
});

describe('chronology markers', () => {
  test('only events inside the corpus date range are drawn, numbered from 1', () => {
    expect(eventsWithin('2022-01-06', '2022-01-08').map((e) => [e.n, e.date])).toEqual([[1, '2022-01-06'], [2, '2022-01-07'], [3, '2022-01-08']]);
    expect(eventsWithin('2019-03-01', '2019-04-30')).toEqual([]);
  });

  test('every event is a real January 2022 day', () => {
    for (const e of JANUARY_2022) expect(dayMs(e.date), e.date).toBeDefined();
  });

  test('markers that would touch are stacked; distant ones share the first level', () => {
    const day = 86_400_000;
    expect(markerLevels([0, day, 2 * day, 30 * day], [0, 30 * day], 300)).toEqual([0, 1, 0, 0]);
  });
});

describe('per-language bootstrap', () => {
  const b = { seed: 3, reps: 500 };
  test('the point estimate is the ratio of sums and lies inside its interval', () => {
    const docs = [doc({ sec: 1, words: 100 }), doc({ sec: 5, words: 200 }), doc({ sec: 0, words: 300 }), doc({ sec: 2, words: 50 })];
    const r = rateWithInterval(docs, (d) => d.sec, b);
    expect(r.rate).toBeCloseTo((1000 * 8) / 650, 10);
    expect(r.low).toBeLessThanOrEqual(r.rate);
    expect(r.high).toBeGreaterThanOrEqual(r.rate);
    expect(r.high).toBeGreaterThan(r.low);
  });

  test('identical documents give an interval of width zero, and the same seed the same interval', () => {
    const same = [doc({ sec: 3 }), doc({ sec: 3 }), doc({ sec: 3 })];
    expect(rateWithInterval(same, (d) => d.sec, b)).toEqual({ rate: 30, low: 30, high: 30 });
    const mixed = [doc({ sec: 1 }), doc({ sec: 4 }), doc({ sec: 9 })];
    expect(rateWithInterval(mixed, (d) => d.sec, b)).toEqual(rateWithInterval(mixed, (d) => d.sec, b));
  });

  test('no documents give no numbers rather than an error', () => {
    const r = rateWithInterval([], (d) => d.sec, b);
    expect([r.rate, r.low, r.high].every(Number.isNaN)).toBe(true);
  });
});

describe('tables', () => {
  test('frames keep lexicon order and labels; a frame only the tables know is kept by id, one they lack is dropped', () => {
    const rows = [{ frame: 'economic_grievance', family: 'grievance' }, { frame: 'terrorism', family: 'securitizing' }, { frame: 'new_frame', family: 'other' }] as GroupFrameRow[];
    expect(mergeFrames(TEST_FRAMES, rows).map((f) => [f.frame, f.label])).toEqual([['terrorism', 'Terrorism'], ['economic_grievance', 'Economic grievance'], ['new_frame', 'new_frame']]);
  });

  test.each([['asserted', ['asserted']], ['asserted+reported', ['asserted', 'reported']], [undefined, ['asserted']]])('uses label %j', (label, uses) => {
    expect(parseUsesLabel(label)).toEqual(uses);
  });

  test('per-document sums count only the comparison uses, and each document keeps its date and language', async () => {
    const t = await readFigureTables(writeTables(sampleDocs()), TEST_FRAMES);
    const bbc = t.docs.find((d) => d.docId === 'bbc-1')!;
    expect([bbc.sec, bbc.griev, bbc.group]).toEqual([0, 6, 'media-international']); // its 3 securitizing hits are reported or quoted
    expect(t.docs.find((d) => d.docId === 'kz-2')).toMatchObject({ lang: 'ru', date: '2022-01-07', sec: 6, words: 300 });
    expect(t.groups).toEqual(['media-international', 'ngo', 'official-kz']);
  });
});

describe('use shares', () => {
  test('shares of each group and panel sum to one; the family panel adds up the frames', async () => {
    const t: FigureTables = await readFigureTables(writeTables(sampleDocs()), TEST_FRAMES);
    const { shares, totals } = useShares(t);
    const sum = new Map<string, number>();
    for (const s of shares) sum.set(`${s.group}|${s.frame}`, (sum.get(`${s.group}|${s.frame}`) ?? 0) + s.share);
    for (const v of sum.values()) expect(v).toBeCloseTo(1, 12);
    const ngo = shares.filter((s) => s.group === 'ngo' && s.frame === ALL_SECURITIZING);
    expect(Object.fromEntries(ngo.map((s) => [s.use, s.hits]))).toEqual({ asserted: 0, reported: 0, quoted: 0, negated: 3, hedged: 1 });
    expect(totals.find((x) => x.group === 'official-kz' && x.frame === ALL_SECURITIZING)!.n).toBe(14);
    expect(totals.find((x) => x.group === 'ngo' && x.frame === 'Foreign interference')!.n).toBe(0);
  });
});

describe('captions', () => {
  test('the time caption names the documents it leaves out and why', async () => {
    const t = await readFigureTables(writeTables(sampleDocs()), TEST_FRAMES);
    expect(timelineNote(t)).toBe('Shown: 5 documents with a day-level date (2022-01-04 to 2022-01-12). Left out, as they cannot be placed on a day: 1 document dated only to a month, 1 undated document.');
  });

  test('captions state the seed and replicates of their intervals', async () => {
    const t = await readFigureTables(writeTables(sampleDocs()), TEST_FRAMES);
    const plan = planFigures(t, { seed: 4242, reps: 1234 });
    expect(plan.map((p) => p.name)).toEqual(['fig1-frame-rates', 'fig2-competing-index', 'fig3-timeline', 'fig4-heatmap', 'fig5-uses', 'fig6-languages']);
    for (const name of ['fig1-frame-rates', 'fig2-competing-index', 'fig6-languages']) expect(plan.find((p) => p.name === name)!.caption).toContain('B = 1,234, seed 4242');
  });
});
