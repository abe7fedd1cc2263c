/**
 * Which part of a URL a tainted value controls: a three-point lattice.
 *
 * - `whole`: the value starts the URL, so it chooses the scheme and the host (`fetch(req.query.url)`).
 * - `host`: something precedes it but nothing fixes the origin yet (`` `https://${tenant}.example.com` ``,
 *   `base + input` with no `/` between): the value can still change the host.
 * - `path`: an origin is fixed before it (`` `https://api.example.com/items/${id}` ``,
 *   `` `${config.base}/x/${id}` ``, `?url=${u}`): it only reaches the path, query or fragment.
 *
 * Placing a value in a string can only move it right (`whole` to `host` to `path`), never back.
 */

export type UrlPart = 'whole' | 'host' | 'path';

const ORDER: Readonly<Record<UrlPart, number>> = { whole: 0, host: 1, path: 2 };

/** The part a value has after being placed at `position` of a larger URL: the more restricted of the two. */
export function placeUrlPart(part: UrlPart, position: UrlPart): UrlPart {
  return ORDER[position] > ORDER[part] ? position : part;
}

/** The less restricted of two parts (the one that controls more). */
export function widestUrlPart(a: UrlPart, b: UrlPart): UrlPart {
  return ORDER[a] <= ORDER[b] ? a : b;
}

/** True when the part lets the value choose the host (`whole` or `host`). */
export function controlsHost(part: UrlPart): boolean {
  return part !== 'path';
}

/**
 * True when a static piece of a URL fixes the origin for everything after it: it holds `?` or
 * `#`, or a `/` right after a character that is not `:`, `/`, `?` or `#` (the slash that ends a host), or it
 * starts with a single `/` (a path after an unknown but clean base). Modelled on CodeQL's
 * hostname-sanitizing prefixes.
 */
export function fixesOrigin(staticPiece: string): boolean {
  return /[?#]|[^?#:/\\][/\\]/.test(staticPiece) || /^[/\\](?![/\\])/.test(staticPiece);
}

/** One piece of a concatenation or template: static text, or a value (clean or not). */
export type UrlPiece = { readonly text: string } | { readonly value: true };

/**
 * The position of each value piece in a concatenation: `path` after a piece that fixes the origin,
 * `whole` when nothing precedes it, `host` otherwise.
 */
export function positionsOfPieces(pieces: readonly UrlPiece[]): UrlPart[] {
  const positions: UrlPart[] = [];
  let fixed = false;
  let anythingBefore = false;
  for (const piece of pieces) {
    if ('text' in piece) {
      if (piece.text.length === 0) continue;
      if (fixesOrigin(piece.text)) fixed = true;
      anythingBefore = true;
      continue;
    }
    positions.push(fixed ? 'path' : anythingBefore ? 'host' : 'whole');
    anythingBefore = true;
  }
  return positions;
}
