import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  SubTitle,
  Title,
  type ChartConfiguration,
  type ChartItem,
  type LegendItem,
  type Plugin,
} from 'chart.js';
import type { Recap, TargetStatus } from '../../domain/recap/recap.ts';
import { chartData, chartSize, statusColor, type ChartData } from './chart-data.ts';
import { fontFamily, registerChartFonts } from './fonts.ts';
import { id, type Catalogue } from '../../app/messages/id.ts';
import { labelsFor, type RecapLabels } from './labels.ts';

const textColor = '#222222';
const targetColor = '#111111';
const statuses: readonly TargetStatus[] = ['met', 'partial', 'missed', 'onLeave', 'notDue'];

let ready = false;
function setUp(): void {
  if (ready) return;
  // Only what a bar chart needs: tree-shaken registration keeps start-up and memory small.
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, SubTitle);
  registerChartFonts();
  ready = true;
}

const font = (size: number, weight: 'normal' | 'bold' = 'normal') => ({ family: fontFamily, size, weight });

/** Paints the canvas white first: a PNG is transparent by default, which dark chat themes show as black. */
function whiteBackground(ctx: SKRSContext2D): Plugin<'bar'> {
  return {
    id: 'kopdarWhiteBackground',
    beforeDraw: (chart) => {
      ctx.save();
      ctx.fillStyle = '#FFFFFF';
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
}

/** A black tick across each bar at the OPD's own target, and the count past the bar and the tick. */
function targetsAndCounts(ctx: SKRSContext2D, data: ChartData, formatCount: (n: number) => string): Plugin<'bar'> {
  return {
    id: 'kopdarTargets',
    afterDatasetsDraw: (chart) => {
      const x = chart.scales.x;
      if (!x) return;
      ctx.save();
      ctx.strokeStyle = targetColor;
      ctx.lineWidth = 2;
      ctx.fillStyle = textColor;
      ctx.font = `11px "${fontFamily}"`;
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        const { x: end, y, height } = bar.getProps(['x', 'y', 'height'], true) as { x: number; y: number; height: number };
        const expected = data.expected[i] ?? 0;
        // Nothing was expected of an OPD on leave all period: no tick on the axis line.
        const target = expected > 0 ? x.getPixelForValue(expected) : x.left;
        if (expected > 0) {
          ctx.beginPath();
          ctx.moveTo(target, y - height / 2 - 2);
          ctx.lineTo(target, y + height / 2 + 2);
          ctx.stroke();
        }
        ctx.fillText(formatCount(data.values[i] ?? 0), Math.max(end, target) + 5, y);
      });
      ctx.restore();
    },
  };
}

function legendItems(data: ChartData, labels: RecapLabels): LegendItem[] {
  const count = (status: TargetStatus) => data.statuses.filter((s) => s === status).length;
  return [
    // The three target colours always (the caption names them); grey only when someone was on leave.
    ...statuses
      .filter((status) => (status !== 'onLeave' && status !== 'notDue') || count(status) > 0)
      .map((status) => ({
        text: labels.file.chart.legendStatus(labels.status(status), labels.legendRule[status], count(status)),
        fillStyle: statusColor[status],
        strokeStyle: statusColor[status],
        lineWidth: 0,
        pointStyle: 'rect' as const,
        fontColor: textColor,
      })),
    { text: labels.file.chart.legendTarget, fillStyle: targetColor, strokeStyle: targetColor, lineWidth: 2, pointStyle: 'line' as const, fontColor: textColor },
  ];
}

/** Posts per OPD as horizontal bars, best first, coloured by how each OPD meets its target. */
export async function renderChart(recap: Recap, messages: Catalogue = id): Promise<Uint8Array> {
  setUp();
  const labels = labelsFor(messages);
  const data = chartData(recap);
  const { width, height } = chartSize(data.labels.length);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');

  const config: ChartConfiguration<'bar', number[], string> = {
    type: 'bar',
    data: { labels: data.labels, datasets: [{ data: data.values, backgroundColor: data.colors, borderWidth: 0, barPercentage: 0.85, categoryPercentage: 0.9 }] },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      events: [],
      layout: { padding: { top: 8, right: 40, bottom: 16, left: 8 } },
      scales: {
        // The axis sits on top, next to the title: on a tall chart the bottom is far away.
        x: {
          position: 'top',
          beginAtZero: true,
          suggestedMax: Math.max(1, ...data.expected, ...data.values),
          ticks: { precision: 0, font: font(12), color: textColor },
          title: { display: true, text: labels.file.chart.axis, font: font(12), color: textColor },
        },
        // Every OPD is named while a row is tall enough for its label; beyond that chart.js thins them.
        y: { ticks: { autoSkip: height / Math.max(1, data.labels.length) < 13, font: font(11), color: textColor }, grid: { display: false } },
      },
      plugins: {
        title: {
          display: true,
          text: labels.file.chart.title(labels.period(recap.period)),
          font: font(18, 'bold'),
          color: textColor,
          padding: { top: 8, bottom: 4 },
        },
        subtitle: {
          display: true,
          text: labels.file.chart.subtitle(recap.totals.opds, recap.totals.posts, labels.target(recap.target), labels.countedNote(recap.period)),
          font: font(14),
          color: textColor,
          padding: { bottom: 8 },
        },
        legend: { position: 'top', labels: { usePointStyle: true, font: font(13), color: textColor, generateLabels: () => legendItems(data, labels) } },
      },
    },
    plugins: [whiteBackground(ctx), targetsAndCounts(ctx, data, messages.format.number)],
  };

  // chart.js only reads the canvas's size and 2D context, which @napi-rs/canvas provides.
  const chart = new Chart(canvas as unknown as ChartItem, config);
  try {
    return new Uint8Array(await canvas.encode('png'));
  } finally {
    chart.destroy();
  }
}
