// The object a verb takes before its reported content: the addressee of "told" ("told [the CSTO summit]
// that …") and the thing named by "called" ("called [the protesters] bandits", «назвал [нападавших]
// бандитами»). These stay in the text's own voice; what follows is the attributed part.
import { forwardEnd } from './clauses.ts';
import { form, isCapitalised, isPunct, isQuoteMark, isWord, posOf, type View } from './view.ts';

const NP_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PRON', 'PART']);

/** Where the reported part starts after a verb whose scope is `after`, `addressee` or `call`. */
export function objectEnd(v: View, from: number, hi: number, scope: string): number {
  if (scope !== 'addressee' && scope !== 'call') return from;
  return v.lang === 'en' ? objectEndEn(v, from, hi, scope) : objectEndRu(v, from, hi, scope);
}

function objectEndEn(v: View, from: number, hi: number, scope: string): number {
  let sawNoun = false;
  for (let j = from; j < hi; j++) {
    const f = form(v, j);
    const p = posOf(v, j);
    const name = (j > from && isCapitalised(v, j)) || (f === '.' && !isPunct(v, j)); // "Orda.kz"
    if (isQuoteMark(v, j) || f === 'that' || f === 'as' || f === ':' || f === ',' || !NP_POS.has(p) && !name && !(p === 'ADP' && f === 'of')) return j;
    if (p === 'DET' && sawNoun) return j;
    if (p === 'PRON' && f !== 'its' && f !== 'his' && f !== 'her' && f !== 'their') return j + 1;
    if (p === 'NOUN' || p === 'PROPN') {
      // "called the protesters bandits": a plural object noun followed by the label.
      if (scope === 'call' && j + 1 < hi && f.endsWith('s') && posOf(v, j + 1) === 'NOUN') return j + 1;
      sawNoun = true;
    }
  }
  return hi;
}

function objectEndRu(v: View, from: number, hi: number, scope: string): number {
  const end = forwardEnd(v, from, 'report', hi);
  for (let j = from; j < end; j++) {
    if (scope === 'call' && isQuoteMark(v, j)) return j;
    // «призвал страны ОДКБ быть готовыми …», «сказал журналистам, что …»
    if (scope === 'addressee' && (['что', 'чтобы'].includes(form(v, j)) || /(?:ть|ться|ти)$/u.test(form(v, j)))) return j;
  }
  return scope === 'call' && from < end && isWord(v, from) ? from + 1 : from;
}
