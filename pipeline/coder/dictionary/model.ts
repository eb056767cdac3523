// A dictionary on its way into or out of qantar's lexicon format: categories (→ frames) and their
// entries (→ patterns), each remembering the line it came from. Category names become frame ids.
import { FRAME_ID } from '../../lexicon/parse.ts';
import type { Family } from '../../lib/types.ts';

/** The category name exports use for exclusions, and imports read back as frame `-`. */
export const EXCLUSIONS_KEY = 'qantar_exclusions';

export interface DictCategory {
  /** The name as the dictionary writes it; nested YAML keys joined with `.` (quanteda's convention). */
  name: string;
  family?: Family;
  line: number;
}

export interface DictEntry {
  /** Index into categories. */
  category: number;
  pattern: string;
  line: number;
}

export interface Dictionary {
  categories: DictCategory[];
  entries: DictEntry[];
}

/** A frame id from a category name: lowercase ASCII letters, digits and `_` (`Economy.Positive` → economy_positive). */
export function frameIdOf(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (slug === '') return '';
  return /^[a-z]/.test(slug) ? slug : `c_${slug}`;
}

/** Frame ids for every category: unique, valid; a name without ASCII letters becomes `category_<n>`. */
export function frameIds(categories: readonly DictCategory[]): string[] {
  const used = new Set<string>();
  return categories.map((c, i) => {
    if (c.name === EXCLUSIONS_KEY) return '-';
    const base = frameIdOf(c.name) || `category_${i + 1}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}_${k}`;
    used.add(id);
    if (!FRAME_ID.test(id)) throw new Error(`internal: frame id ${id} from ${c.name}`);
    return id;
  });
}
