// The look shared by every figure: the Okabe–Ito colour-blind-safe palette, DejaVu Sans, and label
// wrapping so that long group and frame names stay whole on any number of rows.
import type { TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY } from './render.ts';

/** Okabe & Ito (2008), with their grey for "other". */
export const OKABE_ITO = {
  black: '#000000', orange: '#E69F00', skyBlue: '#56B4E9', bluishGreen: '#009E73',
  yellow: '#F0E442', blue: '#0072B2', vermillion: '#D55E00', reddishPurple: '#CC79A7', grey: '#999999',
} as const;

export const FAMILY_COLOURS: Record<string, string> = {
  securitizing: OKABE_ITO.vermillion, grievance: OKABE_ITO.blue, other: OKABE_ITO.grey,
};

export const USE_COLOURS: Record<string, string> = {
  asserted: OKABE_ITO.vermillion, reported: OKABE_ITO.orange, quoted: OKABE_ITO.reddishPurple,
  negated: OKABE_ITO.blue, hedged: OKABE_ITO.bluishGreen,
};

/** Colours for languages, in a fixed order so `en` and `ru` look the same in every corpus. */
const LANG_ORDER = ['en', 'ru', 'kk'];
const LANG_FALLBACK = [OKABE_ITO.orange, OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue, OKABE_ITO.yellow, OKABE_ITO.black];
export const LANG_NAMES: Record<string, string> = { en: 'English', ru: 'Russian', kk: 'Kazakh' };

export function langColours(langs: readonly string[]): string[] {
  const fixed: Record<string, string> = { en: OKABE_ITO.blue, ru: OKABE_ITO.vermillion, kk: OKABE_ITO.bluishGreen };
  let k = 0;
  return langs.map((l) => fixed[l] ?? LANG_FALLBACK[k++ % LANG_FALLBACK.length]);
}

export function sortLangs(langs: Iterable<string>): string[] {
  const rank = (l: string) => (LANG_ORDER.includes(l) ? LANG_ORDER.indexOf(l) : LANG_ORDER.length);
  return [...new Set(langs)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export const LINE_BREAK = '\n';
/** Axis and header labels are split into lines at LINE_BREAK. */
export const SPLIT_LABEL = `split(datum.value, '\\n')`;

/**
 * Wrap a label into lines of about `width` characters, breaking after spaces, hyphens, slashes and
 * underscores (or inside a word when it has none); lines beyond `maxLines` are cut with an ellipsis.
 */
export function wrapLabel(text: string, width = 30, maxLines = 2): string {
  const pieces = text.match(/[^\s\-/_]*[\s\-/_]*/gu)?.filter(Boolean) ?? [];
  const lines: string[] = [];
  let line = '';
  for (let piece of pieces) {
    while (piece.length > width) {
      if (line) lines.push(line);
      line = '';
      lines.push(piece.slice(0, width));
      piece = piece.slice(width);
    }
    if (line && (line + piece).trimEnd().length > width) {
      lines.push(line);
      line = '';
    }
    line += piece;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const rest = lines.splice(maxLines - 1).join('').trim();
    lines.push(`${rest.slice(0, width - 1).trimEnd()}…`);
  }
  return lines.map((l) => l.trimEnd()).join(LINE_BREAK) || ' ';
}

export function lineCount(labels: readonly string[]): number {
  return Math.max(1, ...labels.map((l) => l.split(LINE_BREAK).length));
}

/** Row height for a band axis whose labels have up to `lines` lines. */
export function rowStep(lines: number, min = 18): number {
  return Math.max(min, 13 * lines + 5);
}

export const BASE_CONFIG = {
  font: FONT_FAMILY,
  background: 'white',
  padding: 12,
  title: { fontSize: 15, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#333333', offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', labelLimit: 0, labelColor: '#222222', titleColor: '#222222', gridColor: '#e5e5e5' },
  header: { labelFontSize: 11, titleFontSize: 11, labelLimit: 0, labelColor: '#222222' },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', labelLimit: 0 },
  view: { stroke: '#cccccc' },
} as const;

export type Spec = TopLevelSpec;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export const NO_GROUPS = 'The count tables have no groups (no documents were counted), so there is nothing to draw.';

/** A figure for an empty table: the title and a sentence saying why there is nothing to draw. */
export function placeholderSpec(title: string, message: string): Spec {
  return {
    $schema: SCHEMA,
    title: { text: title },
    width: 520,
    height: 60,
    data: { values: [{ message }] },
    mark: { type: 'text', fontSize: 12, align: 'left', baseline: 'middle', color: '#444444' },
    encoding: { text: { field: 'message', type: 'nominal' }, x: { value: 0 }, y: { value: 30 } },
    config: { ...BASE_CONFIG, view: { stroke: null } },
  } as Spec;
}
