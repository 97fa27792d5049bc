import { describe, expect, it } from 'vitest';
import { renderChart } from '../../../src/infra/render/chart.ts';
import { renderWorkbook } from '../../../src/infra/render/workbook.ts';
import { largeRecapFixture } from '../../helpers/recap-fixture.ts';

// Prints, never asserts, the time: a shared CI machine would make a limit flaky. The aim is
// well under 1.5 s for workbook and chart together for 500 OPDs on a 2-core VPS.
describe('rendering 500 OPDs', () => {
  it('prints how long the workbook and the chart take', async () => {
    const recap = largeRecapFixture(500);
    const time = async (render: () => Promise<Uint8Array>) => {
      const start = performance.now();
      const bytes = await render();
      return { ms: performance.now() - start, bytes: bytes.length };
    };
    const cold = { workbook: await time(() => renderWorkbook(recap)), chart: await time(() => renderChart(recap)) };
    const runs: (typeof cold)[] = [];
    for (let i = 0; i < 3; i += 1) runs.push({ workbook: await time(() => renderWorkbook(recap)), chart: await time(() => renderChart(recap)) });
    const best = (key: 'workbook' | 'chart') => Math.min(...runs.map((r) => r[key].ms));
    const both = runs.map((r) => r.workbook.ms + r.chart.ms);
    console.log(
      `500 OPDs — first run: workbook ${cold.workbook.ms.toFixed(0)} ms, chart ${cold.chart.ms.toFixed(0)} ms; ` +
        `then best of 3: workbook ${best('workbook').toFixed(0)} ms (${(cold.workbook.bytes / 1024).toFixed(0)} KiB), ` +
        `chart ${best('chart').toFixed(0)} ms (${(cold.chart.bytes / 1024).toFixed(0)} KiB), together ${Math.min(...both).toFixed(0)} ms`,
    );
    expect(cold.workbook.bytes).toBeGreaterThan(0);
  });
});
