// Linear-time glob matching for pattern words: `*` = any run of characters, `?` = one character.
// Greedy with a single backtrack point (the last `*`), so no input makes it exponential.

export function globMatch(glob: string, s: string): boolean {
  let g = 0;
  let i = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    if (g < glob.length && (glob[g] === '?' || glob[g] === s[i])) {
      g++;
      i++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      mark = i;
    } else if (star >= 0) {
      g = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

export function isGlob(word: string): boolean {
  return word.includes('*') || word.includes('?');
}

/** `terror*` → `terror` (a pure prefix glob), otherwise undefined. */
export function prefixOf(glob: string): string | undefined {
  const body = glob.slice(0, -1);
  return glob.endsWith('*') && !isGlob(body) ? body : undefined;
}
