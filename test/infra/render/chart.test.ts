import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { chartData, chartSize, statusColor } from '../../../src/infra/render/chart-data.ts';
import { renderChart } from '../../../src/infra/render/chart.ts';
import { buildRecap, largeRecapFixture, november2026, recapFixture } from '../../helpers/recap-fixture.ts';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** How many pixels have exactly each colour. */
function countColours(png: PNG, colours: readonly string[]): number[] {
  const wanted = colours.map(rgb);
  const counts = colours.map(() => 0);
  for (let i = 0; i < png.data.length; i += 4) {
    wanted.forEach(([r, g, b], c) => {
      if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b && png.data[i + 3] === 255) counts[c] = (counts[c] ?? 0) + 1;
    });
  }
  return counts;
}

/** What Telegram's sendPhoto accepts. */
const fitsSendPhoto = (png: PNG) => png.width + png.height <= 10_000 && Math.max(png.width / png.height, png.height / png.width) <= 20;

describe('recap chart', () => {
  const recap = recapFixture();

  it('draws the recap\'s numbers, in the recap\'s order, coloured by status', () => {
    const data = chartData(recap);
    expect(data.labels).toEqual(recap.opds.map((o) => o.code));
    expect(data.values).toEqual(recap.opds.map((o) => o.posts));
    expect(data.statuses).toEqual(recap.opds.map((o) => o.status));
    expect(data.expected).toEqual(recap.opds.map((o) => o.expectedPosts));
    expect(data.colors).toEqual(recap.opds.map((o) => ({ met: '#2E7D32', partial: '#F9A825', missed: '#C62828', onLeave: '#9E9E9E', notDue: '#BDBDBD' })[o.status]));
    expect(data.labels.slice(0, 3)).toEqual(['DISKOMINFO', 'DINKES', 'DISDIK']);
    expect(data.values.reduce((a, b) => a + b, 0)).toBe(recap.totals.posts);
    expect(new Set(data.statuses)).toEqual(new Set(['met', 'partial', 'missed', 'onLeave']));
    expect(data.labels.at(-1)).toBe('DISPARBUD');
  });

  it('is a white PNG of the planned size with bars in the three status colours', async () => {
    const png = PNG.sync.read(Buffer.from(await renderChart(recap)));
    expect({ width: png.width, height: png.height }).toEqual(chartSize(recap.opds.length));
    expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    const [met = 0, partial = 0, missed = 0, onLeave = 0, text = 0] = countColours(png, [statusColor.met, statusColor.partial, statusColor.missed, statusColor.onLeave, '#222222']);
    // Bars are many pixels each; the legend's swatches alone are about a hundred.
    expect(met).toBeGreaterThan(5_000);
    expect(partial).toBeGreaterThan(1_000);
    expect(missed).toBeGreaterThan(500);
    expect(onLeave).toBeGreaterThan(100);
    expect(text).toBeGreaterThan(100);
    expect(met).toBeGreaterThan(partial);
  });

  it('the same recap gives the same image', async () => {
    expect(Buffer.from(await renderChart(recap)).equals(Buffer.from(await renderChart(recap)))).toBe(true);
  });

  it('stays within sendPhoto\'s limits for 500 OPDs and more', async () => {
    for (const n of [0, 1, 12, 100, 500, 2000]) {
      const { width, height } = chartSize(n);
      expect(width + height, `${n} OPDs`).toBeLessThanOrEqual(10_000);
      expect(height / width).toBeLessThanOrEqual(20);
      expect(height).toBeGreaterThanOrEqual(400);
    }
    const big = largeRecapFixture(500);
    const png = PNG.sync.read(Buffer.from(await renderChart(big)));
    expect({ width: png.width, height: png.height }).toEqual({ width: 1200, height: 8000 });
    expect(fitsSendPhoto(png)).toBe(true);
    const counts = countColours(png, [statusColor.met, statusColor.partial, statusColor.missed]);
    for (const c of counts) expect(c).toBeGreaterThan(1_000);
  });

  it('draws a recap without OPDs (title and axes only)', async () => {
    const png = PNG.sync.read(Buffer.from(await renderChart(buildRecap({ period: november2026, generatedAt: '2026-12-01T00:30:00Z', opds: [] }))));
    expect({ width: png.width, height: png.height }).toEqual({ width: 1200, height: 400 });
    expect(fitsSendPhoto(png)).toBe(true);
  });
});
