// The Hits view: the lexicon's hits of one frame (or one of its patterns) in context, one at a time, each
// judged correct or false positive with one key; the coder's own precision per pattern, worst first,
// beside it. Keys: y n 1–5 u, j/k or arrows, space, f p o.
import { fill, h, plural, table, withCi } from './dom.js';
import { getJson, send } from './net.js';

const USE_KEYS = ['asserted', 'reported', 'quoted', 'negated', 'hedged'];

export function createHits(app) {
  const el = h('section', { class: 'view hits', 'aria-label': 'Judge hits' });
  const st = {
    frame: localStorage.getItem('qantar.frame') || '',
    pattern: '',
    order: localStorage.getItem('qantar.order') || 'random',
    items: [],
    patterns: [],
    idx: 0,
  };
  const visible = () => (st.pattern ? st.items.filter((i) => i.pattern === st.pattern) : st.items);
  const current = () => visible()[st.idx];

  async function load(keepKey) {
    const frames = app.session.frames;
    if (!frames.some((f) => f.frame === st.frame)) st.frame = (frames.find((f) => f.hits > 0) ?? frames[0])?.frame ?? '';
    if (!st.frame) return fill(el, h('p', null, 'The lexicon has no frames.'));
    const q = new URLSearchParams({ coder: app.coder, frame: st.frame, order: st.order });
    const res = await getJson(`/api/hits?${q}`);
    st.items = res.items;
    st.patterns = res.patterns;
    if (st.pattern && !st.items.some((i) => i.pattern === st.pattern)) st.pattern = '';
    const list = visible();
    const at = keepKey ? list.findIndex((i) => i.key === keepKey) : -1;
    st.idx = at >= 0 ? at : Math.max(0, list.findIndex((i) => !i.correct));
    render();
  }

  function choose(frame, pattern) {
    st.frame = frame;
    st.pattern = pattern;
    localStorage.setItem('qantar.frame', frame);
    void load();
  }

  function next(unjudgedOnly) {
    const list = visible();
    for (let i = st.idx + 1; i < list.length; i++) {
      if (!unjudgedOnly || !list[i].correct) return (st.idx = i);
    }
    if (unjudgedOnly) {
      const first = list.findIndex((i) => !i.correct);
      if (first >= 0) return (st.idx = first);
    }
    st.idx = Math.min(st.idx + 1, Math.max(0, list.length - 1));
  }

  function judge(correct, use) {
    const item = current();
    if (!item) return;
    const before = { correct: item.correct, correctUse: item.correctUse };
    item.correct = correct ?? '';
    item.correctUse = use ?? '';
    if (correct) next(true);
    render();
    send('/api/hits', { coder: app.coder, key: item.key, correct, use: use ?? null }, (res) => {
      st.patterns = res.patterns;
      renderSide();
    }, () => {
      Object.assign(item, before);
      render();
    });
  }

  function progress() {
    const all = st.items.length;
    const judged = st.items.filter((i) => i.correct).length;
    const line = [`${judged.toLocaleString('en-US')} of ${plural(all, 'hit')} judged in ${st.frame}`];
    if (st.pattern) {
      const list = visible();
      line.unshift(`${list.filter((i) => i.correct).length} of ${plural(list.length, 'hit')} of ${st.pattern} judged · `);
    }
    return h('div', { class: 'progress', 'data-testid': 'hits-progress' }, h('span', null, line.join('')),
      h('progress', { max: String(Math.max(1, all)), value: String(judged) }));
  }

  function toolbar() {
    const frames = h('select', { id: 'frame-select', 'aria-label': 'Frame', onchange: (e) => choose(e.target.value, '') },
      app.session.frames.map((f) => h('option', { value: f.frame, selected: f.frame === st.frame }, `${f.frame} (${f.hits})`)));
    const patterns = [...new Set(st.items.map((i) => i.pattern))].sort();
    const pattern = h('select', { id: 'pattern-select', 'aria-label': 'Pattern', onchange: (e) => choose(st.frame, e.target.value) },
      h('option', { value: '' }, 'all patterns'), patterns.map((p) => h('option', { value: p, selected: p === st.pattern }, p)));
    const order = h('select', { id: 'order-select', 'aria-label': 'Order', onchange: (e) => setOrder(e.target.value) },
      h('option', { value: 'random', selected: st.order === 'random' }, 'random order (seeded)'),
      h('option', { value: 'date', selected: st.order === 'date' }, 'by date and document'));
    return h('div', { class: 'toolbar' },
      h('label', null, 'Frame ', frames, h('kbd', null, 'f')), h('label', null, 'Pattern ', pattern, h('kbd', null, 'p')),
      h('label', null, 'Order ', order, h('kbd', null, 'o')), progress());
  }

  function setOrder(order) {
    st.order = order;
    localStorage.setItem('qantar.order', order);
    void load(current()?.key);
  }

  function verdict(item) {
    if (item.correct === 'yes') return h('span', { class: 'verdict yes' }, '✓ correct', item.correctUse ? ` · use: ${item.correctUse}` : '');
    if (item.correct === 'no') return h('span', { class: 'verdict no' }, '✗ false positive');
    return h('span', { class: 'verdict none' }, 'not judged yet');
  }

  function card() {
    const item = current();
    const list = visible();
    if (!item) return h('article', { class: 'card empty' }, 'No hits here.');
    const useButtons = USE_KEYS.map((u, i) => h('button', { type: 'button', class: item.use === u ? 'lexicon-use' : '', onclick: () => judge('yes', u) }, h('kbd', null, String(i + 1)), ` ${u}`));
    return h('article', { class: 'card', 'data-testid': 'hit-card', 'data-key': item.key },
      h('div', { class: 'meta' }, h('span', { class: 'pos' }, `hit ${st.idx + 1} of ${list.length}`), ` · ${item.source} · ${item.date || 'no date'} · `, h('code', null, item.docId)),
      item.before ? h('p', { class: 'context' }, item.before) : null,
      h('p', { class: 'kwic', 'data-testid': 'kwic' }, item.left, h('mark', null, item.match), item.right),
      item.after ? h('p', { class: 'context' }, item.after) : null,
      h('div', { class: 'lexicon' }, 'pattern ', h('code', null, item.pattern), ' · the lexicon reads its use as ', h('b', null, item.use)),
      h('div', { class: 'judgement', 'data-testid': 'verdict' }, 'Your judgement: ', verdict(item)),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'yes', onclick: () => judge('yes') }, h('kbd', null, 'y'), ' correct'),
        h('button', { type: 'button', class: 'no', onclick: () => judge('no') }, h('kbd', null, 'n'), ' false positive'),
        h('span', { class: 'sep' }, 'correct, and the use is:'), useButtons,
        h('button', { type: 'button', onclick: () => judge(null) }, h('kbd', null, 'u'), ' clear')));
  }

  const side = h('aside', { class: 'side' });

  function renderSide() {
    const rows = st.patterns.map((p) => h('tr', { class: p.pattern === st.pattern ? 'chosen' : '', tabindex: '0', title: 'show only this pattern',
      onclick: () => choose(st.frame, p.pattern === st.pattern ? '' : p.pattern),
      onkeydown: (e) => { if (e.key === 'Enter') choose(st.frame, p.pattern === st.pattern ? '' : p.pattern); } },
    h('td', null, h('code', null, p.pattern)), h('td', { class: 'n' }, `${p.judged}/${p.hits}`), h('td', { class: 'n' }, String(p.wrong)),
    h('td', { class: 'n' }, p.judged ? withCi(p.precision, p.low, p.high, 2) : '—')));
    fill(side, h('h2', null, 'Your precision per pattern'), h('p', { class: 'hint' }, 'Worst first: most false positives, then lowest precision (Wilson 95% interval). Click a pattern to judge only its hits.'),
      table(['pattern', 'judged', 'false pos.', 'precision'], rows, { class: 'patterns', 'data-testid': 'pattern-table' }), keyHelp());
  }

  function render() {
    fill(el, toolbar(), h('div', { class: 'layout' }, card(), side));
    renderSide();
  }

  function keyHelp() {
    return h('details', { class: 'keys', open: true }, h('summary', null, 'Keys'), h('dl', null,
      [['y', 'correct'], ['n', 'false positive (wrong frame here)'], ['1–5', 'correct, and the use is asserted / reported / quoted / negated / hedged'],
        ['u', 'clear your judgement'], ['j ↓ →', 'next hit'], ['k ↑ ←', 'previous hit'], ['space', 'next hit not judged yet'], ['Home / End', 'first / last hit'],
        ['f / p / o', 'choose frame / pattern / order'], ['Shift+S / N', 'sentences / numbers']].map(([k, v]) => [h('dt', null, h('kbd', null, k)), h('dd', null, v)])));
  }

  function key(e) {
    const k = e.key;
    if (k === 'y') judge('yes');
    else if (k === 'n') judge('no');
    else if (/^[1-5]$/.test(k)) judge('yes', USE_KEYS[Number(k) - 1]);
    else if (k === 'u' || k === 'Backspace') judge(null);
    else if (k === 'j' || k === 'ArrowDown' || k === 'ArrowRight') move(1);
    else if (k === 'k' || k === 'ArrowUp' || k === 'ArrowLeft') move(-1);
    else if (k === ' ') (next(true), render());
    else if (k === 'Home') move(-Infinity);
    else if (k === 'End') move(Infinity);
    else if (k === 'f') document.getElementById('frame-select')?.focus();
    else if (k === 'p') document.getElementById('pattern-select')?.focus();
    else if (k === 'o') setOrder(st.order === 'random' ? 'date' : 'random');
    else return false;
    return true;
  }

  function move(d) {
    st.idx = Math.max(0, Math.min(visible().length - 1, st.idx + d));
    render();
  }

  return { el, key, enter: () => load(current()?.key), reload: () => load(current()?.key) };
}

