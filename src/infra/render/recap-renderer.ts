import { id, type Catalogue } from '../../app/messages/id.ts';
import type { RecapRenderer } from '../../app/ports/recap-renderer.port.ts';
import { renderCsv } from './csv.ts';

/**
 * Workbook with exceljs, chart with chart.js on Skia (@napi-rs/canvas), CSV with csv-stringify,
 * in the words of the given catalogue (the bot's APP_LOCALE; Indonesian by default).
 * exceljs and Skia are loaded on the first recap, not at start-up: together they add tens of
 * megabytes to a process that may run for weeks without making one (and to every CLI command).
 */
export function createRecapRenderer(messages: Catalogue = id): RecapRenderer {
  return {
    workbook: async (recap) => (await import('./workbook.ts')).renderWorkbook(recap, messages),
    chart: async (recap) => (await import('./chart.ts')).renderChart(recap, messages),
    csv: (recap) => renderCsv(recap, messages),
  };
}
