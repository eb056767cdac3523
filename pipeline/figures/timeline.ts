// Figure 3: securitizing and grievance rates per 1,000 words by document date (day level, UTC), pooled
// over every document of the day, with the January 2022 chronology as numbered markers and a key below.
// Documents dated only to a month or a year, or not at all, cannot be placed on a day and are left out;
// dateCoverage() counts them for the caption.
import { eventsWithin } from './chronology.ts';
import type { DocRow, FigureTables } from './tables.ts';
import { BASE_CONFIG, FAMILY_COLOURS, OKABE_ITO, placeholderSpec, SCHEMA, type Spec } from './theme.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface DateCoverage {
  day: number;
  month: number;
  year: number;
  undated: number;
  first: string;
  last: string;
}

/** A valid calendar day as UTC milliseconds, or undefined (`2022-02-30` is not a day). */
export function dayMs(date: string): number | undefined {
  const m = DAY.exec(date);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : undefined;
}

export function dateCoverage(docs: readonly DocRow[]): DateCoverage {
  const c: DateCoverage = { day: 0, month: 0, year: 0, undated: 0, first: '', last: '' };
  for (const d of docs) {
    if (dayMs(d.date) !== undefined) {
      c.day++;
      if (!c.first || d.date < c.first) c.first = d.date;
      if (!c.last || d.date > c.last) c.last = d.date;
    } else if (/^\d{4}-\d{2}$/.test(d.date)) c.month++;
    else if (/^\d{4}$/.test(d.date)) c.year++;
    else c.undated++;
  }
  return c;
}

export interface DayPoint {
  day: number;
  family: string;
  rate: number;
  words: number;
  docs: number;
}

/** Pool each day's documents: rate = 1000 × hits / words of that day; days without words are dropped. */
export function dayPoints(docs: readonly DocRow[]): DayPoint[] {
  const days = new Map<number, { sec: number; griev: number; words: number; docs: number }>();
  for (const d of docs) {
    const ms = dayMs(d.date);
    if (ms === undefined) continue;
    const s = days.get(ms) ?? { sec: 0, griev: 0, words: 0, docs: 0 };
    s.sec += d.sec;
    s.griev += d.griev;
    s.words += d.words;
    s.docs++;
    days.set(ms, s);
  }
  return [...days.entries()].sort(([a], [b]) => a - b).filter(([, s]) => s.words > 0).flatMap(([day, s]) => [
    { day, family: 'securitizing', rate: (1000 * s.sec) / s.words, words: s.words, docs: s.docs },
    { day, family: 'grievance', rate: (1000 * s.griev) / s.words, words: s.words, docs: s.docs },
  ]);
}

const WIDTH = 760;
const MARKER_GAP = 12;

/** Stack marker numbers that would touch: each goes on the lowest level with room for it. */
export function markerLevels(days: readonly number[], domain: readonly number[], width = WIDTH): number[] {
  const lastX: number[] = [];
  return days.map((d) => {
    const x = ((d - domain[0]) / (domain[1] - domain[0])) * width;
    let level = lastX.findIndex((l) => x - l >= MARKER_GAP);
    if (level < 0) level = lastX.length;
    lastX[level] = x;
    return level;
  });
}

export function timelineSpec(t: FigureTables): Spec {
  const title = 'Securitizing and grievance framing over time';
  const points = dayPoints(t.docs);
  if (points.length === 0) return placeholderSpec(title, 'No document has a day-level date (YYYY-MM-DD) and words, so there is nothing to place in time.');
  const cov = dateCoverage(t.docs);
  const domain = [points[0].day - MS_PER_DAY, points[points.length - 1].day + MS_PER_DAY];
  const within = eventsWithin(cov.first, cov.last);
  const levels = markerLevels(within.map((e) => dayMs(e.date)!), domain);
  const events = within.map((e, i) => ({ ...e, day: dayMs(e.date)!, y: -6 - 11 * levels[i], key: `${e.n}  ${e.date}  ${e.label}` }));
  const x = { field: 'day', type: 'temporal', title: null, scale: { type: 'utc', domain }, axis: { format: '%-d %b', labelAngle: 0, labelOverlap: true, grid: false } };
  const y = { field: 'rate', type: 'quantitative', title: 'hits per 1,000 words' };
  const colour = { field: 'family', type: 'nominal', title: 'frame family', scale: { domain: ['securitizing', 'grievance'], range: [FAMILY_COLOURS.securitizing, FAMILY_COLOURS.grievance] } };
  const layers: object[] = [
    { mark: { type: 'line', strokeWidth: 1.5, opacity: 0.8 }, encoding: { x, y, color: colour } },
    { mark: { type: 'point', filled: true, opacity: 0.9 }, encoding: { x, y, color: colour, size: { field: 'words', type: 'quantitative', title: 'words that day', scale: { range: [15, 160], zero: false } } } },
  ];
  if (events.length) {
    layers.unshift(
      { data: { values: events }, mark: { type: 'rule', color: OKABE_ITO.grey, strokeDash: [3, 3] }, encoding: { x } },
      { data: { values: events }, mark: { type: 'text', baseline: 'bottom', fontSize: 10, fontWeight: 'bold', color: '#333333' }, encoding: { x, y: { field: 'y', type: 'quantitative', scale: null }, text: { field: 'n', type: 'nominal' } } },
    );
  }
  const chart = { width: WIDTH, height: 260, data: { values: points }, layer: layers };
  const key = {
    width: WIDTH,
    height: events.length * 15,
    data: { values: events },
    mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 10, color: '#333333' },
    encoding: { text: { field: 'key', type: 'nominal' }, x: { value: 0 }, y: { field: 'n', type: 'quantitative', scale: { domain: [1, Math.max(2, events.length + 1)], range: [0, events.length * 15] }, axis: null } },
    view: { stroke: null },
  };
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: `Counting ${t.uses.join(' + ')} uses, pooled over each day's documents; point size = words that day. Dates in UTC.` },
    vconcat: events.length ? [chart, key] : [chart],
    spacing: 14,
    config: BASE_CONFIG,
  } as unknown as Spec;
}
