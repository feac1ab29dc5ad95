// Structured logging: one JSON object per line in production, readable single lines otherwise.
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

/** `destination` defaults to stdout; tests pass a stream to read the lines back. */
export function createLogger(opts: { production: boolean; level: string }, destination?: DestinationStream): Logger {
  if (opts.production) return pino({ level: opts.level, base: { service: 'trebuchet' } }, destination ?? pino.destination(1));
  // Synchronous pretty printing in-process: no worker thread, lines never lost at exit.
  return pino(
    { level: opts.level },
    pretty({ sync: true, colorize: false, singleLine: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l', ...(destination ? { destination } : {}) }),
  );
}
