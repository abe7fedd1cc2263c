/**
 * Route paths of the code and of an OpenAPI document, made comparable. Each path becomes a list
 * of segments: a literal (`users`), a parameter (`:id`, `{userId}`, `:id(\\d+)`, `{:id}`), a
 * pattern that mixes both (`:name.:ext`, `{name}.{ext}`, both written `{}.{}`), the rest of the path
 * (`*`, `*splat`, `{*splat}`, `(.*)`), or unknown (`?`, a prefix the model does not know).
 * Optional parts expand into variants: `/users/:id?` and Express 5's `/users{/:id}` are both
 * `/users` and `/users/{}`. Trailing and doubled slashes do not count.
 */

export type PathSegment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param' }
  | { readonly kind: 'pattern'; readonly text: string }
  | { readonly kind: 'rest' }
  | { readonly kind: 'unknown' };

export type SegmentList = readonly PathSegment[];

const MAX_VARIANTS = 16;

/** A code segment with `:name` (and an optional `(regex)`) replaced by `{}`; `::` is a literal colon. */
function normalizeCodeSegment(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === ':' && segment[i + 1] === ':') {
      out += ':';
      i++;
      continue;
    }
    if (c === ':' && /[A-Za-z0-9_$]/.test(segment[i + 1] ?? '')) {
      i++;
      while (i < segment.length && /[A-Za-z0-9_$]/.test(segment[i]!)) i++;
      if (segment[i] === '(') {
        let depth = 0;
        for (; i < segment.length; i++) {
          if (segment[i] === '\\') {
            i++;
            continue;
          }
          if (segment[i] === '(') depth++;
          else if (segment[i] === ')' && --depth === 0) break;
        }
      } else {
        i--;
      }
      out += '{}';
      continue;
    }
    out += c;
  }
  return out;
}

function classify(text: string): PathSegment {
  if (text === '?') return { kind: 'unknown' };
  if (text === '{}') return { kind: 'param' };
  if (text.includes('{}')) return { kind: 'pattern', text: text.toLowerCase() };
  return { kind: 'literal', text: text.toLowerCase() };
}

function isRestSegment(segment: string): boolean {
  return segment === '*' || /^\*\w*$/.test(segment) || /^\{\*\w*\}$/.test(segment) || segment === '(.*)' || segment.endsWith('(.*)') || segment === '**';
}

/** Expands Express 5 optional groups (`/users{/:id}`, `/files{.:ext}`): with and without each group. */
function expandOptionalGroups(path: string): string[] {
  let variants = [path];
  for (let guard = 0; guard < 8; guard++) {
    const next: string[] = [];
    let changed = false;
    for (const variant of variants) {
      const match = /\{([^{}*][^{}]*)\}/.exec(variant);
      if (!match) {
        next.push(variant);
        continue;
      }
      changed = true;
      const before = variant.slice(0, match.index);
      const after = variant.slice(match.index + match[0].length);
      next.push(before + match[1] + after, before + after);
    }
    variants = next.slice(0, MAX_VARIANTS);
    if (!changed) break;
  }
  return variants;
}

