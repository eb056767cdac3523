// Talking to the review server. Reads are plain GETs. Decisions go through one queue, in order, and stay
// in it until the server has written them: while the server is down they wait and are retried, and when
// it comes back (a restart gives a new session token) the token is fetched again and they are sent.

let token = '';
let instance = '';
const queue = [];
let busy = false;
let offline = false;
let failures = 0;
let lastError = '';
const listeners = new Set();
let onRestart = () => {};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function getJson(path) {
  const r = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || `${r.status} ${r.statusText}`);
  return body;
}

/** Fetch the session (token, frames, coders). Calls the restart hook when the server is a new one. */
export async function startSession() {
  const s = await getJson('/api/session');
  const restarted = instance !== '' && s.instance !== instance;
  token = s.token;
  instance = s.instance;
  offline = false;
  if (restarted) onRestart(s);
  notify();
  return s;
}

export function whenRestarted(f) {
  onRestart = f;
}

/** Is the server there? Keeps the status line honest while the coder reads. */
export async function ping() {
  try {
    await startSession();
  } catch {
    offline = true;
    notify();
  }
}

export function onStatus(f) {
  listeners.add(f);
}

function notify() {
  const s = status();
  for (const f of listeners) f(s);
}

export function status() {
  return { pending: queue.length, offline, error: lastError };
}

/** Queue a decision; `done(response)` runs once it is saved, `failed(message)` if the server refuses it. */
export function send(path, body, done, failed) {
  queue.push({ path, body, done, failed });
  notify();
  void pump();
}

async function post(path, body) {
  const r = await fetch(path, {
    method: 'POST', cache: 'no-store',
    headers: { 'content-type': 'application/json', 'x-qantar-token': token },
    body: JSON.stringify(body),
  });
  return { ok: r.ok, status: r.status, data: await r.json().catch(() => ({})) };
}

async function pump() {
  if (busy) return;
  busy = true;
  while (queue.length > 0) {
    const job = queue[0];
    let res;
    try {
      res = await post(job.path, job.body);
    } catch {
      // No answer: the server is down or restarting. Keep the decision and try again.
      offline = true;
      notify();
      await sleep(Math.min(5000, 300 * 2 ** failures++));
      continue;
    }
    if (res.status === 403 && res.data.code === 'bad-token') {
      try {
        await startSession();
      } catch {
        await sleep(Math.min(5000, 300 * 2 ** failures++));
      }
      continue;
    }
    offline = false;
    failures = 0;
    queue.shift();
    if (res.ok) {
      lastError = '';
      job.done?.(res.data);
    } else {
      lastError = res.data.error || `the server answered ${res.status}`;
      job.failed?.(lastError);
    }
    notify();
  }
  busy = false;
  notify();
}
