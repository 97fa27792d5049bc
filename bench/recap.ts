/**
 * Building the monthly recap (issue 5): 500 OPDs and 200,000 reports in SQLite, the KPI recap of
 * November 2026 computed with the app's own code, then its workbook and chart, each measured in
 * a fresh child process. The baseline, measured in the same run, is the naive way to get the
 * same counts: every report of the month read as a row and counted in JS.
 * Target: the whole recap (data, workbook, chart) under 3 s; peak RSS is reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RecapChildJob, RecapChildResult, RecapRun } from './recap/child.ts';
import { buildRecapDataset, defaultRecapDataset, RECAP_MONTH, RECAP_NOW, RECAP_TZ, type RecapDatasetOptions } from './recap/dataset.ts';
import { forkForResult } from './lib/child-process.ts';
import { envInt } from './lib/env.ts';
import { BUSY_CORE_SHARE, cpuSnapshot, otherWorkLine, otherWorkSince } from './lib/machine.ts';

export const RECAP_TARGET_MS = 3000;
const childPath = path.join(import.meta.dirname, 'recap', 'child.ts');

const ms = (v: number) => `${v.toFixed(0)} ms`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

export async function benchRecap(): Promise<{ table: string; json: object }> {
  const options: RecapDatasetOptions = {
    opds: envInt('BENCH_RECAP_OPDS', defaultRecapDataset.opds),
    reports: envInt('BENCH_RECAP_REPORTS', defaultRecapDataset.reports),
    directives: envInt('BENCH_RECAP_DIRECTIVES', defaultRecapDataset.directives),
    seed: envInt('BENCH_RECAP_SEED', defaultRecapDataset.seed),
  };
  const runs = envInt('BENCH_RECAP_RUNS', 3);
  console.log(`recap bench: ${options.opds} OPDs, ${options.reports} reports, ${options.directives} directives, month ${RECAP_MONTH}`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'kopdar-recap-'));
  try {
    const file = path.join(scratch, 'kopdar.db');
    const built = await buildRecapDataset(file, options);
    console.log(`data set built in ${(built.ms / 1000).toFixed(1)} s`);
    const job = (mode: RecapChildJob['mode']): RecapChildJob => ({ mode, file, runs, month: RECAP_MONTH, now: RECAP_NOW, timezone: RECAP_TZ });
    const cpuBefore = cpuSnapshot();
    console.log(`measuring the monthly recap (data + workbook + chart) ×${runs} in a fresh process…`);
    const ours = await forkForResult<RecapChildResult>(childPath, job('ours'), 'recap child');
    console.log(`measuring the naive baseline (every report as a row) ×${runs} in a fresh process…`);
    const naive = await forkForResult<RecapChildResult>(childPath, job('naive'), 'naive recap child');
    const otherWork = otherWorkSince(cpuBefore);

    const first = ours.runs[0] as RecapRun;
    const warm = ours.runs.slice(1);
    const warmTotal = warm.length > 0 ? median(warm.map((r) => r.totalMs)) : first.totalMs;
    const naiveCold = naive.runs[0]?.buildMs ?? NaN;
    const met = first.totalMs < RECAP_TARGET_MS;
    const lines: string[] = [];
    const row = (label: string, value: string, target = '', verdict = '') => lines.push(`  ${label.padEnd(46)} ${value.padStart(14)}  ${target.padEnd(9)} ${verdict}`);
    lines.push(`Monthly recap — ${ours.summary.opds} OPDs, ${ours.summary.posts} posts in ${RECAP_MONTH} (${ours.summary.activeOpds} active OPDs), ${ours.summary.directives} directives`);
    lines.push(`  ${''.padEnd(46)} ${'figure'.padStart(14)}  ${'target'.padEnd(9)} verdict`);
    row('whole recap, cold (1st in a fresh process)', ms(first.totalMs), `< ${RECAP_TARGET_MS} ms`, met ? 'MET' : 'NOT MET');
    row('  data: buildRecap (grouped queries + KPI)', ms(first.buildMs));
    row('  workbook (exceljs)', `${ms(first.workbookMs)}`, '', `${(first.workbookBytes / 1024).toFixed(0)} KB`);
    row('  chart (chart.js on @napi-rs/canvas)', `${ms(first.chartMs)}`, '', `${(first.chartBytes / 1024).toFixed(0)} KB PNG`);
    row(`whole recap, warm (median of ${warm.length})`, ms(warmTotal));
    row('peak RSS after the first recap (VmHWM)', mb(ours.peakAfterFirstKb));
    row(`  after all ${ours.runs.length} runs`, mb(ours.maxRssKb));
    row('  opening the DB (migration check + Prisma)', ms(ours.openMs));
    row('baseline: reports as rows, counted in JS (cold)', ms(naiveCold));
    row('  baseline peak RSS', mb(naive.maxRssKb));
    row('data part: ours / baseline (cold)', `${(first.buildMs / naiveCold).toFixed(2)}×`);
    const { line: otherWorkText, busy } = otherWorkLine(otherWork, BUSY_CORE_SHARE);
    if (otherWorkText) lines.push(otherWorkText);
    const table = lines.join('\n');
    const json = {
      finishedAt: new Date().toISOString(),
      machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?' },
      dataset: { ...options, buildMs: built.ms },
      ours,
      naive,
      otherWork: otherWork ? { ...otherWork, busy } : null,
      ratios: { dataOursOverNaiveCold: first.buildMs / naiveCold },
      target: { ms: RECAP_TARGET_MS, coldTotalMs: first.totalMs, met },
    };
    return { table, json };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
