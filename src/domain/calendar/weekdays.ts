/** Groups ISO weekdays (1 = Monday … 7 = Sunday) into runs: [1,2,3,4,5,7] → [[1,5],[7,7]]. */
export function weekdayRuns(days: readonly number[]): [number, number][] {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const day of sorted) {
    const last = runs.at(-1);
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

/** The compact form the settings parser reads back: [1,2,3,4,5,7] → "1-5,7". */
export function compactWeekdays(days: readonly number[]): string {
  return weekdayRuns(days)
    .map(([from, to]) => (from === to ? String(from) : to === from + 1 ? `${from},${to}` : `${from}-${to}`))
    .join(',');
}

/** "Senin–Jumat, Minggu" from ISO weekdays, with the names of one language (index 0 = Monday). */
export function nameWeekdayRuns(days: readonly number[], names: readonly string[]): string {
  const name = (d: number) => names[d - 1] ?? String(d);
  return weekdayRuns(days)
    .map(([from, to]) => (from === to ? name(from) : to === from + 1 ? `${name(from)}, ${name(to)}` : `${name(from)}–${name(to)}`))
    .join(', ');
}
