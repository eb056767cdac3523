// No regular-expression denial of service: coder-supplied patterns compile into the token matcher and
// glob.ts, never into backtracking regular expressions. Linear behaviour is shown by counting steps
// (character reads of globMatch, walk steps and trie lookups of the matcher) as the input doubles — not
// by timing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileLexicon, type TrieNode } from '../pipeline/tag/compile.ts';
import { globMatch } from '../pipeline/tag/glob.ts';
import { matchDocument } from '../pipeline/tag/match.ts';
import type { PatternEntry } from '../pipeline/lib/types.ts';
import { documentOf } from './support/reference.ts';

/** A string whose every character read and length read is counted. */
function counted(s: string, counter: { n: number }): string {
  return new Proxy(new String(s), {
    get(target, key) {
      counter.n++;
      return Reflect.get(target, key);
    },
  }) as unknown as string;
}

function globSteps(glob: string, s: string): { steps: number; matched: boolean } {
  const counter = { n: 0 };
  const matched = globMatch(counted(glob, counter), counted(s, counter));
  return { steps: counter.n, matched };
}

describe('globMatch is linear in the word length', () => {
  test.each([
    ['a*a*a*a*a*b', 'a'],
    ['*a*a*a*a*a*a*a*a*a*a*c', 'a'],
    ['a?a?a?a?a?*b', 'a'],
    ['*ab*ab*ab*ab*ab*x', 'ab'],
    ['**********b', 'a'],
  ])('`%s` against long runs of `%s`', (glob, unit) => {
    const sizes = [500, 1000, 2000, 4000];
    const steps = sizes.map((n) => globSteps(glob, unit.repeat(n / unit.length)));
    for (const s of steps) expect(s.matched).toBe(false);
    // Doubling the word at most doubles the work (plus a constant), and the work stays within |glob|·|word|.
    for (let k = 1; k < sizes.length; k++) expect(steps[k].steps).toBeLessThanOrEqual(2 * steps[k - 1].steps + 8 * glob.length);
    for (let k = 0; k < sizes.length; k++) expect(steps[k].steps).toBeLessThanOrEqual(8 * (glob.length + 1) * (sizes[k] + 1));
  });
});

/** Replace every trie node's child map by one that counts lookups. */
function countLookups(root: TrieNode, counter: { n: number }): void {
  class CountingMap extends Map<number, TrieNode> {
    override get(k: number): TrieNode | undefined {
      counter.n++;
      return super.get(k);
    }
  }
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    node.next = new CountingMap(node.next);
    stack.push(...node.next.values());
  }
}

function entry(id: number, pattern: string): PatternEntry {
  return { id, frame: 'f', pattern, lang: '', note: '', file: 'p.csv', line: id + 2, words: pattern.split(' ') };
}

describe('the matcher is linear in the document length', () => {
  test.each([
    ['a phrase of globs that fails at its last word', ['a* a* a* a* a* a* a* a* a* b']],
    ['many overlapping phrases', Array.from({ length: 30 }, (_, i) => `${'a '.repeat(i + 1)}b`)],
    ['globs that match every token', ['*a', 'a*', '*a*', '?', 'a?*', 'a-*']],
  ])('%s', (_what, patterns) => {
    const lex = compileLexicon(patterns.map((p, i) => entry(i, p)), 'en');
    const counter = { n: 0 };
    countLookups(lex.root, counter);
    // Walk states are memoised, so trie lookups happen once per state and form; the walk itself is
    // counted too: every token the matcher steps through from a start.
    const { begin, advance } = lex;
    lex.begin = (id, form) => (counter.n++, begin(id, form));
    lex.advance = (state, id, form) => (counter.n++, advance(state, id, form));
    const steps = [2000, 4000, 8000].map((n) => {
      counter.n = 0;
      matchDocument(documentOf(Array(n).fill('a'), [n], 'en'), lex);
      return counter.n;
    });
    // Every document of `a`s makes the matcher walk: a count that stays small would mean nothing was counted.
    expect(steps[0]).toBeGreaterThanOrEqual(2000);
    // Doubling the document at most doubles the steps, plus the walks cut short at its end (≤ L² for
    // patterns of L words).
    const edge = 31 * 31;
    expect(steps[1]).toBeLessThanOrEqual(2 * steps[0] + edge);
    expect(steps[2]).toBeLessThanOrEqual(2 * steps[1] + edge);
  });
});

test('no regular expression is built from a pattern: the lexicon and tag code construct none', () => {
  const files = ['pipeline/lexicon', 'pipeline/tag'].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.ts')).map((f) => join(d, f)));
  expect(files.length).toBeGreaterThan(4);
  expect(files.filter((f) => /\bRegExp\s*\(/.test(readFileSync(f, 'utf8')))).toEqual([]);
});
