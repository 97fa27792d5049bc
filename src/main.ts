import { ConfigError, loadConfig } from './config.ts';
import { systemClock } from './infra/clock/system-clock.ts';
import { createLogger } from './infra/logging/logger.ts';
import { startKopdar } from './runtime.ts';

/** `npm start`: loads .env, migrates, runs the bot until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, [config.botToken]);
  const kopdar = await startKopdar({ config, logger, clock: systemClock });
  const shutdown = (signal: string): void => {
    logger.info({ event: 'bot.stopping', signal });
    kopdar.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ event: 'bot.stop_failed', err: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // Operators read one clear line, never a stack trace; the token is never part of it.
  const message = error instanceof ConfigError ? error.message : `kopdar gagal dijalankan: ${error instanceof Error ? error.message : String(error)}`;
  const token = process.env.BOT_TOKEN;
  console.error(token && token.length >= 8 ? message.split(token).join('[redacted]') : message);
  process.exit(1);
});
