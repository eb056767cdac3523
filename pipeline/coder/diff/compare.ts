// What changed between two runs (pure): hits per group × frame before and after, with rates per 1,000
// words, and the hits gained, lost or changed (same span, another frame, pattern or use).
import { per1k } from '../../count/tally.ts';
import { groupValue } from '../../03-tag.ts';
import { compareText } from '../shared/text.ts';
import type { OutHit, OutRun } from './read.ts';

export interface CountChange {
  group: string;
  frame: string;
  hitsBefore: number;
  hitsAfter: number;
  wordsBefore: number;
  wordsAfter: number;
  per1kBefore: number;
  per1kAfter: number;
}

export interface HitChange {
  change: 'gained' | 'lost' | 'changed';
  before?: OutHit;
  after?: OutHit;
}

function tally(run: OutRun, by: string): { words: Map<string, number>; hits: Map<string, number> } {
  const words = new Map<string, number>();
  const groupOf = new Map<string, string>();
  for (const d of run.docs.values()) {
    const g = groupValue(d.columns[by]);
    groupOf.set(d.docId, g);
    words.set(g, (words.get(g) ?? 0) + d.words);
  }
  const hits = new Map<string, number>();
  for (const h of run.hits) {
    const k = `${groupOf.get(h.docId) ?? '(unknown document)'}\u0000${h.frame}`;
    hits.set(k, (hits.get(k) ?? 0) + 1);
  }
  return { words, hits };
}

export function compareCounts(a: OutRun, b: OutRun, by: string): CountChange[] {
  const ta = tally(a, by);
  const tb = tally(b, by);
  const groups = [...new Set([...ta.words.keys(), ...tb.words.keys()])].sort(compareText);
  const frames = [...new Set([...a.hits, ...b.hits].map((h) => h.frame))].sort(compareText);
  return groups.flatMap((group) => frames.map((frame) => {
    const k = `${group}\u0000${frame}`;
    const hitsBefore = ta.hits.get(k) ?? 0;
    const hitsAfter = tb.hits.get(k) ?? 0;
    const wordsBefore = ta.words.get(group) ?? 0;
    const wordsAfter = tb.words.get(group) ?? 0;
    return { group, frame, hitsBefore, hitsAfter, wordsBefore, wordsAfter, per1kBefore: per1k(hitsBefore, wordsBefore), per1kAfter: per1k(hitsAfter, wordsAfter) };
  }));
}

const spanKey = (h: OutHit) => `${h.docId}\u0000${h.start}\u0000${h.end}`;

export function compareHits(a: OutRun, b: OutRun): HitChange[] {
  const before = new Map(a.hits.map((h) => [spanKey(h), h]));
  const after = new Map(b.hits.map((h) => [spanKey(h), h]));
  const out: HitChange[] = [];
  for (const [k, h] of before) {
    const n = after.get(k);
    if (!n) out.push({ change: 'lost', before: h });
    else if (n.frame !== h.frame || n.pattern !== h.pattern || n.use !== h.use) out.push({ change: 'changed', before: h, after: n });
  }
  for (const [k, h] of after) if (!before.has(k)) out.push({ change: 'gained', after: h });
  const at = (c: HitChange) => (c.after ?? c.before)!;
  return out.sort((x, y) => compareText(at(x).docId, at(y).docId) || at(x).start - at(y).start || at(x).end - at(y).end);
}
