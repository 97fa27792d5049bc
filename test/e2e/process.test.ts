import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramServer } from '../helpers/fake-telegram/server.ts';
import { TEST_TOKEN } from '../helpers/kopdar-harness.ts';

const root = path.resolve(import.meta.dirname, '../..');

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm start` in the project with the given environment (no .env file is involved). */
function npmStart(env: Record<string, string>): { child: ChildProcess; done: Promise<Finished>; stdout: () => string } {
  // Its own process group, like a terminal or systemd starts it: a signal reaches npm and the bot.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    detached: true,
    env: { ...process.env, BOT_TOKEN: '', SUPERADMIN_IDS: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, stdout: () => stdout };
}

/** stderr without npm's own warnings about this machine's npm configuration. */
const ownLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'));

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kopdar-process-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm start as an operator runs it', () => {
  it('a missing BOT_TOKEN stops start-up with one line that says to ask @BotFather, exit code 1', async () => {
    const { done } = npmStart({ DATABASE_URL: `file:${tmp}/a/kopdar.db` });
    const result = await done;
    expect(result.code).toBe(1);
    const lines = ownLines(result.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('BOT_TOKEN');
    expect(lines[0]).toContain('@BotFather');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('a malformed variable is named, and the token is never printed', async () => {
    const { done } = npmStart({ BOT_TOKEN: TEST_TOKEN, APP_TIMEZONE: 'Asia/Atlantis', DATABASE_URL: `file:${tmp}/b/kopdar.db` });
    const result = await done;
    expect(result.code).toBe(1);
    const lines = ownLines(result.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('APP_TIMEZONE');
    expect(result.stderr + result.stdout).not.toContain(TEST_TOKEN);
  }, 30_000);

  describe('against the fake Bot API server', () => {
    let tg: FakeTelegramServer;
    beforeAll(async () => {
      tg = await FakeTelegramServer.start({ token: TEST_TOKEN, limits: { enforce: true } });
    });
    afterAll(async () => tg.stop());

    it('a token the server rejects is explained in one line without the token', async () => {
      const wrong = '987654321:AAHwrongTOKENwrongTOKENwrong_xyz';
      const { done } = npmStart({ BOT_TOKEN: wrong, TELEGRAM_API_ROOT: tg.apiRoot, DATABASE_URL: `file:${tmp}/c/kopdar.db` });
      const result = await done;
      expect(result.code).toBe(1);
      const lines = ownLines(result.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('@BotFather');
      expect(result.stderr + result.stdout).not.toContain(wrong);
    }, 30_000);

    it('creates the database on first start, answers /start, and stops cleanly on SIGTERM', async () => {
      // npm itself dies of the signal; the bot (which shares our stdout pipe) must finish cleanly.
      const databaseFile = path.join(tmp, 'd', 'data', 'kopdar.db');
      const bot = npmStart({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: tg.apiRoot, DATABASE_URL: `file:${databaseFile}`, SUPERADMIN_IDS: '1001' });
      await tg.waitFor((c) => c.method === 'setMyCommands', { timeoutMs: 20_000 });
      expect(existsSync(databaseFile)).toBe(true);
      tg.sendText({ from: { id: 5005, first_name: 'Wati' }, text: '/start' });
      const answer = await tg.waitForMessage(5005, /Halo, Wati!/, { timeoutMs: 20_000 });
      expect(answer.text).toContain('/daftar');
      tg.sendText({ from: { id: 1001, first_name: 'Sari' }, text: '/start' });
      await tg.waitForMessage(1001, /Superadmin Diskominfo/, { timeoutMs: 20_000 });

      process.kill(-(bot.child.pid ?? 0), 'SIGTERM');
      const result = await bot.done;
      const events = result.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => (JSON.parse(l) as { event?: string }).event);
      expect(events).toEqual(expect.arrayContaining(['db.migrated', 'bot.started', 'bot.stopping', 'bot.stopped']));
      expect(result.stdout).not.toContain(TEST_TOKEN);
    }, 60_000);
  });
});
