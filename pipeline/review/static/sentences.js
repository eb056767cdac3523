// The Sentences view: blind coding of the sample. One sentence at a time with its neighbours, no lexicon
// output; the coder ticks the frames present, may give each one's use, and saves with Enter. Only the
// coder's own codes are ever loaded. Keys: 1–9 0, ↑ ↓ space, a r q n h, ?, Enter, Esc, u, j/k ← →.
import { fill, h, plural } from './dom.js';
import { getJson, send } from './net.js';

const USES = [['a', 'asserted'], ['r', 'reported'], ['q', 'quoted'], ['n', 'negated'], ['h', 'hedged']];
const FRAME_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export function createSentences(app) {
  const el = h('section', { class: 'view sentences', 'aria-label': 'Code sentences' });
  const st = { items: [], idx: 0, focus: 0, drafts: new Map() };
  const frames = () => app.session.frames;
  const current = () => st.items[st.idx];

  async function load(keepId) {
    const res = await getJson(`/api/units?${new URLSearchParams({ coder: app.coder })}`);
    st.items = res.items;
    const at = keepId ? st.items.findIndex((u) => u.unitId === keepId) : -1;
    st.idx = at >= 0 ? at : Math.max(0, st.items.findIndex((u) => !u.coded));
    render();
  }

  function saved(item) {
    const codes = {};
    const uses = {};
    for (const f of frames()) {
      codes[f.frame] = item.coded ? item.codes[f.frame] ?? '0' : '0';
      uses[f.frame] = item.coded ? item.uses[f.frame] ?? '' : '';
    }
    return { codes, uses };
  }

  const draftOf = (item) => st.drafts.get(item.unitId) ?? saved(item);
  const same = (a, b) => frames().every((f) => a.codes[f.frame] === b.codes[f.frame] && a.uses[f.frame] === b.uses[f.frame]);
  const dirty = (item) => st.drafts.has(item.unitId) && (!item.coded || !same(st.drafts.get(item.unitId), saved(item)));

  function edit(change) {
    const item = current();
    if (!item) return;
    const d = structuredClone(draftOf(item));
    change(d, frames()[st.focus].frame);
    st.drafts.set(item.unitId, d);
    render();
  }

  const toggle = (i) => {
    st.focus = i;
    edit((d, f) => {
      d.codes[f] = d.codes[f] === '1' ? '0' : '1';
      if (d.codes[f] !== '1') d.uses[f] = '';
    });
  };
  const setUse = (u) => edit((d, f) => {
    d.uses[f] = d.uses[f] === u ? '' : u;
    if (d.uses[f]) d.codes[f] = '1';
  });
  const unsure = () => edit((d, f) => {
    d.codes[f] = d.codes[f] === '?' ? '0' : '?';
    d.uses[f] = '';
  });

  function save() {
    const item = current();
    if (!item) return;
    const d = draftOf(item);
    const before = { coded: item.coded, codes: item.codes, uses: item.uses };
    Object.assign(item, { coded: true, codes: d.codes, uses: d.uses });
    st.drafts.delete(item.unitId);
    nextUncoded();
    render();
    send('/api/units', { coder: app.coder, unitId: item.unitId, codes: d.codes, uses: d.uses }, null, () => {
      Object.assign(item, before);
      st.drafts.set(item.unitId, d);
      render();
    });
  }

  function clear() {
    const item = current();
    if (!item || !item.coded) return;
    const before = { coded: item.coded, codes: item.codes, uses: item.uses };
    Object.assign(item, { coded: false, codes: {}, uses: {} });
    st.drafts.delete(item.unitId);
    render();
    send('/api/units', { coder: app.coder, unitId: item.unitId, codes: null }, null, () => {
      Object.assign(item, before);
      render();
    });
  }

  function nextUncoded() {
    for (let i = st.idx + 1; i < st.items.length; i++) if (!st.items[i].coded) return (st.idx = i);
    const first = st.items.findIndex((u) => !u.coded);
    st.idx = first >= 0 ? first : Math.min(st.idx + 1, st.items.length - 1);
  }

  function move(d) {
    st.idx = Math.max(0, Math.min(st.items.length - 1, st.idx + d));
    render();
  }

  function progress() {
    const coded = st.items.filter((u) => u.coded).length;
    const waiting = st.items.filter(dirty).length;
    return h('div', { class: 'progress', 'data-testid': 'units-progress' },
      h('span', null, `${coded.toLocaleString('en-US')} of ${plural(st.items.length, 'sentence')} coded by you`,
        waiting ? ` · ${plural(waiting, 'sentence')} changed but not saved (Enter saves)` : ''),
      h('progress', { max: String(Math.max(1, st.items.length)), value: String(coded) }));
  }

  function frameRow(f, i, d) {
    const code = d.codes[f.frame];
    const mark = code === '1' ? '☑' : code === '?' ? '?' : '☐';
    const uses = USES.map(([k, u]) => h('button', { type: 'button', class: d.uses[f.frame] === u ? 'on' : '', title: `use: ${u}`,
      onclick: (e) => { e.stopPropagation(); st.focus = i; setUse(u); } }, h('kbd', null, k), ` ${u}`));
    return h('li', { class: `frame ${code === '1' ? 'present' : code === '?' ? 'unsure' : ''} ${i === st.focus ? 'focus' : ''}`,
      'data-frame': f.frame, 'aria-checked': code === '1' ? 'true' : code === '?' ? 'mixed' : 'false', role: 'checkbox',
      title: f.description || f.label, onclick: () => toggle(i) },
    h('kbd', { class: 'fkey' }, FRAME_KEYS[i] ?? ' '), h('span', { class: 'mark' }, mark),
    h('span', { class: 'label' }, f.label || f.frame, ' ', h('code', null, f.frame)), h('span', { class: 'uses' }, uses));
  }

  function card() {
    const item = current();
    if (!item) return h('article', { class: 'card empty' }, 'The sample is empty.');
    const d = draftOf(item);
    const state = dirty(item) ? h('span', { class: 'verdict changed' }, 'changed — Enter saves, Esc undoes')
      : item.coded ? h('span', { class: 'verdict yes' }, '✓ coded') : h('span', { class: 'verdict none' }, 'not coded yet');
    return h('article', { class: 'card', 'data-testid': 'unit-card', 'data-unit': item.unitId },
      h('div', { class: 'meta' }, h('span', { class: 'pos' }, `sentence ${st.idx + 1} of ${st.items.length}`), ` · ${item.source} · ${item.date || 'no date'} · `, h('code', null, item.docId)),
      item.previous ? h('p', { class: 'context' }, item.previous) : null,
      h('p', { class: 'sentence', 'data-testid': 'sentence' }, item.text),
      item.next ? h('p', { class: 'context' }, item.next) : null,
      h('div', { class: 'judgement', 'data-testid': 'unit-state' }, state),
      h('ul', { class: 'frames', 'aria-label': 'Frames present in the sentence' }, frames().map((f, i) => frameRow(f, i, d))),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'yes', onclick: save }, h('kbd', null, 'Enter'), ' save and next'),
        h('button', { type: 'button', onclick: clear }, h('kbd', null, 'u'), ' clear my coding')));
  }

  function keyHelp() {
    return h('aside', { class: 'side' }, h('h2', null, 'Coding blind'),
      h('p', { class: 'hint' }, 'Tick every frame the sentence uses, by your codebook; leave the rest. Nothing from the lexicon is shown here, and you see only your own codes.'),
      h('details', { class: 'keys', open: true }, h('summary', null, 'Keys'), h('dl', null,
        [['1–9, 0', 'tick / untick frame 1–10'], ['↑ ↓', 'move between frames'], ['space', 'tick / untick the marked frame'],
          ['a r q n h', 'its use: asserted, reported, quoted, negated, hedged'], ['?', 'unsure about the marked frame'],
          ['Enter', 'save, go to the next sentence not coded'], ['Esc', 'undo unsaved changes'], ['u', 'clear your coding'],
          ['j → / k ←', 'next / previous sentence'], ['Home / End', 'first / last sentence'], ['Shift+H / N', 'hits / numbers']].map(([k, v]) => [h('dt', null, h('kbd', null, k)), h('dd', null, v)]))));
  }

  function render() {
    fill(el, h('div', { class: 'toolbar' }, progress()), h('div', { class: 'layout' }, card(), keyHelp()));
  }

  function key(e) {
    const k = e.key;
    const fi = FRAME_KEYS.indexOf(k);
    const use = USES.find(([u]) => u === k);
    if (fi >= 0 && fi < frames().length) toggle(fi);
    else if (use) setUse(use[1]);
    else if (k === 'ArrowDown') (st.focus = Math.min(frames().length - 1, st.focus + 1), render());
    else if (k === 'ArrowUp') (st.focus = Math.max(0, st.focus - 1), render());
    else if (k === ' ') toggle(st.focus);
    else if (k === '?') unsure();
    else if (k === 'Enter') save();
    else if (k === 'Escape') (current() && st.drafts.delete(current().unitId), render());
    else if (k === 'u' || k === 'Backspace') clear();
    else if (k === 'j' || k === 'ArrowRight') move(1);
    else if (k === 'k' || k === 'ArrowLeft') move(-1);
    else if (k === 'Home') move(-Infinity);
    else if (k === 'End') move(Infinity);
    else return false;
    return true;
  }

  return { el, key, enter: () => load(current()?.unitId), reload: () => load(current()?.unitId), unsaved: () => st.items.some(dirty) };
}
