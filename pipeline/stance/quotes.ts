// Quotation spans over a whole document, computed once: straight "…" and '…', curly “…” and ‘…’, «…»,
// „…“ and ‚…‘, nested, and across sentence boundaries. Apostrophes (Nazarbayev's, d'etat, Kazakhstan’s,
// protesters') are told apart from single quotes by their neighbours. A quote still open at a blank line
// is dropped, unless the next paragraph opens with the same mark (the continued-quote convention).

export interface QuoteSpan {
  /** Character offsets of the opening and the closing mark. */
  open: number;
  close: number;
  /** 1 for an outermost quote, 2 for a quote inside it, … */
  depth: number;
}

interface Open {
  mark: string;
  closers: string;
  at: number;
}

const OPENERS: Record<string, string> = { '«': '»', '„': '“”', '‚': '‘’', '“': '”', '‘': '’', '"': '"', "'": "'", '”': '”' };
const OPEN_BEFORE = /[\s([{\u2014\u2013\-/«„“‘"':]/u;
const WORDISH = /[\p{L}\p{N}]/u;

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const openingContext = (prev: string | undefined, next: string | undefined) => (prev === undefined || OPEN_BEFORE.test(prev)) && !isSpace(next);
const between = (prev: string | undefined, next: string | undefined) => prev !== undefined && next !== undefined && WORDISH.test(prev) && WORDISH.test(next);

export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let stack: Open[] = [];
  const expecting = (c: string) => {
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k].closers.includes(c)) return k;
    return -1;
  };
  const close = (k: number, at: number) => {
    spans.push({ open: stack[k].at, close: at, depth: k + 1 });
    stack = stack.slice(0, k);
  };
  const push = (mark: string, at: number) => stack.push({ mark, closers: OPENERS[mark], at });
  // Jump from one quote mark or line feed to the next instead of visiting every character.
  const marks = /[\n«„‚“‘”’»"']/gu;
  for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
    let i = m.index;
    const c = text[i];
    if (c === '\n' && stack.length > 0) {
      const para = /^\n[^\S\n]*\n\s*/u.exec(text.slice(i, i + 200));
      if (para) {
        const next = text[i + para[0].length];
        // Continued quote: the new paragraph reopens with the mark that is still open.
        if (next === stack[stack.length - 1].mark) i += para[0].length;
        else stack = [];
      }
      marks.lastIndex = i + 1;
      continue;
    }
    if (!(c in OPENERS) && c !== '»' && c !== '’') continue;
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = i + 1 < text.length ? text[i + 1] : undefined;
    const k = expecting(c);
    switch (c) {
      case '«': case '„': case '‚':
        push(c, i);
        break;
      case '»':
        if (k >= 0) close(k, i);
        break;
      case '“': case '‘':
        if (k >= 0 && k === stack.length - 1) close(k, i);
        else if (openingContext(prev, next)) push(c, i);
        break;
      case '”':
        if (k >= 0) close(k, i);
        else if (openingContext(prev, next)) push(c, i);
        break;
      case '’': case "'":
        if (between(prev, next)) break; // an apostrophe inside a word
        if (k >= 0 && !isSpace(prev) && !(next !== undefined && WORDISH.test(next))) close(k, i);
        else if (c === "'" && openingContext(prev, next)) push(c, i);
        break;
      case '"': // straight double quotes cannot nest: they toggle
        if (k >= 0) close(k, i);
        else if (!isSpace(next)) push(c, i);
        break;
    }
  }
  return spans.sort((a, b) => a.open - b.open);
}
