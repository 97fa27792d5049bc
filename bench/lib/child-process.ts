import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Runs a TypeScript entry in a fresh Node process and resolves with the one message it sends. */
export function forkForResult<T>(entry: string, arg: unknown, what: string, extraExecArgv: string[] = [], timeoutMs = 180_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(entry, [JSON.stringify(arg)], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx', ...extraExecArgv],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: T | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (message) => {
      result = message as T;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (result !== undefined && code === 0) resolve(result);
      else reject(new Error(`${what} exited with code ${code}${result === undefined ? ' without a result' : ''}`));
    });
  });
}

/**
 * This process's peak RSS in KB: VmHWM from /proc/self/status, which exec resets. Not
 * process.resourceUsage().maxRSS: on Linux that survives fork + exec, so a child would report its
 * parent's peak when that was higher. maxRSS only where /proc is absent.
 */
export function peakRssKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}
