// The review page: asks who is coding (kept in the address, ?coder=name, so two coders can work in two
// windows), then shows one of three views — Hits, Sentences, Numbers — and sends keys to it. The status
// line says whether every decision has reached the disk.
import { fill, h, inField, plural } from './dom.js';
import { createHits } from './hits.js';
import { createNumbers } from './numbers.js';
import { onStatus, ping, startSession, status, whenRestarted } from './net.js';
import { createSentences } from './sentences.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const main = document.getElementById('main');
const app = { session: null, coder: '', tab: 'hits', views: {} };

function setUrl() {
  const q = new URLSearchParams({ coder: app.coder, tab: app.tab });
  history.replaceState(null, '', `?${q}`);
}

function showTab(tab) {
  app.tab = tab;
  setUrl();
  for (const b of document.querySelectorAll('.tabs button')) b.setAttribute('aria-current', b.dataset.tab === tab ? 'page' : 'false');
  const view = app.views[tab];
  fill(main, view.el);
  view.enter().catch(showError);
}

function showError(e) {
  fill(document.getElementById('status'), h('span', { class: 'error' }, String(e?.message ?? e)));
}

function renderStatus(s) {
  const el = document.getElementById('status');
  if (s.offline) fill(el, h('span', { class: 'error' }, `⚠ the server is not answering${s.pending ? ` — ${plural(s.pending, 'decision')} waiting, sent as soon as it is back` : ''}`));
  else if (s.error) fill(el, h('span', { class: 'error' }, `⚠ not saved: ${s.error}`));
  else if (s.pending) fill(el, h('span', { class: 'saving' }, `saving ${plural(s.pending, 'decision')}…`));
  else fill(el, h('span', { class: 'saved', 'data-testid': 'saved' }, '✓ every decision saved'));
}

function login() {
  document.body.classList.add('login');
  const input = h('input', { id: 'coder-name', name: 'coder', autocomplete: 'off', placeholder: 'your name', 'aria-label': 'Your name', required: true, pattern: NAME.source });
  const go = (name) => {
    if (!NAME.test(name)) return showError('A name is 1–40 letters, digits, ".", "_" or "-".');
    app.coder = name;
    start();
  };
  fill(main, h('section', { class: 'view who-form' },
    h('h2', null, 'Who is coding?'),
    h('p', null, 'Each coder works under their own name and sees only their own decisions. Coders who code the same sentences can be compared.'),
    app.session.coders.length ? h('p', null, 'Continue as: ', app.session.coders.map((c) => h('button', { type: 'button', class: 'coder', onclick: () => go(c) }, c))) : null,
    h('form', { onsubmit: (e) => { e.preventDefault(); go(input.value.trim()); } }, input, ' ', h('button', { type: 'submit' }, 'Start'))));
  input.focus();
}

function start() {
  document.body.classList.remove('login');
  fill(document.getElementById('who'), 'Coding as ', h('b', { 'data-testid': 'coder' }, app.coder), ' · ',
    h('a', { href: '?', onclick: (e) => { e.preventDefault(); app.coder = ''; history.replaceState(null, '', '?'); login(); } }, 'switch coder'));
  app.views = { hits: createHits(app), sentences: createSentences(app), numbers: createNumbers(app) };
  showTab(app.views[app.tab] ? app.tab : 'hits');
}

function onKey(e) {
  if (inField(e)) {
    if (e.key === 'Escape') e.target.blur();
    return;
  }
  if (!app.coder || e.ctrlKey || e.metaKey || e.altKey) return;
  const tabs = { H: 'hits', S: 'sentences', N: 'numbers' };
  if (e.shiftKey && tabs[e.key]) {
    e.preventDefault();
    return showTab(tabs[e.key]);
  }
  if (app.views[app.tab]?.key(e)) e.preventDefault();
}

async function boot() {
  onStatus(renderStatus);
  app.session = await startSession();
  // A restarted server has a new session: read the lists again from its files.
  whenRestarted((s) => {
    app.session = s;
    if (app.coder) app.views[app.tab]?.reload().catch(showError);
  });
  for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => app.coder && showTab(b.dataset.tab));
  document.addEventListener('keydown', onKey);
  // Clicking a button must not leave it focused, or Enter and space would press it again.
  main.addEventListener('mousedown', (e) => {
    if (e.target instanceof Element && e.target.closest('button, li.frame, tr')) e.preventDefault();
  });
  window.addEventListener('beforeunload', (e) => {
    if (status().pending > 0 || app.views.sentences?.unsaved()) e.preventDefault();
  });
  setInterval(() => void ping(), 5000);
  const q = new URLSearchParams(location.search);
  app.tab = q.get('tab') || 'hits';
  const name = (q.get('coder') || '').trim();
  if (NAME.test(name) || app.session.coders.includes(name)) {
    app.coder = name;
    start();
  } else {
    login();
  }
  renderStatus(status());
}

boot().catch(showError);
