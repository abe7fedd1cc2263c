/**
 * Masks secrets in source text that a report quotes (code frames, SARIF snippets, HTML, Markdown).
 * Rule messages already carry masked values; this covers the line around them, and any other line
 * a report shows. It errs towards masking: a masked token in a code frame costs nothing, a printed
 * key leaks it into every CI log.
 *
 * A token is masked when it has a known secret prefix (cloud keys, tokens, private key headers),
 * is the password of a URL, or is long, mixes letters and digits, and looks random. At most the
 * first four characters (and at most half) of a masked token remain visible.
 *
 * The provider formats come from the secrets catalog (`findSecretFormatMatches`, the same scan
 * `no-hardcoded-secrets` uses) and masks from `maskSecret`, so every output masks alike; the
 * heuristics here are the safety net for what the catalog does not know.
 */
import { maskSecret } from '../core/mask.js';
import { findSecretFormatMatches } from '../secrets/secret-format-scan.js';

const MIN_RANDOM_TOKEN = 16;

/** Prefixes of credential formats that are secret whatever their length. */
const SECRET_PREFIXES: readonly RegExp[] = [
  /^(AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{12,}/u,
  /^gh[pousr]_[A-Za-z0-9]{20,}/u,
  /^github_pat_[A-Za-z0-9_]{20,}/u,
  /^(sk|rk|pk)_(live|test)_[A-Za-z0-9]{10,}/u,
  /^whsec_[A-Za-z0-9]{10,}/u,
  /^xox[abposr]-[A-Za-z0-9-]{10,}/u,
  /^SG\.[A-Za-z0-9_-]{10,}/u,
  /^AIza[0-9A-Za-z_-]{20,}/u,
  /^glpat-[A-Za-z0-9_-]{10,}/u,
  /^npm_[A-Za-z0-9]{20,}/u,
  /^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/u,
];

/** The masked form of a token: first characters (at most 4, at most half) and an ellipsis. */
export function maskToken(token: string): string {
  return maskSecret(token);
}

function shannonBitsPerChar(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** True when a token of source text looks like a secret value. */
export function looksLikeSecretToken(token: string): boolean {
  if (SECRET_PREFIXES.some((re) => re.test(token))) return true;
  if (token.length < MIN_RANDOM_TOKEN) return false;
  if (token.startsWith('/') || token.startsWith('.') || token.includes('://')) return false; // paths and URLs
  const hasLetter = /[A-Za-z]/u.test(token);
  const hasDigit = /[0-9]/u.test(token);
  if (!hasLetter || !hasDigit) return false;
  if (/^[a-z]+(?:[A-Z][a-z0-9]*)+$/u.test(token) || (/^[A-Z0-9_]+$/u.test(token) && token.includes('_'))) return false; // identifiers
  return shannonBitsPerChar(token) >= 3.2;
}

/** Secret values found in one line of source text. */
export function findSecretsInLine(line: string): string[] {
  const found: string[] = [];
  try {
    for (const match of findSecretFormatMatches(line)) found.push(match.text);
  } catch {
    // the catalog scan is an addition; the heuristics below still run
  }
  // URL credentials: scheme://user:password@host
  for (const match of line.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`]+:([^\s@'"`/]+)@/giu)) {
    if (match[1] && !/^\$\{|^<|^\*+$/u.test(match[1])) found.push(match[1]);
  }
  for (const match of line.matchAll(/[A-Za-z0-9+/=_\-.]+/gu)) {
    const token = match[0];
    if (looksLikeSecretToken(token)) found.push(token);
  }
  return found;
}

/** `text` with every secret-looking token masked; line breaks are kept. */
export function redactSnippet(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let result = line;
      const secrets = [...new Set(findSecretsInLine(line))].sort((a, b) => b.length - a.length);
      for (const secret of secrets) result = result.split(secret).join(maskToken(secret));
      if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/u.test(result)) {
        result = result.replace(/(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\s\S]*/u, '$1…');
      }
      return result;
    })
    .join('\n');
}
