/**
 * Files that the analysis skips, with a reason a person can read: generated bundles and huge files
 * hold no hand-written routes, and walking them would make the editor slow.
 */

/** Files larger than this many characters are skipped. */
export const MAX_FILE_CHARS = 2_000_000;

/** A file whose average line is longer than this (over a meaningful size) looks minified. */
const MINIFIED_AVERAGE_LINE = 1_000;
const MINIFIED_MIN_CHARS = 50_000;

/** Why a file is skipped, or `undefined` when it is analyzed. */
export function getFileSkipReason(text: string): string | undefined {
  if (text.length > MAX_FILE_CHARS) {
    return `file is larger than ${Math.round(MAX_FILE_CHARS / 1_000_000)} MB (${(text.length / 1_000_000).toFixed(1)} MB); skipped`;
  }
  if (text.length > MINIFIED_MIN_CHARS) {
    let lines = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
    if (text.length / lines > MINIFIED_AVERAGE_LINE) {
      return `file looks minified (average line of ${Math.round(text.length / lines)} characters); skipped`;
    }
  }
  return undefined;
}
