/**
 * The route inventory as a table for the terminal (`api-guard routes`), and as JSON
 * (`--format json`). Text from the analyzed code is stripped of terminal control characters.
 */
import { createColors } from 'picocolors';
import type { RouteRow } from '../route-inventory.js';
import { ROUTE_COLUMNS, getColumnValue, type RouteColumnId, type RouteColumnValue } from '../route-columns.js';
import { toPrintableText } from './text.js';

const MAX_CELL = 40;

/** A cell cut at the end (lists of names). */
function cell(text: string, max = MAX_CELL): string {
  const clean = toPrintableText(text);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** A cell cut at the start, so a location keeps its file name and line. */
function tailCell(text: string, max = 56): string {
  const clean = toPrintableText(text);
  return clean.length > max ? `…${clean.slice(clean.length - max + 1)}` : clean;
}

export function formatRoutesTable(rows: readonly RouteRow[], options: { readonly color: boolean }): string {
  const c = createColors(options.color);
  if (rows.length === 0) return 'No routes found.\n';
  const header = ['METHOD', 'PATH', 'FRAMEWORK', 'HANDLER', 'AUTH', 'VALIDATION', ...ROUTE_COLUMNS.map((column) => column.header), 'POSTURE'];
  const body = rows.map((r) => [
    cell(r.methods.join(',')),
    toPrintableText(r.path),
    r.framework,
    tailCell(`${r.relativePath}:${r.line}`),
    cell(r.guards.join(', ') || '-'),
    cell(r.validation.join(', ') || '-'),
    ...ROUTE_COLUMNS.map((column) => cell(getColumnValue(r.columns, column.id).value, 30)),
    r.posture.state + (r.posture.reason ? ` (${cell(r.posture.reason)})` : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const paint = (state: string, text: string): string => {
    if (state === 'unprotected') return c.red(text);
    if (state === 'protected') return c.green(text);
    if (state === 'unknown') return c.yellow(text);
    return text;
  };
  const lines = [c.bold(header.map((h, i) => h.padEnd(widths[i]!)).join('  ').trimEnd())];
  rows.forEach((r, index) => {
    const row = body[index]!;
    const padded = row.map((value, i) => (i === row.length - 1 ? value : value.padEnd(widths[i]!)));
    padded[padded.length - 1] = paint(r.posture.state, padded[padded.length - 1]!);
    lines.push(padded.join('  ').trimEnd());
  });
  const byState = new Map<string, number>();
  for (const r of rows) byState.set(r.posture.state, (byState.get(r.posture.state) ?? 0) + 1);
  const summary = ['protected', 'public', 'unprotected', 'unknown'].filter((s) => byState.has(s)).map((s) => `${byState.get(s)} ${s}`);
  lines.push('', `${rows.length} route${rows.length === 1 ? '' : 's'}: ${summary.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** One route in `--format json`; every `ROUTE_COLUMNS` column is a key (`rateLimit: { value, state, reason }`). */
export interface RouteJson extends Partial<Record<RouteColumnId, RouteColumnValue>> {
  readonly methods: readonly string[];
  readonly path: string;
  readonly framework: string;
  readonly file: string;
  readonly line: number;
  readonly guards: readonly string[];
  readonly validation: readonly string[];
  readonly middleware: readonly string[];
  readonly posture: string;
  readonly postureReason?: string;
  readonly complete: boolean;
}

export function toRouteJson(r: RouteRow): RouteJson {
  return {
    methods: r.methods,
    path: r.path,
    framework: r.framework,
    file: r.filePath,
    line: r.line,
    guards: r.guards,
    validation: r.validation,
    middleware: r.otherChain,
    posture: r.posture.state,
    ...(r.posture.reason ? { postureReason: r.posture.reason } : {}),
    ...Object.fromEntries(ROUTE_COLUMNS.map((column) => [column.id, getColumnValue(r.columns, column.id)])),
    complete: r.complete,
  };
}

export function formatRoutesJson(rows: readonly RouteRow[]): string {
  return `${JSON.stringify(rows.map(toRouteJson), null, 2)}\n`;
}
