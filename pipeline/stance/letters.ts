// Letter case of a token's first character, the test several rules make on every word they pass
// ("Human Rights Watch said": a capital inside a sentence is a name). ASCII and basic Cyrillic are
// decided from the character code; anything else falls back to the Unicode property.

const UPPER = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;

/** Does text[start, end) begin with an uppercase letter (Unicode Lu)? */
export function startsUpper(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const c = text.charCodeAt(start);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  if (c >= 0x400 && c < 0x460) return c < 0x430; // Ѐ–Я upper, а–џ lower
  return UPPER.test(text.slice(start, end));
}

/** Does text[start, end) begin with a lowercase letter (Unicode Ll)? */
export function startsLower(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const c = text.charCodeAt(start);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  if (c >= 0x400 && c < 0x460) return c >= 0x430;
  return LOWER.test(text.slice(start, end));
}
