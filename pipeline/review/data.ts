// What the review page shows, built once per server start: every hit of the live lexicon as a KWIC row
// (the whole sentence as context, as `qantar kwic --sentence` writes it), every sentence as a coding unit
// (as `qantar sheet` writes it) in its stratum, and the lexicon's verdict on each sentence. Reads the
// corpus, the lexicon and the token cache through the coder tools; writes nothing.
import type { Context } from '../lib/context.ts';
import type { Frame } from '../lib/types.ts';
import type { Inputs } from '../inputs.ts';
import { groupValue } from '../03-tag.ts';
import { verdict, type LexiconVerdict } from '../coder/evaluate/check.ts';
import { kwicRows, sortKwic, type KwicRow } from '../coder/kwic/rows.ts';
import { checkBy } from '../coder/shared/args.ts';
import { hitsBySentence, loadCoderInputs, tagDocuments } from '../coder/shared/corpus.ts';
import { oneLine, sentenceSpan } from '../coder/shared/text.ts';
import type { SheetRow } from '../coder/sheet/format.ts';
import type { Stratum } from '../coder/sheet/sample.ts';
import { documentUnits, sentenceText } from '../coder/sheet/units.ts';

export interface HitItem {
  /** hit_id, frame and pattern joined by NUL: the key `evaluate` gives a judgement. */
  key: string;
  row: KwicRow;
  /** The sentence around the match as it stands in the text (spaces kept at the match), for the page. */
  left: string;
  right: string;
  /** The sentences before and after, for context (not written to the sheet). */
  before: string;
  after: string;
}

export interface ReviewData {
  inputs: Inputs & { lexicon: NonNullable<Inputs['lexicon']> };
  frames: Frame[];
  /** Every hit, sorted as `qantar kwic` sorts them (date, document, offset). */
  hits: HitItem[];
  hitByKey: Map<string, HitItem>;
  /** Every sentence with a word, by unit id. */
  units: Map<string, SheetRow>;
  /** The strata `qantar sheet` samples from: group × lexicon hit / no hit, members in corpus order. */
  strata: Stratum<SheetRow>[];
  verdicts: Map<string, LexiconVerdict>;
  /** `frame NUL pattern` of every pattern in the lexicon. */
  live: Set<string>;
  sentences: number;
}

/** Runs of white space as one space; unlike oneLine, a space next to the match stays. */
const squeeze = (s: string) => s.replace(/\s+/gu, ' ');

export function judgementKey(hitId: string, frame: string, pattern: string): string {
  return `${hitId.trim()}\u0000${frame.trim()}\u0000${pattern.trim()}`;
}

/** Tag the corpus with the live lexicon (on cached tokens) and collect hits, units, strata and verdicts. */
export async function loadReviewData(ctx: Context): Promise<ReviewData> {
  const inputs = loadCoderInputs(ctx);
  const by = checkBy(ctx, inputs.corpus);
  const lexicon = inputs.lexicon.lexicon;
  const rows: Omit<HitItem, 'key'>[] = [];
  const units = new Map<string, SheetRow>();
  const strata = new Map<string, Stratum<SheetRow>>();
  const verdicts = new Map<string, LexiconVerdict>();
  let sentences = 0;
  for await (const { doc, entry, tokens, hits } of tagDocuments(ctx, inputs, 'review')) {
    const note = (p: number) => `${lexicon.patterns[p].file}:${lexicon.patterns[p].line}`;
    const around = (s: number) => oneLine(sentenceText(tokens, doc.text, s) ?? '');
    for (const h of hits) {
      const [row] = kwicRows(entry, tokens, doc.text, [h], 'sentence', h.frame, () => note(h.patternId));
      const span = sentenceSpan(tokens, h.sentence - 1);
      rows.push({ row, left: squeeze(doc.text.slice(span.start, h.start)).trimStart(), right: squeeze(doc.text.slice(h.end, span.end)).trimEnd(),
        before: around(h.sentence - 1), after: around(h.sentence + 1) });
    }
    const bySentence = hitsBySentence(hits);
    const docUnits = documentUnits(tokens, doc.text);
    sentences += docUnits.length;
    const group = groupValue(doc.meta.columns[by]);
    // The same rows and strata as `qantar sheet`, so a sample drawn here equals the one it draws.
    docUnits.forEach((u, i) => {
      const sentenceHits = bySentence.get(u.sentence - 1) ?? [];
      const hit = sentenceHits.length > 0;
      const row: SheetRow = { unitId: u.unitId, docId: u.docId, source: doc.meta.source, date: doc.meta.date, sentence: u.sentence, text: u.text,
        previous: docUnits[i - 1]?.sentence === u.sentence - 1 ? docUnits[i - 1].text : '',
        next: docUnits[i + 1]?.sentence === u.sentence + 1 ? docUnits[i + 1].text : '', textHash: entry.textHash };
      units.set(u.unitId, row);
      verdicts.set(u.unitId, verdict(sentenceHits));
      const k = `${group}\u0000${hit}`;
      let s = strata.get(k);
      if (!s) strata.set(k, (s = { group, hit, members: [] }));
      s.members.push(row);
    });
  }
  const order = new Map(sortKwic(rows.map((r) => r.row)).map((r, i) => [r, i]));
  rows.sort((a, b) => order.get(a.row)! - order.get(b.row)!);
  const hits = rows.map((r) => ({ ...r, key: judgementKey(r.row.hitId, r.row.frame, r.row.pattern) }));
  return {
    inputs, frames: lexicon.frames, hits, hitByKey: new Map(hits.map((h) => [h.key, h])), units, strata: [...strata.values()], verdicts,
    live: new Set(lexicon.patterns.map((p) => `${p.frame}\u0000${p.pattern}`)), sentences,
  };
}
