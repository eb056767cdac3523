// The Numbers view: agreement among coders, the lexicon against each coder and their consensus, use
// accuracy and KWIC precision — the rows `qantar evaluate` writes to evaluation.csv, computed by the
// server from every coder's file so far, with the command that reproduces them.
import { fill, fmt, h, table, withCi } from './dom.js';
import { getJson } from './net.js';

const find = (rows, section, frame, gold, metric, pattern = '') =>
  rows.find((r) => r.section === section && r.frame === frame && r.gold === gold && r.metric === metric && r.pattern === pattern);
const uniq = (xs) => [...new Set(xs)];
const ci = (r) => (r ? withCi(r.value, r.low, r.high) : '');
const count = (r) => (r ? String(r.value) : '');

function agreement(rows, section, title) {
  const mine = rows.filter((r) => r.section === section);
  if (mine.length === 0) return null;
  const pairs = uniq(mine.filter((r) => r.metric === 'cohen_kappa').map((r) => r.gold));
  const body = uniq(mine.map((r) => r.frame)).map((f) => [f, String(find(mine, section, f, 'all coders', 'krippendorff_alpha')?.n ?? ''),
    fmt(find(mine, section, f, 'all coders', 'percent_agreement')?.value), fmt(find(mine, section, f, 'all coders', 'krippendorff_alpha')?.value),
    ...pairs.map((p) => fmt(find(mine, section, f, p, 'cohen_kappa')?.value))]);
  return [h('h2', null, title), table(['frame', 'units', 'agreement', "Krippendorff's α", ...pairs.map((p) => `Cohen's κ (${p})`)], body, { 'data-testid': section })];
}

function lexicon(rows) {
  const mine = rows.filter((r) => r.section === 'lexicon');
  if (mine.length === 0) return null;
  return [h('h2', null, 'Lexicon against the coders'), h('p', { class: 'hint' }, 'Per sentence and frame: the lexicon says present when the sentence has a hit of the frame. Intervals: bootstrap over sentences.'),
    uniq(mine.map((r) => r.gold)).map((gold) => {
      const get = (f, m) => find(mine, 'lexicon', f, gold, m);
      const body = uniq(mine.filter((r) => r.gold === gold).map((r) => r.frame)).map((f) => [f, ...['tp', 'fp', 'fn', 'tn'].map((m) => count(get(f, m))),
        ci(get(f, 'precision')), ci(get(f, 'recall')), ci(get(f, 'f1')), get(f, 'cohen_kappa') ? fmt(get(f, 'cohen_kappa').value) : '']);
      return [h('h3', null, `Gold: ${gold}`), table(['frame', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'F1', 'κ'], body, { 'data-testid': `lexicon-${gold}` })];
    })];
}

function useAccuracy(rows) {
  const mine = rows.filter((r) => r.section === 'use_accuracy');
  if (mine.length === 0) return null;
  return [h('h2', null, 'Use accuracy'), table(['gold', 'frame', 'use accuracy', 'units'], mine.map((r) => [r.gold, r.frame, fmt(r.value), String(r.n)]))];
}

function kwic(rows) {
  const frames = rows.filter((r) => r.section === 'kwic_frame' && r.metric === 'precision');
  if (frames.length === 0) return null;
  const patterns = rows.filter((r) => r.section === 'kwic_pattern' && r.metric === 'precision');
  const fp = (section, r) => count(find(rows, section, r.frame, r.gold, 'false_positives', r.pattern));
  return [h('h2', null, 'KWIC judgements: precision per frame'),
    table(['frame', 'judged hits', 'false positives', 'precision'], frames.map((r) => [r.frame, String(r.n), fp('kwic_frame', r), ci(r)]), { 'data-testid': 'kwic-frames' }),
    h('h2', null, 'Patterns ranked by false positives'),
    table(['frame', 'pattern', 'judged', 'false positives', 'precision', 'in lexicon now'], patterns.map((r) => [r.frame, h('code', null, r.pattern), String(r.n), fp('kwic_pattern', r), ci(r),
      find(rows, 'kwic_pattern', r.frame, r.gold, 'in_lexicon', r.pattern)?.value === 1 ? 'yes' : 'no']), { 'data-testid': 'kwic-patterns' })];
}

export function createNumbers() {
  const el = h('section', { class: 'view numbers', 'aria-label': 'Numbers' });

  async function load() {
    if (!el.firstChild) fill(el, h('p', { class: 'loading' }, 'Computing the numbers…'));
    const res = await getJson('/api/numbers');
    const parts = [agreement(res.rows, 'agreement', 'Agreement among coders (sentences)'), agreement(res.rows, 'use_agreement', 'Agreement among coders on uses'),
      lexicon(res.rows), useAccuracy(res.rows), agreement(res.rows, 'kwic_agreement', 'Agreement among KWIC judges'), kwic(res.rows)].filter(Boolean);
    fill(el,
      h('div', { class: 'toolbar' }, h('span', null, 'From every coder\'s decisions so far; press ', h('kbd', null, 'r'), ' to refresh.')),
      res.command ? h('p', { class: 'command' }, 'The same numbers from the command line: ', h('code', { 'data-testid': 'evaluate-command' }, res.command)) : null,
      parts.length ? parts : h('p', { class: 'empty' }, 'Nothing coded or judged yet.'),
      h('p', { class: 'hint' }, 'Consensus is the majority code among coders (a tie is left out). Agreement needs two coders who coded the same sentences.'));
  }

  const key = (e) => (e.key === 'r' ? (void load(), true) : false);
  return { el, key, enter: load, reload: load };
}
