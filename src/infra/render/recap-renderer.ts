import { id, type Catalogue } from '../../app/messages/id.ts';
import type { RecapRenderer } from '../../app/ports/recap-renderer.port.ts';
import { renderChart } from './chart.ts';
import { renderCsv } from './csv.ts';
import { renderWorkbook } from './workbook.ts';

/**
 * Workbook with exceljs, chart with chart.js on Skia (@napi-rs/canvas), CSV with csv-stringify,
 * in the words of the given catalogue (the bot's APP_LOCALE; Indonesian by default).
 */
export function createRecapRenderer(messages: Catalogue = id): RecapRenderer {
  return {
    workbook: (recap) => renderWorkbook(recap, messages),
    chart: (recap) => renderChart(recap, messages),
    csv: (recap) => renderCsv(recap, messages),
  };
}
