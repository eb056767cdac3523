// The figure stage end to end on count tables: every figure is a valid SVG with its title and labels, a
// real PNG with text in it (the bundled fonts are loaded), identical bytes on every render and in every
// time zone, escaped corpus text, and a drawing (not a crash) for empty or very wide tables.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, test } from 'vitest';
import { writeFigures } from '../pipeline/05-figures.ts';
import { OutputSession } from '../pipeline/lib/io.ts';
import { planFigures } from '../pipeline/figures/plan.ts';
import { FONT_FILES, renderFigure, renderSvg, resvgOptions } from '../pipeline/figures/render.ts';
import { readFigureTables } from '../pipeline/figures/tables.ts';
import { placeholderSpec } from '../pipeline/figures/theme.ts';
import { tempDir } from './support/fixtures.ts';
import { sampleDocs, testContext, TEST_FRAMES, writeTables, type TestDoc } from './support/figure-tables.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function drawFigures(tablesDir: string): Promise<Map<string, Buffer>> {
  const out = tempDir('qantar-fig-');
  const session = OutputSession.start(out, 'figures');
  await writeFigures(testContext(), session, await readFigureTables(tablesDir, TEST_FRAMES));
  await session.commit();
  const dir = join(out, 'figures');
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

/** Dark pixels in a rendered image: text and marks, not the white background. */
function darkPixels(svg: string, fonts?: readonly string[]): number {
  const px = new Resvg(svg, resvgOptions(fonts)).render().pixels; // a getter that copies: read it once
  let n = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 300) n++;
  return n;
}

const hostile = '<script>alert("x")</script> & Co';
const docs: TestDoc[] = [...sampleDocs(), { id: 'ru-1', group: 'Первый канал', date: '2022-01-09', lang: 'ru', words: 300, hits: [['terrorism', 'asserted', 'террорист*', 'террористы']] },
  { id: 'evil-1', group: hostile, date: '2022-01-10', words: 200, hits: [['terrorism', 'asserted', 'terror*', 'terror']] }];
const tables = writeTables(docs);
const first = drawFigures(tables);

