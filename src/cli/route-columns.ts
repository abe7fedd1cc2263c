/**
 * The inventory's per-route posture columns beyond auth and validation: rate limiting and
 * ownership checks. Each column is a row of `ROUTE_COLUMNS` with its headers; the route
 * model source fills a `RouteColumnValue` per column id, and the table, JSON and HTML formats print
 * every column of the list. Adding a column is one row here and one entry in the source's
 * `getColumns`.
 */

/** A cell: a short value (`express-rate-limit`), `-` when the route has none, `?` when it is not known. */
export interface RouteColumnValue {
  readonly value: string;
  /** `yes`: the route has it; `no`: it does not; `unknown`: another file or unread code may decide. */
  readonly state: 'yes' | 'no' | 'unknown';
  /** Why, for JSON and the HTML report: the limiter and where it is attached. */
  readonly reason?: string;
}

export interface RouteColumnSpec {
  /** The key in `RouteRow.columns` and in the JSON output. */
  readonly id: string;
  /** The terminal table header. */
  readonly header: string;
  /** The HTML report header. */
  readonly htmlHeader: string;
}

export const ROUTE_COLUMNS = [
  { id: 'rateLimit', header: 'RATE LIMIT', htmlHeader: 'rate limit' },
  { id: 'ownership', header: 'OWNERSHIP', htmlHeader: 'ownership' },
] as const satisfies readonly RouteColumnSpec[];

export type RouteColumnId = (typeof ROUTE_COLUMNS)[number]['id'];

/** The column values of one route (a source may leave a column out: it prints as unknown). */
export type RouteColumns = Readonly<Partial<Record<RouteColumnId, RouteColumnValue>>>;

/** What a column shows when the source does not know it. */
export const UNKNOWN_CELL: RouteColumnValue = { value: '?', state: 'unknown' };

/** The value of column `id` for a row, `?` when absent. */
export function getColumnValue(columns: RouteColumns | undefined, id: RouteColumnId): RouteColumnValue {
  return columns?.[id] ?? UNKNOWN_CELL;
}
