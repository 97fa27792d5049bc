import { readFileSync } from 'node:fs';

/**
 * How much CPU the rest of the machine used while the bench ran (Linux: /proc), so that a run
 * disturbed by other work says so instead of printing slow figures as if they were the bot's.
 */

/** Linux's USER_HZ: /proc reports times in 1/100 s on every common architecture. */
const MS_PER_TICK = 10;

export interface CpuSnapshot {
  /** Busy CPU of the whole machine (all cores, steal included), ms. */
  readonly machineBusyMs: number;
  /** This process and its waited-for descendants (runners, observers), ms. */
  readonly ownTreeMs: number;
  readonly at: number;
}

export function cpuSnapshot(): CpuSnapshot | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).map(Number);
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after "(comm)": state is field 3, utime 14, stime 15, cutime 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    const own = (fields[11] ?? 0) + (fields[12] ?? 0) + (fields[13] ?? 0) + (fields[14] ?? 0);
    return { machineBusyMs: (user + nice + system + irq + softirq + steal) * MS_PER_TICK, ownTreeMs: own * MS_PER_TICK, at: Date.now() };
  } catch {
    return null; // not Linux
  }
}

/** Other processes using more than this share of one core on average make a run's times unreliable. */
export const BUSY_CORE_SHARE = 0.1;

export interface OtherWork {
  /** CPU used by everything but the bench, ms, and as a share of one core over the run. */
  readonly otherCpuMs: number;
  readonly otherCoreShare: number;
  readonly wallMs: number;
}

/** Call after every child process has exited (their CPU is only counted once they are reaped). */
export function otherWorkSince(before: CpuSnapshot | null): OtherWork | null {
  const after = cpuSnapshot();
  if (!before || !after) return null;
  const wallMs = after.at - before.at;
  const otherCpuMs = Math.max(0, after.machineBusyMs - before.machineBusyMs - (after.ownTreeMs - before.ownTreeMs));
  return { otherCpuMs, otherCoreShare: otherCpuMs / wallMs, wallMs };
}

/**
 * One line saying how much other work ran while measuring, and whether it makes the times
 * unreliable (more than `busyShare` of one core on average).
 */
export function otherWorkLine(otherWork: OtherWork | null, busyShare: number): { readonly line: string | null; readonly busy: boolean } {
  if (!otherWork) return { line: null, busy: false };
  const busy = otherWork.otherCoreShare > busyShare;
  return {
    busy,
    line:
      `  other work on the machine while measuring: ${(otherWork.otherCpuMs / 1000).toFixed(1)} CPU-s (${(otherWork.otherCoreShare * 100).toFixed(0)}% of one core)` +
      (busy ? ' — THE MACHINE WAS BUSY: times are unreliable, run again on a quiet machine.' : '.'),
  };
}
