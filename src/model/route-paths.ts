/**
 * Route paths: joining mount prefixes and route paths, and deciding whether a path filter
 * (`app.use('/admin', auth)`, `app.all('/api/*', auth)`) covers a route path.
 *
 * Unknown parts are written `?`. A filter against a path with a `?` part gives `maybe`.
 */

/** Whether a filter covers a path: yes, no, or not decidable from the text. */
export type PathCoverage = 'yes' | 'no' | 'maybe';

/** The placeholder for a prefix or segment the analysis does not know. */
export const UNKNOWN_SEGMENT = '?';

/** Joins a prefix and a path: `('/api', '/users')` gives `/api/users`; `('/api', '/')` gives `/api`. */
export function joinRoutePath(prefix: string | undefined, path: string | undefined): string {
  const left = prefix === undefined ? UNKNOWN_SEGMENT : prefix;
  const right = path === undefined ? UNKNOWN_SEGMENT : path;
  const parts = [...splitPath(left), ...splitPath(right)];
  return parts.length === 0 ? '/' : `/${parts.join('/')}`;
}

/** Path segments, without empty ones: `/api//users/` gives `['api', 'users']`. */
export function splitPath(path: string): readonly string[] {
  let segments = splitPaths.get(path);
  if (!segments) {
    segments = path.split('/').filter((segment) => segment.length > 0);
    remember(splitPaths, path, segments);
  }
  return segments;
}

/**
 * Route linking asks about the same few thousand paths and filters again and again (every route
 * against every mount of its app): split each path once and decide each filter once. Bounded, and
 * emptied when full, so a long editor session does not grow them forever.
 */
const MAX_REMEMBERED = 50_000;
const splitPaths = new Map<string, readonly string[]>();
const coverages = new Map<string, PathCoverage>();

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= MAX_REMEMBERED) map.clear();
  map.set(key, value);
}

/** True when the path has an unknown part. */
export function hasUnknownSegment(path: string): boolean {
  return splitPath(path).includes(UNKNOWN_SEGMENT);
}

/** True for a segment that matches any single segment: `:id`, `:id?`, `{:id}`. */
function isParameterSegment(segment: string): boolean {
  return segment.startsWith(':') || /^\{:[^}]+\}$/.test(segment);
}

/** True for a segment that matches the rest of the path: `*`, `*splat`, `{*splat}`, `(.*)`. */
function isWildcardSegment(segment: string): boolean {
  return segment === '*' || /^\*\w*$/.test(segment) || /^\{\*\w*\}$/.test(segment) || segment === '(.*)' || segment.endsWith('(.*)');
}

/** True when a segment carries regex-like syntax the analysis does not interpret (`ab?cd`, `a+`). */
function isPatternSegment(segment: string): boolean {
  return !isParameterSegment(segment) && !isWildcardSegment(segment) && /[*+()[\]{}]/.test(segment);
}

/** True when a route path ends in a catch-all wildcard (`*`, `/{*splat}`, `(.*)`). */
export function isCatchAllPath(path: string): boolean {
  const segments = splitPath(path);
  const last = segments[segments.length - 1];
  return path === '*' || (last !== undefined && isWildcardSegment(last));
}

function segmentCovers(filter: string, segment: string): PathCoverage {
  if (filter === UNKNOWN_SEGMENT || segment === UNKNOWN_SEGMENT) return 'maybe';
  if (isPatternSegment(filter) && !isPatternSegment(segment) && !isParameterSegment(segment)) {
    // `ftp(?!/quarantine)` cannot match `profile`: its literal start already differs.
    const literal = /^[^*+?()[\]{}:]*/.exec(filter)![0].toLowerCase();
    return segment.toLowerCase().startsWith(literal) ? 'maybe' : 'no';
  }
  if (isPatternSegment(filter) || isPatternSegment(segment)) return 'maybe';
  if (isParameterSegment(filter)) return 'yes';
  // A literal filter segment against a route parameter: only some requests are covered.
  if (isParameterSegment(segment)) return 'maybe';
  return filter.toLowerCase() === segment.toLowerCase() ? 'yes' : 'no';
}

/**
 * Whether a path filter covers `path` (both relative to the same router). `prefix` filters cover the
 * path and everything below it; `exact` filters match the whole path, `*` matching the rest.
 */
export function pathFilterCovers(filter: string | undefined, match: 'prefix' | 'exact', path: string): PathCoverage {
  if (filter === undefined) return match === 'prefix' ? 'yes' : 'maybe';
  const key = `${match}\u0000${filter}\u0000${path}`;
  let coverage = coverages.get(key);
  if (!coverage) {
    coverage = computePathFilterCoverage(filter, match, path);
    remember(coverages, key, coverage);
  }
  return coverage;
}

function computePathFilterCoverage(filter: string, match: 'prefix' | 'exact', path: string): PathCoverage {
  const filterSegments = splitPath(filter);
  const pathSegments = splitPath(path);
  let result: PathCoverage = 'yes';
  for (let i = 0; i < filterSegments.length; i++) {
    const f = filterSegments[i]!;
    if (isWildcardSegment(f)) return result;
    const segment = pathSegments[i];
    if (segment === undefined) {
      // The route path is shorter than the filter: it is not covered, unless it is unknown.
      return pathSegments.includes(UNKNOWN_SEGMENT) ? 'maybe' : 'no';
    }
    if (segment === UNKNOWN_SEGMENT) return 'maybe';
    const covers = segmentCovers(f, segment);
    if (covers === 'no') return 'no';
    if (covers === 'maybe') result = 'maybe';
  }
  if (match === 'exact' && pathSegments.length > filterSegments.length) {
    const rest = pathSegments.slice(filterSegments.length);
    return rest.includes(UNKNOWN_SEGMENT) ? 'maybe' : 'no';
  }
  return result;
}

