/**
 * Masking of secret values, shared by every output: ESLint messages, the CLI's text, JSON, SARIF
 * and HTML formats, baselines. Reports end up in CI logs, so a secret is never printed whole.
 *
 * The rule: at most the first 4 characters are shown, and never more than half of the value, so a
 * short password keeps most of its characters hidden. The prefix is enough to recognise a provider
 * (`AKIA…`, `ghp_…`, `sk_l…`) without giving anything usable away.
 */

/** The most characters of a secret any output may show. */
export const MASK_VISIBLE_CHARS = 4;

const ELLIPSIS = '…';

/**
 * The masked form of a secret: its first characters (at most 4, at most half of the value) and
 * `…`. Control characters, quotes and backticks in the visible part are replaced so the mask is safe
 * inside a Markdown code span, a JSON string or a terminal line.
 */
export function maskSecret(value: string): string {
  const chars = Array.from(value);
  if (chars.length === 0) return ELLIPSIS;
  const visible = Math.min(MASK_VISIBLE_CHARS, Math.floor(chars.length / 2));
  const prefix = chars
    .slice(0, visible)
    .map((c) => (/^[\p{Cc}\p{Cf}`'"\\]$/u.test(c) ? '·' : c))
    .join('');
  return `${prefix}${ELLIPSIS}`;
}

/**
 * `text` with every occurrence of each secret replaced by its mask: for source snippets, SARIF
 * region snippets and HTML reports that quote the line holding a secret.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  // Longest first, so a secret that contains another is masked whole.
  const ordered = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  for (const secret of ordered) {
    if (result.includes(secret)) result = result.split(secret).join(maskSecret(secret));
  }
  return result;
}
