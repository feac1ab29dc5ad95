// A subscription that starts from a stored state: yields that state, then the later events a live
// pub/sub iterator brings (older or repeated ones are skipped), and ends after a final one.
// Shared by the audio and data jobs' progress subscriptions.

/** How a job's events are ordered and when they end. */
export interface EventOrder<T> {
  /** Whether `value` is newer than `last` (null: nothing seen yet). */
  isLater(value: T, last: T | null): boolean;
  isFinal(value: T): boolean;
}

/**
 * Yields `first` (when not null), then the later events `rest` brings, and ends after a final
 * one (at once when `first` is final). Returning it closes `rest`, so the pub/sub listener goes
 * with the subscriber.
 */
export function followIterator<T>(first: T | null, rest: AsyncIterableIterator<T>, order: EventOrder<T>): AsyncIterableIterator<T> {
  let pending = first;
  let last = first;
  let ended = false;
  const end = async (): Promise<IteratorResult<T>> => {
    ended = true;
    await rest.return?.();
    return { value: undefined, done: true };
  };
  const events: AsyncIterableIterator<T> = {
    async next() {
      if (pending !== null) {
        const value = pending;
        pending = null;
        if (order.isFinal(value)) ended = true;
        return { value, done: false };
      }
      if (ended) return end();
      for (;;) {
        const r = await rest.next();
        if (r.done) return r;
        if (!order.isLater(r.value, last)) continue;
        last = r.value;
        if (order.isFinal(r.value)) ended = true;
        return { value: r.value, done: false };
      }
    },
    return: end,
    async throw(err?: unknown) {
      await end();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return events;
    },
  };
  return events;
}
