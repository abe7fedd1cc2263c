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
export function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
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