describe('figures', () => {
  const NAMES = ['fig1-frame-rates', 'fig2-competing-index', 'fig3-timeline', 'fig4-heatmap', 'fig5-uses', 'fig6-languages'];

  test('six figures, each as SVG and PNG', async () => {
    expect([...(await first).keys()]).toEqual(NAMES.flatMap((n) => [`${n}.png`, `${n}.svg`]).sort());
  });

  test.each([
    ['fig1-frame-rates', ['Frame rates by group', 'Terrorism', 'Economic grievance', 'official-kz', 'Первый канал', 'frame family']],
    ['fig2-competing-index', ['Securitizing vs grievance framing by group', 'competing-frame index', 'securitizing share', 'n = 3, p = ']],
    ['fig3-timeline', ['Securitizing and grievance framing over time', 'hits per 1,000 words', '5 Jan', 'CSTO contingent deploys']],
    ['fig4-heatmap', ['Frame rates: groups × frames', '<tspan>Security</tspan><tspan x="0" dy="13">response</tspan>', 'per 1,000 words', 'media-international']],
    ['fig5-uses', ['How each group uses the securitizing frames', 'All securitizing frames', 'asserted', 'negated', 'hedged', 'n = 14']],
    ['fig6-languages', ['Documents by language, side by side', 'English (en), 7 documents', 'Russian (ru), 2 documents', 'securitizing', 'grievance']],
  ])('%s is a valid SVG with its title and labels', async (name, texts) => {
    const svg = (await first).get(`${name}.svg`)!.toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(() => new Resvg(svg, resvgOptions())).not.toThrow(); // resvg parses strict XML
    for (const t of texts) expect(svg.includes(t.replace(/&/g, '&amp;')), t).toBe(true);
  });

  test('corpus text is escaped in the SVG, never markup', async () => {
    const svg = (await first).get('fig2-competing-index.svg')!.toString('utf8');
    expect(svg.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')).toBe(true);
    expect(svg.includes('<script')).toBe(false);
  });

  test.each(NAMES)('%s.png is a PNG at twice the SVG size', async (name) => {
    const files = await first;
    const png = files.get(`${name}.png`)!;
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const width = png.readUInt32BE(16);
    const svgWidth = Number(/^<svg[^>]* width="(\d+(?:\.\d+)?)"/.exec(files.get(`${name}.svg`)!.toString('utf8'))![1]);
    expect(width).toBe(Math.ceil(svgWidth * 2));
  });

  test('the PNG has text because the bundled fonts are loaded; without them text silently vanishes', async () => {
    for (const f of FONT_FILES) expect(readFileSync(f).length).toBeGreaterThan(100_000);
    const svg = await renderSvg(placeholderSpec('Title', 'Some words to draw'));
    expect(darkPixels(svg)).toBeGreaterThan(500);
    expect(darkPixels(svg, [])).toBe(0);
  });

  test('Vega-Lite and Vega accept every spec without a warning (no encoding silently dropped)', async () => {
    for (const fig of planFigures(await readFigureTables(tables, TEST_FRAMES), { seed: 1, reps: 50 })) {
      expect((await renderFigure(fig.spec())).warnings, fig.name).toEqual([]);
    }
  });

  test('two renders give byte-identical SVG and PNG files', async () => {
    const again = await drawFigures(tables);
    for (const [name, bytes] of await first) expect(again.get(name)!.equals(bytes), name).toBe(true);
  });

  test('the output does not depend on the time zone', async () => {
    const saved = process.env.TZ;
    const render = async (tz: string) => {
      process.env.TZ = tz;
      expect(new Date(Date.UTC(2022, 0, 5, 3)).getDate()).toBe(tz === 'America/New_York' ? 4 : 5); // the zone really changed
      return drawFigures(tables);
    };
    try {
      const ny = await render('America/New_York');
      const tokyo = await render('Asia/Tokyo');
      for (const [name, bytes] of await first) {
        expect(ny.get(name)!.equals(bytes), `${name} in New York`).toBe(true);
        expect(tokyo.get(name)!.equals(bytes), `${name} in Tokyo`).toBe(true);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('figures on awkward tables', () => {
  test.each([
    ['no hits at all', [{ id: 'a', group: 'g1', date: '2022-01-05', words: 100 }, { id: 'b', group: 'g2', words: 50 }], 'No securitizing hits to break down by use'],
    ['no dated documents', [{ id: 'a', group: 'g1', words: 100, hits: [['terrorism', 'asserted', 'terror*', 'terror']] }], 'No document has a day-level date'],
    ['no documents', [], 'no groups'],
  ] as [string, TestDoc[], string][])('%s: every figure is drawn, with a sentence where there is nothing to plot', async (_, docs, message) => {
    const files = await drawFigures(writeTables(docs));
    expect(files.size).toBe(12);
    const all = [...files.entries()].filter(([n]) => n.endsWith('.svg')).map(([, b]) => b.toString('utf8')).join('\n');
    expect(all.includes(message), message).toBe(true);
  });

  test('thirty groups with long names stay on separate, wrapped rows', async () => {
    const many: TestDoc[] = Array.from({ length: 30 }, (_, i) => ({
      id: `d${i}`, group: i % 3 ? `source-${String(i).padStart(2, '0')}` : `Independent regional outlet number ${i} of the Central Asian press`,
      date: `2022-01-${String(1 + (i % 28)).padStart(2, '0')}`, words: 300, hits: [['terrorism', 'asserted', 'terror*', 'terror'], ['economic_grievance', 'asserted', 'gas', 'gas']],
    }));
    const files = await drawFigures(writeTables(many));
    const heat = files.get('fig4-heatmap.svg')!.toString('utf8');
    for (const label of ['source-29', '<tspan>Independent regional outlet</tspan>', '>number 27 of the Central Asia…</tspan>']) expect(heat.includes(label), label).toBe(true);
  });
});
