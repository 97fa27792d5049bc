import { Writable } from 'node:stream';
import pino from 'pino';

/**
 * A pino logger that writes one JSON line per event to stdout. Secrets (the bot token) are
 * scrubbed from every line before it is written, wherever they hide: an error message that
 * quotes a request URL would otherwise leak the token.
 */
export function createLogger(level: string, secrets: readonly string[] = [], out: NodeJS.WritableStream = process.stdout): pino.Logger {
  const hidden = secrets.filter((s) => s.length >= 8);
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      let line = chunk.toString('utf8');
      for (const secret of hidden) line = line.split(secret).join('[redacted]');
      out.write(line, () => done());
    },
  });
  return pino({ level, base: { app: 'kopdar' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
