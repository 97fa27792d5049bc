import type { RecapRenderer } from '../../app/ports/recap-renderer.port.ts';
import { renderChart } from './chart.ts';
import { renderCsv } from './csv.ts';
import { renderWorkbook } from './workbook.ts';

/** Workbook with exceljs, chart with chart.js on Skia (@napi-rs/canvas), CSV with csv-stringify. */
export function createRecapRenderer(): RecapRenderer {
  return { workbook: renderWorkbook, chart: renderChart, csv: renderCsv };
}
