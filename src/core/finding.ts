/**
 * What a rule's policy returns: data, never a report. Only the ESLint adapter calls
 * `context.report`, and only the CLI formats text.
 */
import type * as ts from 'typescript';

export type FindingSeverity = 'error' | 'warning';

/** A text edit in offsets of the analyzed file. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface FindingSuggestion {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly edits: readonly TextEdit[];
}

/** A place that explains a finding (the source of a flow, a sibling route's guard). */
export interface RelatedLocation {
  readonly node: ts.Node;
  readonly message: string;
}

export interface Finding {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  /** The node to report on, in the analyzed file. */
  readonly node: ts.Node;
  /** An explicit range, when narrower than `node` (offsets in the analyzed file). */
  readonly range?: { readonly start: number; readonly end: number };
  /** Severity for the CLI and SARIF; ESLint uses the configured rule severity. */
  readonly severity?: FindingSeverity;
  readonly suggestions?: readonly FindingSuggestion[];
  readonly related?: readonly RelatedLocation[];
  /** Stable parts that identify the finding across line shifts (baseline fingerprints). */
  readonly fingerprint?: readonly string[];
}
