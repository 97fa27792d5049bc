import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the operator CLI (`npm run kopdar -- …`'s command line) in the project with `env` added. */
export async function runCli(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await exec('node', ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
