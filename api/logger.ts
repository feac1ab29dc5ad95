// Structured logging: one JSON object per line in production, readable colourless lines otherwise.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export function createLogger(opts: { production: boolean; level: string }): Logger {
  if (opts.production) return pino({ level: opts.level, base: { service: 'trebuchet' } });
  // Synchronous pretty printing in-process: no worker thread, lines never lost at exit.
  return pino({ level: opts.level }, pretty({ sync: true, colorize: false, singleLine: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l' }));
}
