// report.html: one self-contained page — inline CSS, figures embedded as data: URIs (an <img> cannot run
// script), no remote resources. Every text is HTML-escaped, attributes included.
import type { Block, Inline } from './blocks.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const CSS = `
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222; max-width: 1180px; margin: 2rem auto; padding: 0 1.2rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: .8rem 0 1.2rem; font-size: .85rem; display: block; overflow-x: auto; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .25rem .55rem; vertical-align: top; text-align: left; } th { border-bottom: 2px solid #999; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85em; background: #f4f4f4; padding: 0 .2em; overflow-wrap: anywhere; }
figure { margin: 1.5rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; } figcaption { font-size: .9rem; color: #333; }
.methods { background: #f8f8f8; border-left: 3px solid #0072B2; padding: .6rem 1rem; }
`.trim();

function inline(runs: readonly Inline[]): string {
  return runs.map((r) => (typeof r === 'string' ? escapeHtml(r) : `<code>${escapeHtml(r.code)}</code>`)).join('');
}

function table(b: Extract<Block, { kind: 'table' }>): string {
  const cls = (i: number) => (b.numeric[i] ? ' class="num"' : '');
  const head = `<tr>${b.columns.map((c, i) => `<th${cls(i)}>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${inline([c])}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function figure(b: Extract<Block, { kind: 'figure' }>): string {
  const src = b.svg === undefined ? `figures/${b.name}.svg` : `data:image/svg+xml;base64,${Buffer.from(b.svg, 'utf8').toString('base64')}`;
  return `<figure id="${escapeHtml(b.name)}">\n<img src="${src}" alt="${escapeHtml(`Figure ${b.n}: ${b.title}`)}">\n` +
    `<figcaption><strong>Figure ${b.n}.</strong> ${escapeHtml(b.caption)} <a href="figures/${escapeHtml(b.name)}.png">PNG</a></figcaption>\n</figure>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading': return `<h${b.level}${b.id ? ` id="${escapeHtml(b.id)}"` : ''}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph': return `<p${b.role ? ` class="${b.role}"` : ''}>${inline(b.text)}</p>`;
    case 'list': return `<ul>\n${b.items.map((i) => `<li>${inline(i)}</li>`).join('\n')}\n</ul>`;
    case 'table': return table(b);
    case 'figure': return figure(b);
  }
}

export function renderHtml(title: string, blocks: readonly Block[]): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>\n${CSS}\n</style>\n</head>\n<body>\n${blocks.map(block).join('\n')}\n</body>\n</html>\n`;
}
