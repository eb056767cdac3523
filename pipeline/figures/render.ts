// Render a Vega-Lite spec headless: Vega's SVG renderer (no canvas, so text metrics come from Vega's
// built-in estimates and the layout is the same on every machine), then resvg for the PNG with the
// bundled DejaVu fonts and system fonts off — the PNG never depends on what fonts a machine has.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONT_FAMILY = 'DejaVu Sans';
/** The font files resvg is given; without them every label would silently vanish from the PNG. */
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => join(FONT_DIR, f));

export interface Rendered {
  svg: string;
  png: Uint8Array;
  /** Vega-Lite's and Vega's warnings (an encoding dropped, a bad scale): empty for a well-made spec. */
  warnings: string[];
}

/** Collect warnings instead of letting the libraries print them to the console. */
function createLogger(warnings: string[]) {
  let level = 2;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
    error(...args: readonly unknown[]) {
      throw new Error(args.map(String).join(' '));
    },
  };
  return logger;
}

export async function renderSvg(spec: TopLevelSpec, warnings: string[] = []): Promise<string> {
  const logger = createLogger(warnings);
  // Gradient and clip ids come from process-wide counters; reset them so every render numbers from 0.
  vega.resetSVGDefIds();
  const compiled = compile(spec, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: logger as never, logLevel: vega.Warn });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** resvg at twice the SVG's size on white, with only the given font files (never the machine's). */
export function resvgOptions(fontFiles: readonly string[] = FONT_FILES): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: { loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, fontFiles: [...fontFiles] },
  };
}

export function renderPng(svg: string): Uint8Array {
  return new Resvg(svg, resvgOptions()).render().asPng();
}

/** The same PNG, rasterized on libuv's thread pool so that it overlaps drawing the next figure. */
export async function renderPngAsync(svg: string): Promise<Uint8Array> {
  return (await renderAsync(svg, resvgOptions())).asPng();
}

export async function renderFigure(spec: TopLevelSpec): Promise<Rendered> {
  const warnings: string[] = [];
  const svg = await renderSvg(spec, warnings);
  return { svg, png: renderPng(svg), warnings };
}
