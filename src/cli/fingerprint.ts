/**
 * Fingerprints that identify a finding across edits that only move it: built from the rule id, the
 * file path relative to the report root, the message id, the normalized text of the reported line,
 * the finding's own stable parts (its route, its sink) and the occurrence index among identical
 * keys in the file. Line numbers never enter, so adding a line above a finding keeps its
 * fingerprint; editing the reported line changes it (a changed line deserves a new look).
 */
import { createHash } from 'node:crypto';

export interface FingerprintInput {
  readonly ruleId: string;
  readonly relativePath: string;
  readonly messageId: string;
  /** The text of the reported line (raw; normalized here). */
  readonly lineText: string;
  /** `Finding.fingerprint` parts, and the route when the finding names one. */
  readonly parts: readonly string[];
}

/** Whitespace collapsed and trimmed, so re-indenting does not change a fingerprint. */
export function normalizeCodeText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function keyOf(input: FingerprintInput): string {
  return [input.ruleId, input.relativePath, input.messageId, normalizeCodeText(input.lineText), ...input.parts].join('\u0000');
}

/**
 * Fingerprints for the findings of one run, in the given order (which must be position order
 * within each file, so occurrence indexes are stable). 32 hex characters each.
 */
export function computeFingerprints(inputs: readonly FingerprintInput[]): string[] {
  const seen = new Map<string, number>();
  return inputs.map((input) => {
    const key = keyOf(input);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
