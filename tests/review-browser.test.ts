// The review page driven in headless Chromium (Debian's `chromium`, through playwright-core) as coders
// use it: judging hits with keys, two coders coding the same sentences blind, the server killed and
// restarted mid-session, and a corpus full of markup that must show as text. The server runs as the real
// command (`node bin/qantar.js review`) in a child process. Skipped when /usr/bin/chromium is absent.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './support/cli.ts';
import { tempDir } from './support/fixtures.ts';
import { readRows } from './coder-fixture.ts';
import { reviewCase, type Case } from './review-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`review browser tests SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium); .ci/run installs it`);

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

interface Server {
  url: string;
  child: ChildProcess;
}

/** `qantar review` as a user starts it; resolves with the URL it prints. */
function startServer(c: Case, extra: string[]): Promise<Server> {
  const child = spawn(process.execPath, [join(REPO, 'bin/qantar.js'), 'review', '--corpus', c.corpus, '--lexicon', c.lexicon, '--out', c.out,
    '--seed', '7', '--reps', '200', '--workers', '1', '--no-progress', ...extra], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((res, rej) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) res({ url: m[1], child });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => rej(new Error(`qantar review exited (${code}) before it printed its URL:\n${err}`)));
  });
}

function stop(s: Server | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    s.child.once('exit', () => res());
    s.child.kill(signal);
  });
}

let browser: BrowserContext;

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  return page;
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
/** Switch the hits to date order (o), wait for the list, go to its first hit (Home). */
async function byDate(page: Page): Promise<void> {
  await page.keyboard.press('o');
  await expect.poll(() => page.locator('#order-select').inputValue()).toBe('date');
  await page.keyboard.press('Home');
}
const saved = (page: Page) => page.getByTestId('saved').waitFor({ timeout: 20_000 });