/**
 * The part of `path` below a mount `prefix`, for filters inside the mounted router:
 * `('/api', '/api/users/1')` gives `/users/1`. `undefined` when the prefix does not cover the path.
 */
export function stripPathPrefix(prefix: string | undefined, path: string): string | undefined {
  if (prefix === undefined) return joinRoutePath(UNKNOWN_SEGMENT, '');
  const prefixSegments = splitPath(prefix);
  const pathSegments = splitPath(path);
  if (pathSegments.length < prefixSegments.length) return undefined;
  return `/${pathSegments.slice(prefixSegments.length).join('/')}`;
}

/** Normalizes a written route path for display: leading slash, no trailing slash (except root). */
export function normalizeRoutePath(path: string): string {
  return joinRoutePath('', path);
}

/** True when a full path is nothing but a wildcard (`*`, `/*`, `/{*splat}`, `(.*)`): a fallback route. */
export function isFallbackPath(path: string): boolean {
  const segments = splitPath(path);
  return path.trim() === '*' || (segments.length === 1 && isWildcardSegment(segments[0]!));
}

/**
 * Matches a user route pattern from settings (`/health`, `/public/**`, `/api/*\/status`,
 * `GET /catalog/**`): `*` is one segment, `**` any number, `:param` segments of the route match
 * anything; a leading method restricts the pattern to it.
 */
export function matchesRoutePattern(pattern: string, method: string, fullPath: string): boolean {
  const trimmed = pattern.trim();
  const methodMatch = /^([A-Za-z]+)\s+(\/.*)$/.exec(trimmed);
  if (methodMatch && methodMatch[1]!.toUpperCase() !== method && method !== 'ALL') return false;
  const patternSegments = splitPath(methodMatch ? methodMatch[2]! : trimmed);
  const pathSegments = splitPath(fullPath);
  const match = (pi: number, si: number): boolean => {
    if (pi === patternSegments.length) return si === pathSegments.length;
    const p = patternSegments[pi]!;
    if (p === '**') {
      for (let k = si; k <= pathSegments.length; k++) if (match(pi + 1, k)) return true;
      return false;
    }
    if (si === pathSegments.length) return false;
    const s = pathSegments[si]!;
    if (p === '*' || p.startsWith(':') || p.toLowerCase() === s.toLowerCase()) return match(pi + 1, si + 1);
    return false;
  };
  return match(0, 0);
}

/** A path filter of a router step: what `pathFilterCovers` is asked with for it. */
export interface StepFilter {
  readonly filter: string | undefined;
  readonly match: 'prefix' | 'exact';
}

/**
 * The steps whose filter may cover a path, by index in order. A filter's leading literal segments
 * (`/api/users` in `/api/users/:id`) must equal the path's segments at the same places, so steps are
 * grouped by those segments and a path only meets the groups it agrees with: exactly the steps
 * `pathFilterCovers` could answer other than `no` for (or a few more). An app that mounts hundreds of
 * routers under `/api/...` would otherwise test every route against every mount.
 */
export class StepFilterIndex {
  /** Steps by their filter's whole literal prefix. */
  private readonly byPrefix = new Map<string, number[]>();
  /** Steps by every leading part of their filter's literal prefix. */
  private readonly byPrefixStart = new Map<string, number[]>();
  /** Steps whose filter starts with no literal segment (or has no filter): they may cover anything. */
  private readonly always: number[] = [];
  private readonly all: number[] = [];

  constructor(filters: readonly (StepFilter | undefined)[]) {
    filters.forEach((step, index) => {
      if (!step) return;
      this.all.push(index);
      const literal = step.filter === undefined ? [] : leadingLiteralSegments(step.filter);
      if (literal.length === 0) {
        this.always.push(index);
        return;
      }
      push(this.byPrefix, literal.join('/'), index);
      for (let j = 1; j <= literal.length; j++) push(this.byPrefixStart, literal.slice(0, j).join('/'), index);
    });
  }

  /** The indices (ascending) of the steps that may cover `path`. */
  candidates(path: string): readonly number[] {
    const segments = splitPath(path);
    const literal = leadingLiteralSegments(path);
    // A root path meets no filter with a literal segment; a path starting with a parameter or `?` meets all.
    if (literal.length === 0) return segments.length === 0 ? this.always : this.all;
    const found = new Set(this.always);
    // Filters no longer than the path's literal part must equal its start.
    for (let m = 1; m <= literal.length; m++) for (const i of this.byPrefix.get(literal.slice(0, m).join('/')) ?? []) found.add(i);
    // Longer filters can only meet a parameter, `?` or pattern segment after the literal part.
    if (segments.length > literal.length) for (const i of this.byPrefixStart.get(literal.join('/')) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b);
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/** The segments before the first one that is not plain, lowercased (route matching ignores case). */
function leadingLiteralSegments(path: string): string[] {
  const out: string[] = [];
  for (const segment of splitPath(path)) {
    if (!isLiteralSegment(segment)) break;
    out.push(segment.toLowerCase());
  }
  return out;
}

/** A plain segment: not unknown, not a parameter, wildcard or pattern. */
function isLiteralSegment(segment: string): boolean {
  return segment !== UNKNOWN_SEGMENT && !isParameterSegment(segment) && !isWildcardSegment(segment) && !isPatternSegment(segment);
}
