// Relay connection fields shared by every XConnection type: edges and pageInfo from a Page.
import type { Page } from '../api/services/registry';

export function edgesOf<T>(page: Page<T>): { cursor: string; node: T }[] {
  return page.rows.map((node) => ({ cursor: page.cursor(node), node }));
}

export function pageInfoOf<T>(page: Page<T>) {
  const first = page.rows[0];
  const last = page.rows[page.rows.length - 1];
  return {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: first === undefined ? null : page.cursor(first),
    endCursor: last === undefined ? null : page.cursor(last),
  };
}

/** `{ key, value }` pairs of a tags JSON object, sorted by key. */
export function tagList(tags: unknown): { key: string; value: string }[] {
  if (!tags || typeof tags !== 'object') return [];
  return Object.entries(tags as Record<string, string>)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({ key, value }));
}
