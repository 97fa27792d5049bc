import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';

const token = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345';

function problem(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('applies every documented default', () => {
    const config = parseConfig({ BOT_TOKEN: token });
    expect(config.telegramApiRoot).toBe('https://api.telegram.org');
    expect(config.databaseUrl).toBe('file:./data/kopdar.db');
    expect(config.superadminIds).toEqual([]);
    expect(config.timezone).toBe('Asia/Jakarta');
    expect(config.logLevel).toBe('info');
    expect(config.rateLimits).toEqual({ globalPerSecond: 30, perChatPerSecond: 1, perChatBurst: 3, perGroupPerMinute: 20 });
  });

  it('parses superadmin ids as BigInt and trims the API root', () => {
    const config = parseConfig({ BOT_TOKEN: token, SUPERADMIN_IDS: '111, 5000000000', TELEGRAM_API_ROOT: 'http://127.0.0.1:9999/' });
    expect(config.superadminIds).toEqual([111n, 5000000000n]);
    expect(config.telegramApiRoot).toBe('http://127.0.0.1:9999');
  });

  it('a missing BOT_TOKEN says to ask @BotFather', () => {
    const error = problem({});
    expect(error.variable).toBe('BOT_TOKEN');
    expect(error.message).toContain('@BotFather');
    expect(error.message.split('\n')).toHaveLength(1);
    expect(problem({ BOT_TOKEN: '   ' }).message).toContain('@BotFather');
  });

  it('a malformed token is named without being printed', () => {
    const error = problem({ BOT_TOKEN: 'not-a-token-secret-value' });
    expect(error.variable).toBe('BOT_TOKEN');
    expect(error.message).not.toContain('not-a-token-secret-value');
  });

  it.each([
    ['SUPERADMIN_IDS', 'abc'],
    ['APP_TIMEZONE', 'Mars/Olympus'],
    ['LOG_LEVEL', 'loud'],
    ['TELEGRAM_API_ROOT', 'ftp://x'],
    ['DATABASE_URL', 'mysql://x'],
    ['RATE_GLOBAL_PER_SECOND', '-3'],
  ])('a malformed %s is named with its fix', (variable, value) => {
    const error = problem({ BOT_TOKEN: token, [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('operator commands may run without a token', () => {
    expect(parseConfig({}, { requireToken: false }).botToken).toBe('');
  });
});
