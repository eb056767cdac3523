// The report: escaping for Markdown and HTML, a self-contained page, the sections drawn from the tables,
// and a methods paragraph whose seed and hashes are the run's own (equal to manifest.json's).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { writeReport } from '../pipeline/06-report.ts';
import { OutputSession } from '../pipeline/lib/io.ts';
import { escapeHtml } from '../pipeline/report/html.ts';
import { escapeMarkdown } from '../pipeline/report/markdown.ts';
import { runCli } from './support/cli.ts';
import { sampleDocs, testContext, TEST_FRAMES, writeTables } from './support/figure-tables.ts';
import { FRAMES_CSV, tempDir, writeTree } from './support/fixtures.ts';

const HOSTILE = '<script>alert("pwned")</script> <img src=x onerror=alert(1)> *bold* | [link](http://evil.example) &amp;';

describe('escaping', () => {
  test.each([
    ['<b>&"\'', '&lt;b&gt;&amp;&quot;&#39;'],
    ['plain text', 'plain text'],
    ['Первый канал «ТВ»', 'Первый канал «ТВ»'],
  ])('escapeHtml(%j)', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  test.each([
    ['<script>', '\\<script>'],
    ['*bold* and _em_', '\\*bold\\* and \\_em\\_'],
    ['security_response stays readable', 'security_response stays readable'],
    ['a | b', 'a \\| b'],
    ['[x](http://e)', '\\[x\\](http://e)'],
    ['&amp; and &#60; but not AT&T', '\\&amp; and \\&#60; but not AT&T'],
    ['two\nlines', 'two lines'],
    ['`code`', '\\`code\\`'],
  ])('escapeMarkdown(%j)', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

async function reportFor(tablesDir: string): Promise<{ md: string; html: string }> {
  const out = tempDir('qantar-report-');
  const session = OutputSession.start(out, 'report');
  await writeReport(testContext({ lexicon: writeTree({ 'frames.csv': FRAMES_CSV, 'p.csv': 'frame,pattern,lang,note\nterrorism,terror*,,\n-,gas station,,\n' }) }), session, tablesDir);
  await session.commit();
  return { md: readFileSync(join(out, 'report.md'), 'utf8'), html: readFileSync(join(out, 'report.html'), 'utf8') };
}

describe('report from count tables', () => {
  const docs = sampleDocs();
  docs[0] = { ...docs[0], title: HOSTILE, source: 'Akorda <official>' };
  docs.push({ id: 'evil', group: '<b>group</b>', words: 100, date: '2022-01-09', hits: [['terrorism', 'asserted', 'terror*|<x>', '<terror>']] });
  let r: { md: string; html: string };
  beforeAll(async () => {
    r = await reportFor(writeTables(docs));
  });

  test('corpus text is escaped in the HTML: no tag or attribute from the corpus survives', () => {
    expect(r.html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(r.html).toContain('&lt;b&gt;group&lt;/b&gt;');
    expect(r.html).not.toMatch(/<script|<img src=x|<b>group/); // `onerror=` may stay, as text
  });

  test('corpus text is escaped in the Markdown: no raw HTML, emphasis, link or table break', () => {
    expect(r.md).toContain('\\<script>alert("pwned")\\</script> \\<img src=x onerror=alert(1)> \\*bold\\* \\| \\[link\\](http://evil.example) \\&amp;');
    expect(r.md).toContain('`terror*\\|<x>`'); // a pattern is a code span, its pipe escaped for the table
    expect(r.md).not.toMatch(/(^|[^\\])<script/);
  });

  test('the HTML is one self-contained page: inline CSS, figures inline or local, nothing remote', () => {
    expect(r.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.html).toContain('<style>');
    expect(r.html).not.toMatch(/<(?:script|link|iframe)\b|(?:src|href)="(?:https?:)?\/\//i);
  });

  test.each([
    ['the run summary', ['## Run summary', 'Documents: 8 (English 7, Russian 1)', '1 dated only to a month, 1 undated (left out of the time figure)']],
    ['the comparison table', ['## Securitizing vs grievance framing by group', '| official-kz | 3 | 950 | 14 | 1 |']],
    ['the frame × group rates', ['## Frame rates by group', '| group | Terrorism | Foreign interference |']],
    ['the use breakdown', ['## How the securitizing frames are used', '| ngo | 0 (0%) | 0 (0%) | 0 (0%) | 3 (75%) | 1 (25%) | 4 |']],
    ['the top patterns', ['## Top patterns', '| Terrorism | `terror*` | 21 | 6 | terrorists |']],
    ['the documents with the highest rates', ['## Documents with the highest rates', '| `kz-1` | official-kz | Akorda \\<official> | 2022-01-05 | en | 400 | 6 | 15.0 |']],
    ['the methods paragraph', ['## Methods', 'Methods. Frame frequencies were measured with qantar', 'seed 7', 'plus 1 exclusion pattern.']],
  ])('contains %s', (_, needles) => {
    for (const s of needles) expect(r.md.includes(s), s).toBe(true);
  });

  test('without a manifest the methods paragraph says the hashes were not recorded, rather than inventing them', () => {
    expect(r.md).toContain('The corpus and lexicon hashes were not recorded for these tables (no manifest.json was found beside the tables)');
  });
});

describe('report in a qantar run', () => {
  const TEXTS: Record<string, string> = {
    'gov-1': 'Terrorists attacked Almaty. The terrorists were trained abroad.\n\nA state of emergency was declared.',
    'gov-2': 'Foreign-trained militants tried a colour revolution. Terrorists must be destroyed.',
    'paper-1': 'Protesters demanded lower fuel prices. Fuel prices doubled in January. Corruption angered many.',
    'paper-2': 'The rally was about fuel prices and corruption, and about terrorists.',
  };
  const corpus = writeTree({
    'metadata.csv': 'doc_id,source,source_type,date,lang,title\n' +
      `gov-1,Akorda,official,2022-01-05,en,"${HOSTILE.replace(/"/g, '""')}"\ngov-2,Akorda,official,2022-01-07,en,Two\n` +
      'paper-1,Daily,media,2022-01-04,en,Three\npaper-2,Daily,media,2022-01,en,Four\n',
    ...Object.fromEntries(Object.entries(TEXTS).map(([k, v]) => [`texts/${k}.txt`, v])),
  });
  const lexicon = writeTree({
    'frames.csv': FRAMES_CSV,
    'patterns.csv': 'frame,pattern,lang,note\nterrorism,terrorist*,en,\nforeign_interference,foreign-trained,en,\ncolour_revolution,colour revolution*,en,\n' +
      'economic_grievance,fuel price*,en,\npolitical_grievance,corruption,en,\nsecurity_response,state of emergency,en,\n',
  });
  const run = async (out: string) => {
    const r = await runCli(['run', '--corpus', corpus, '--lexicon', lexicon, '--out', out, '--seed', '4321', '--reps', '100', '--permutations', '99', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
  };
  const outA = join(tempDir(), 'a');
  const outB = join(tempDir(), 'b');
  const read = (out: string, f: string) => readFileSync(join(out, f), 'utf8');
  beforeAll(async () => {
    await run(outA);
    await run(outB);
  });

  test('the methods paragraph gives the seed and the corpus and lexicon hashes recorded in manifest.json', () => {
    const m = JSON.parse(read(outA, 'manifest.json')) as { inputs: { corpus: { sha256: string }; lexicon: { sha256: string } } };
    for (const f of ['report.md', 'report.html']) {
      const text = read(outA, f);
      expect(text, f).toContain('(seed 4321)');
      expect(text, f).toContain(m.inputs.corpus.sha256);
      expect(text, f).toContain(m.inputs.lexicon.sha256);
    }
  });

  test('a hostile document title is escaped in both report files', () => {
    expect(read(outA, 'report.html')).toContain('&lt;script&gt;alert(&quot;pwned&quot;)');
    expect(read(outA, 'report.html')).not.toContain('<script>alert');
    expect(read(outA, 'report.md')).toContain('\\<script>alert');
  });

  test('two runs write byte-identical reports, with every figure embedded', () => {
    for (const f of ['report.md', 'report.html']) expect(read(outB, f) === read(outA, f), f).toBe(true);
    expect(read(outA, 'report.html').match(/<img src="data:image\/svg\+xml;base64,/g)).toHaveLength(6);
    expect(read(outA, 'report.md').match(/!\[Figure \d: [^\]]*\]\(figures\/fig\d-[a-z-]+\.svg\)/g)).toHaveLength(6);
  });

  test('the report stage alone reads the same hashes from manifest.json, and refuses them once the tables have changed', async () => {
    const alone = await runCli(['report', '--lexicon', lexicon, '--out', outB, '--quiet']);
    expect(alone.code, alone.stderr).toBe(0);
    const m = JSON.parse(read(outB, 'manifest.json')) as { inputs: { corpus: { sha256: string } } };
    expect(read(outB, 'report.md')).toContain(m.inputs.corpus.sha256);
    expect(read(outB, 'report.md')).toContain('(seed 4321)');
    const edited = read(outB, 'comparison.csv').replace(/\n([^,\n]+),(\d+),/, (_, g: string, n: string) => `\n${g},${Number(n) + 1},`);
    writeFileSync(join(outB, 'comparison.csv'), edited);
    expect((await runCli(['report', '--lexicon', lexicon, '--out', outB, '--quiet'])).code).toBe(0);
    expect(read(outB, 'report.md')).not.toContain(m.inputs.corpus.sha256);
    expect(read(outB, 'report.md')).toContain('manifest.json describes an earlier run (comparison.csv changed since)');
  });
});
