// Time source for services, so tests can fix "now" (alias history, timestamps).

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
