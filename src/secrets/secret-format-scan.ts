/**
 * Scans a string for provider secret formats (the catalog rows plus user patterns), dropping
 * documented examples, fillers, public-by-design keys and matches that fail a row's own check.
 */
import { SECRET_FORMATS, type SecretFormatRow } from '../catalog/secrets.js';
import { isPlaceholderToken } from './placeholder.js';

/** A format to scan for: a catalog row, or a user's `additionalPatterns` entry. */
export type SecretFormat = SecretFormatRow;

/** One provider secret found in a string. */
export interface SecretFormatMatch {
  readonly format: SecretFormat;
  /** The secret text as matched. */
  readonly text: string;
  /** Offsets of the match inside the scanned string. */
  readonly start: number;
  readonly end: number;
}

/** What the scanner may know about where the string sits. */
export interface SecretScanContext {
  /** The names the value is assigned to, outermost first (`['storage', 'secretAccessKey']`). */
  readonly names?: readonly string[];
  /** Property names of the object literal the value is a property of. */
  readonly siblingProperties?: ReadonlySet<string>;
}

/** Shortest string any catalog format can match; shorter strings are not scanned. */
export const MIN_SCANNED_LENGTH = 16;

const DEFAULT_MIN_ENTROPY = 3;

const globalPatterns = new WeakMap<RegExp, RegExp>();

function globalVersion(pattern: RegExp): RegExp {
  let global = globalPatterns.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    globalPatterns.set(pattern, global);
  }
  global.lastIndex = 0;
  return global;
}

function mayContain(format: SecretFormat, value: string): boolean {
  const keywords = format.keywords;
  if (!keywords) return true;
  for (let i = 0; i < keywords.length; i++) if (value.includes(keywords[i]!)) return true;
  return false;
}

function contextAllows(format: SecretFormat, value: string, start: number, context: SecretScanContext): boolean {
  if (!format.context) return true;
  const names = (context.names ?? []).join('.');
  return format.context.test(names) || format.context.test(value.slice(Math.max(0, start - 40), start));
}

function isPublicBeside(format: SecretFormat, context: SecretScanContext): boolean {
  const siblings = context.siblingProperties;
  return !!siblings && !!format.publicBesideProperties?.some((p) => siblings.has(p));
}

/** What a scan found: the secrets, and whether a look-alike was set aside (an example, a public key). */
export interface SecretFormatScan {
  readonly matches: readonly SecretFormatMatch[];
  /**
   * True when a format matched but its match was dropped as a documented example, a filler, a
   * public-by-design key or an unsigned token: the value is known not to be a secret, so the
   * name and sink heuristics must not report it either.
   */
  readonly rejectedLookalike: boolean;
}

/** The answer for the (many) strings that hold no provider secret: shared, so scanning them allocates nothing. */
const NOTHING_FOUND: SecretFormatScan = Object.freeze({ matches: Object.freeze([]) as readonly SecretFormatMatch[], rejectedLookalike: false });

/**
 * Scans `value` for provider secrets: first match per format, in order of position. `extraFormats`
 * (user patterns) are scanned after the catalog.
 */
export function scanSecretFormats(value: string, extraFormats: readonly SecretFormat[] = [], context: SecretScanContext = {}): SecretFormatScan {
  const scanCatalog = value.length >= MIN_SCANNED_LENGTH;
  if (!scanCatalog && extraFormats.length === 0) return NOTHING_FOUND;
  const state: ScanState = { value, context, names: undefined, matches: [], rejectedLookalike: false };
  if (scanCatalog) for (const format of SECRET_FORMATS) scanFormat(state, format);
  for (const format of extraFormats) scanFormat(state, format);
  if (state.matches.length === 0 && !state.rejectedLookalike) return NOTHING_FOUND;
  return { matches: state.matches.sort((a, b) => a.start - b.start), rejectedLookalike: state.rejectedLookalike };
}

interface ScanState {
  readonly value: string;
  readonly context: SecretScanContext;
  /** The holder's names joined with dots, computed when a format first needs them. */
  names: string | undefined;
  readonly matches: SecretFormatMatch[];
  rejectedLookalike: boolean;
}

function scanFormat(state: ScanState, format: SecretFormat): void {
  const { value, context } = state;
  if (!mayContain(format, value)) return;
  // A format that needs context is only worth running when the name or the text can give it.
  if (format.context) {
    state.names ??= (context.names ?? []).join('.');
    if (!format.context.test(state.names) && !format.context.test(value)) return;
  }
  const pattern = globalVersion(format.pattern);
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    const text = match[0];
    const start = match.index;
    if (text.length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (!contextAllows(format, value, start, context)) continue;
    if (
      isPlaceholderToken(text, format.minEntropy ?? DEFAULT_MIN_ENTROPY) ||
      (format.confirm && !format.confirm(text, value)) ||
      isPublicBeside(format, context)
    ) {
      state.rejectedLookalike = true;
      continue;
    }
    // Overlapping matches (an sk- key that is also an OpenAI key) keep the first, more specific row.
    if (state.matches.some((m) => start < m.end && m.start < start + text.length)) continue;
    state.matches.push({ format, text, start, end: start + text.length });
    return;
  }
}

/** The provider secrets in `value` (see `scanSecretFormats`). */
export function findSecretFormatMatches(
  value: string,
  extraFormats: readonly SecretFormat[] = [],
  context: SecretScanContext = {},
): readonly SecretFormatMatch[] {
  return scanSecretFormats(value, extraFormats, context).matches;
}
