// Topic-based publish/subscribe behind subscriptions. In-process for the embedded mode; Postgres
// LISTEN/NOTIFY when several API nodes share a database, so a subscriber on node A sees an event
// published on node B.
import { EventEmitter } from 'node:events';
import pg from 'pg';

export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Events published on `topic` after this call, until the iterator is returned. */
  subscribe<T>(topic: string): AsyncIterableIterator<T>;
  close(): Promise<void>;
}

/**
 * Turns emitter events into an async iterator with an unbounded queue: a slow subscriber delays
 * only itself. `return()` (graphql-ws calls it when the client unsubscribes) removes the listener.
 */
function iteratorFor<T>(emitter: EventEmitter, topic: string): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let waiting: ((r: IteratorResult<T>) => void) | null = null;
  let done = false;
  const listener = (payload: T) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w({ value: payload, done: false });
    } else {
      queue.push(payload);
    }
  };
  emitter.on(topic, listener);
  const finish = (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      emitter.off(topic, listener);
      queue.length = 0;
      waiting?.({ value: undefined, done: true });
      waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next(): Promise<IteratorResult<T>> {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return: finish,
    throw(err?: unknown) {
      void finish();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Publish/subscribe within this process. */
export class InProcessPubSub implements PubSub {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    this.emitter.emit(topic, payload);
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return iteratorFor<T>(this.emitter, topic);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** Postgres NOTIFY payloads are limited to 8000 bytes; larger events must be fetched by ID. */
const MAX_NOTIFY_BYTES = 7900;
const CHANNEL = 'trebuchet_events';

/**
 * Publish/subscribe across processes through one Postgres channel. One dedicated connection
 * LISTENs and fans out locally; publishing uses `pg_notify` on a pooled connection.
 */
export class PostgresPubSub implements PubSub {
  private readonly local = new EventEmitter();
  private listener: pg.Client | null = null;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly pool: pg.Pool,
  ) {
    this.local.setMaxListeners(0);
  }

  static async connect(url: string): Promise<PostgresPubSub> {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    const ps = new PostgresPubSub(url, pool);
    await ps.listen();
    return ps;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        const { topic, payload } = JSON.parse(msg.payload) as { topic: string; payload: unknown };
        this.local.emit(topic, payload);
      } catch {
        // A payload that is not ours: ignore it.
      }
    });
    client.on('error', () => {
      // The listening connection dropped: reconnect, so subscriptions keep receiving events.
      if (this.closed) return;
      this.listener = null;
      setTimeout(() => void this.listen().catch(() => undefined), 500).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    const text = JSON.stringify({ topic, payload });
    if (Buffer.byteLength(text) > MAX_NOTIFY_BYTES) {
      throw new Error(`pubsub: event on "${topic}" is ${Buffer.byteLength(text)} bytes, over the ${MAX_NOTIFY_BYTES}-byte NOTIFY limit`);
    }
    await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, text]);
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return iteratorFor<T>(this.local, topic);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.local.removeAllListeners();
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}

/** The values of `source` that `keep` accepts; closing the result closes the source. */
export function filterIterator<T>(source: AsyncIterableIterator<T>, keep: (value: T) => boolean): AsyncIterableIterator<T> {
  return {
    async next() {
      for (;;) {
        const r = await source.next();
        if (r.done || keep(r.value)) return r;
      }
    },
    return: () => source.return?.() ?? Promise.resolve({ value: undefined, done: true }),
    throw: (e) => source.throw?.(e) ?? Promise.reject(e),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
