import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/** The chart's only font, shipped as a package so a VPS without fonts draws the same text. */
export const fontFamily = 'DejaVu Sans';

let registered = false;

/** Registers DejaVu Sans (regular and bold) with Skia once per process. */
export function registerChartFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    const path = require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
    if (!GlobalFonts.registerFromPath(path, fontFamily)) throw new Error(`cannot load the chart font ${path}`);
  }
  registered = true;
}
