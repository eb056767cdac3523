// The figure set: each figure's file name, title and caption (plain text; the report escapes it), with its
// spec built on demand. The report reads the captions from here, so figure and caption never disagree.
import { comparisonSpec } from './comparison.ts';
import { heatmapSpec } from './heatmap.ts';
import { langsSpec, type Bootstrap } from './langs.ts';
import { ratesSpec } from './rates.ts';
import type { FigureTables } from './tables.ts';
import { LANG_NAMES, sortLangs, type Spec } from './theme.ts';
import { dateCoverage, timelineSpec } from './timeline.ts';
import { usesSpec } from './uses.ts';

export interface FigurePlan {
  name: string;
  title: string;
  caption: string;
  spec(): Spec;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function timelineNote(t: FigureTables): string {
  const c = dateCoverage(t.docs);
  const left = [c.month && `${plural(c.month, 'document')} dated only to a month`, c.year && `${plural(c.year, 'document')} dated only to a year`,
    c.undated && plural(c.undated, 'undated document')].filter(Boolean);
  const shown = `Shown: ${plural(c.day, 'document')} with a day-level date${c.day ? ` (${c.first} to ${c.last})` : ''}.`;
  return left.length ? `${shown} Left out, as they cannot be placed on a day: ${left.join(', ')}.` : shown;
}

export function planFigures(t: FigureTables, b: Bootstrap): FigurePlan[] {
  const uses = t.uses.join(' + ');
  const boot = `95% percentile-bootstrap intervals over documents (B = ${b.reps.toLocaleString('en-US')}, seed ${b.seed})`;
  const langs = sortLangs(t.docs.map((d) => d.lang)).map((l) => `${LANG_NAMES[l] ?? l} (${l}) ${t.docs.filter((d) => d.lang === l).length}`).join(', ');
  return [
    {
      name: 'fig1-frame-rates', title: 'Frame rates by group',
      caption: `Hits of each frame per 1,000 words in each group, counting every use (asserted, reported, quoted, negated, hedged), with ${boot} within each group.`,
      spec: () => ratesSpec(t),
    },
    {
      name: 'fig2-competing-index', title: 'Securitizing vs grievance framing by group',
      caption: `Competing-frame index log((S+0.5)/(G+0.5)) and securitizing share S/(S+G) per group, where S and G are securitizing and grievance hits counting ${uses} uses; ${boot}; p is a two-sided permutation test of the group's index against all other documents; n is the number of documents.`,
      spec: () => comparisonSpec(t),
    },
    {
      name: 'fig3-timeline', title: 'Securitizing and grievance framing over time',
      caption: `Securitizing and grievance hits per 1,000 words (counting ${uses} uses), pooled over the documents of each day (UTC); numbered markers are events of the January 2022 chronology, listed under the plot. ${timelineNote(t)}`,
      spec: () => timelineSpec(t),
    },
    {
      name: 'fig4-heatmap', title: 'Frame rates: groups × frames',
      caption: 'Hits per 1,000 words (all uses) of each frame in each group; darker cells have higher rates.',
      spec: () => heatmapSpec(t),
    },
    {
      name: 'fig5-uses', title: 'How each group uses the securitizing frames',
      caption: 'For each group and securitizing frame, the share of its hits that are asserted, reported, quoted, negated or hedged; n is the number of hits. A group that adopts a frame shows mostly asserted hits; one that reports or disputes it shows reported, quoted, negated or hedged ones.',
      spec: () => usesSpec(t),
    },
    {
      name: 'fig6-languages', title: 'Documents by language, side by side',
      caption: `Securitizing and grievance hits per 1,000 words by group and document language (counting ${uses} uses), with ${boot} of that group and language (none where a group has a single document in the language). Documents: ${langs || 'none'}.`,
      spec: () => langsSpec(t, b),
    },
  ];
}