/** The segment lists of a code route path (variants for optional parts). */
export function parseCodePath(path: string): SegmentList[] {
  const results: PathSegment[][] = [];
  for (const variant of expandOptionalGroups(path.trim())) {
    let lists: PathSegment[][] = [[]];
    for (const raw of variant.split('/')) {
      if (raw.length === 0) continue;
      if (isRestSegment(raw)) {
        lists = lists.map((l) => [...l, { kind: 'rest' }]);
        continue;
      }
      // `:id?` is optional: with it and without it.
      const optional = /^:[A-Za-z0-9_$]+(\(.*\))?\?$/.test(raw);
      const segment = classify(normalizeCodeSegment(optional ? raw.slice(0, -1) : raw));
      lists = optional ? [...lists.map((l) => [...l, segment]), ...lists.map((l) => [...l])].slice(0, MAX_VARIANTS) : lists.map((l) => [...l, segment]);
    }
    results.push(...lists);
  }
  const seen = new Set<string>();
  return results.filter((list) => {
    const key = formatSegments(list);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The segment list of a document path under a base path (`/v1` + `/users/{userId}`). */
export function parseContractPath(basePath: string, path: string): SegmentList {
  const segments: PathSegment[] = [];
  for (const raw of `${basePath}/${path}`.split('/')) {
    if (raw.length === 0) continue;
    segments.push(classify(raw.replace(/\{[^}]*\}/g, '{}')));
  }
  return segments;
}

/** `/users/{}`: a list written back, for keys and messages. */
export function formatSegments(list: SegmentList): string {
  const parts = list.map((s) => (s.kind === 'literal' || s.kind === 'pattern' ? s.text : s.kind === 'param' ? '{}' : s.kind === 'rest' ? '*' : '?'));
  return `/${parts.join('/')}`;
}

/** True when a code path has a part the model does not know (`?`). */
export function hasUnknownPart(list: SegmentList): boolean {
  return list.some((s) => s.kind === 'unknown');
}

function patternMatchesLiteral(pattern: string, literal: string): boolean {
  const source = pattern
    .split('{}')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${source}$`).test(literal);
}

/**
 * Does the document path describe the code route? Read from the code's side: a code parameter needs
 * a documented parameter (a route that serves every `:id` is not documented by `/users/me` alone);
 * a code literal is documented by the same literal or by a documented parameter. A code `*` takes the
 * rest of the document path. Returns a score (more exact literal matches is higher), or -1.
 */
export function codePathDocumentedBy(code: SegmentList, doc: SegmentList): number {
  let score = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c.kind === 'rest') return i === code.length - 1 ? score : -1;
    const d = doc[i];
    if (!d || c.kind === 'unknown' || d.kind === 'unknown' || d.kind === 'rest') return -1;
    if (c.kind === 'literal') {
      if (d.kind === 'literal' && d.text === c.text) score += 2;
      else if (d.kind === 'param') score += 0;
      else if (d.kind === 'pattern' && patternMatchesLiteral(d.text, c.text)) score += 1;
      else return -1;
    } else if (c.kind === 'param') {
      if (d.kind !== 'param') return -1;
      score += 1;
    } else {
      // A pattern (`{}.{}`): the same pattern, or a whole documented parameter.
      if (d.kind === 'pattern' && d.text === c.text) score += 2;
      else if (d.kind !== 'param') return -1;
    }
  }
  return code.length === doc.length ? score : -1;
}

/**
 * Could the code route serve requests to the document path? Read from the document's side and
 * generous on purpose (a zombie must be certain): parameters on either side match anything, a code
 * `*` matches the rest, and an unknown code part (`?`) may stand for any number of segments.
 */
export function codePathMayServe(code: SegmentList, doc: SegmentList): boolean {
  const match = (ci: number, di: number): boolean => {
    if (ci === code.length) return di === doc.length;
    const c = code[ci]!;
    if (c.kind === 'rest') return true;
    if (c.kind === 'unknown') {
      for (let k = di; k <= doc.length; k++) if (match(ci + 1, k)) return true;
      return false;
    }
    const d = doc[di];
    if (!d) return false;
    if (c.kind === 'param' || d.kind === 'param' || d.kind === 'unknown') return match(ci + 1, di + 1);
    if (c.kind === 'literal' && d.kind === 'literal') return c.text === d.text && match(ci + 1, di + 1);
    if (c.kind === 'literal' && d.kind === 'pattern') return patternMatchesLiteral(d.text, c.text) && match(ci + 1, di + 1);
    if (c.kind === 'pattern' && d.kind === 'literal') return patternMatchesLiteral(c.text, d.text) && match(ci + 1, di + 1);
    return match(ci + 1, di + 1);
  };
  return match(0, 0);
}