describe.skipIf(!HAVE_CHROMIUM)('the review page in Chromium', () => {
  beforeAll(async () => {
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'qantar-chromium-')), {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 800 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('judging hits', () => {
    let c: Case;
    let server: Server;
    beforeAll(async () => {
      c = reviewCase();
      server = await startServer(c, ['--port', '0', '--sample', '12']);
    });
    afterAll(() => stop(server));

    test('keys judge the hits, the precision table follows and the KWIC sheet holds the judgements', async () => {
      const page = await openPage(`${server.url}?coder=alice`);
      await page.getByTestId('hit-card').waitFor();
      await byDate(page); // paper-1, gov-1, paper-2, gov-2
      await expect.poll(() => page.getByTestId('hit-card').getAttribute('data-key')).toMatch(/^paper-1:/);
      for (const k of ['n', '1', 'y', 'y']) await page.keyboard.press(k);
      await saved(page);
      expect(await text(page, 'hits-progress')).toContain('4 of 4 hits judged in terrorism');
      const first = await page.getByTestId('pattern-table').locator('tbody tr').first().innerText();
      expect(first.split(/\s+/)).toEqual(['terrorist*', '4/4', '1', '0.75', '[0.30,', '0.95]']);
      const rows = () => readRows(join(c.dir, 'hits', 'alice-kwic.csv')).map((r) => [r.doc_id, r.correct, r.correct_use]);
      expect(rows()).toEqual([['paper-1', 'no', ''], ['gov-1', 'yes', 'asserted'], ['paper-2', 'yes', ''], ['gov-2', 'yes', '']]);
      await page.keyboard.press('u'); // clear the last one
      await saved(page);
      await expect.poll(rows).toHaveLength(3);
      expect(await text(page, 'hits-progress')).toContain('3 of 4 hits judged');
      expect(await text(page, 'verdict')).toContain('not judged yet');
    });
  });

  describe('coding sentences as two coders', () => {
    let c: Case;
    let server: Server;
    beforeAll(async () => {
      c = reviewCase();
      server = await startServer(c, ['--port', '0', '--sample', '12']);
    });
    afterAll(() => stop(server));

    // The sample in date order starts with paper-1: gas prices | gas station | nobody spoke of terrorists.
    // Frame keys follow frames.csv: 1 terrorism … 4 economic_grievance.
    test('each coder codes blind and sees only their own codes; agreement is what evaluate reports', async () => {
      const alice = await openPage(`${server.url}?coder=alice&tab=sentences`);
      const bob = await openPage(`${server.url}?coder=bob&tab=sentences`);
      await alice.getByTestId('unit-card').waitFor();
      expect(await text(alice, 'sentence')).toBe('Protesters demanded lower gas prices.');
      for (const k of ['4', 'a', 'Enter', 'Enter', 'Enter']) await alice.keyboard.press(k);
      await saved(alice);
      expect(await text(alice, 'units-progress')).toContain('3 of 12 sentences coded by you');

      await bob.reload();
      await bob.getByTestId('unit-card').waitFor();
      expect(await text(bob, 'sentence')).toBe('Protesters demanded lower gas prices.');
      expect(await text(bob, 'unit-state')).toBe('not coded yet');
      expect(await bob.locator('li.frame[aria-checked="true"]').count()).toBe(0);
      for (const k of ['4', 'Enter', '4', 'Enter', 'Enter']) await bob.keyboard.press(k);
      await saved(bob);

      await alice.reload();
      await alice.getByTestId('unit-card').waitFor();
      await alice.keyboard.press('k'); // alice resumes at sentence 4; back to the gas station
      await alice.keyboard.press('k');
      expect(await text(alice, 'sentence')).toBe('The gas station on the corner was closed.');
      expect(await alice.locator('li.frame[data-frame="economic_grievance"]').getAttribute('aria-checked')).toBe('false');

      const rows = (who: string) => readRows(join(c.dir, 'sentences', `${who}.csv`)).map((r) => [r.text, r.economic_grievance, r.economic_grievance_use]);
      expect(rows('alice')).toEqual([['Protesters demanded lower gas prices.', '1', 'asserted'], ['The gas station on the corner was closed.', '0', ''], ['Nobody spoke of terrorists then.', '0', '']]);
      expect(rows('bob').map((r) => r[1])).toEqual(['1', '1', '0']);

      await alice.keyboard.press('Shift+N');
      const row = alice.getByTestId('agreement').locator('tr', { hasText: 'economic_grievance' });
      // By hand: pairs (1,1) (0,1) (0,0): n = 6, three 1s and three 0s, two disagreeing pairs;
      // α = 1 − (n − 1)·2 / (2·3·3) = 1 − 10/18 = 0.444.
      await expect.poll(() => row.innerText()).toContain('0.444');
      const out = join(tempDir(), 'out');
      const files = ['alice', 'bob'].map((w) => join(c.dir, 'sentences', `${w}.csv`));
      const ev = await runCli(['evaluate', '--gold', ...files, '--corpus', c.corpus, '--lexicon', c.lexicon, '--out', out, '--seed', '7', '--reps', '200', '--no-progress', '--cache', join(c.out, '.cache')]);
      expect(ev.code).toBe(0);
      const alpha = readRows(join(out, 'evaluation.csv')).find((r) => r.section === 'agreement' && r.frame === 'economic_grievance' && r.metric === 'krippendorff_alpha')!;
      expect(alpha.value).toBe('0.4444');
      expect(await text(alice, 'evaluate-command')).toContain('qantar evaluate --gold');
    });
  });

  describe('a server restart mid-session', () => {
    let c: Case;
    let server: Server | undefined;
    afterAll(() => stop(server));

    test('a decision made while the server is down is saved when it is back; a reload resumes', async () => {
      c = reviewCase();
      const port = await freePort();
      server = await startServer(c, ['--port', String(port), '--sample', '12']);
      const page = await openPage(`${server.url}?coder=carol`);
      await page.getByTestId('hit-card').waitFor();
      await byDate(page);
      await expect.poll(() => page.getByTestId('hit-card').getAttribute('data-key')).toMatch(/^paper-1:/);
      await page.keyboard.press('y');
      await saved(page);
      await stop(server, 'SIGKILL');
      await page.keyboard.press('n');
      await expect.poll(() => page.locator('#status').innerText(), { timeout: 15_000 }).toContain('1 decision waiting');
      const file = join(c.dir, 'hits', 'carol-kwic.csv');
      expect(readRows(file).map((r) => r.correct)).toEqual(['yes']);

      server = await startServer(c, ['--port', String(port)]);
      await saved(page);
      expect(readRows(file).map((r) => [r.doc_id, r.correct])).toEqual([['paper-1', 'yes'], ['gov-1', 'no']]);
      await page.reload();
      await page.getByTestId('hit-card').waitFor();
      expect(await text(page, 'hits-progress')).toContain('2 of 4 hits judged');
      expect(await page.getByTestId('hit-card').getAttribute('data-key')).toMatch(/^paper-2:/);
    });
  });

  describe('a corpus whose texts hold markup', () => {
    let c: Case;
    let server: Server;
    let page: Page;
    const dialogs: string[] = [];
    beforeAll(async () => {
      c = reviewCase(true);
      server = await startServer(c, ['--port', '0', '--sample', '100']);
      page = await openPage(`${server.url}?coder=alice`);
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    });
    afterAll(() => stop(server));

    async function goTo(testId: string, shown: string, wanted: string) {
      for (let i = 0; i < 30; i++) {
        if ((await text(page, shown)).includes(wanted)) return;
        await page.keyboard.press('j');
      }
      throw new Error(`no ${wanted} in ${testId}`);
    }

    const injected = () => page.locator('main script, main img, main i, main h1, main a').count();

    test('a hit in a text with <script> and HTML shows the markup as text and runs nothing', async () => {
      await page.getByTestId('hit-card').waitFor();
      await goTo('hit-card', 'kwic', '<script>');
      const kwic = await text(page, 'kwic');
      expect(kwic).toContain('Terrorists <script>window["__pwned"]=1; alert("x")</script> attacked');
      expect(kwic).toContain('<b>airport</b> & the <img src=x onerror="window[\'__pwned\']=2"> city.');
      expect(await page.getByTestId('hit-card').innerText()).toContain('<i>Site</i>');
      expect(await injected()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
    });

    test('a sentence with markup shows it as text in blind coding too', async () => {
      await page.keyboard.press('Shift+S');
      await page.getByTestId('unit-card').waitFor();
      await goTo('unit-card', 'sentence', '<h1>');
      expect(await text(page, 'sentence')).toContain('The so-called &lt;terrorists&gt; were protesters </p><h1>Injected</h1> and corruption');
      expect(await injected()).toBe(0);
      expect(dialogs).toEqual([]);
    });
  });
});
