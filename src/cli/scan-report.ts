/**
 * What a scan produces, before any formatting: one entry per analyzed file with its findings in
 * CLI form (1-based positions, interpolated messages, masked snippets, stable fingerprints), the
 * diagnostics a person must see (skipped files, rule failures, config problems), and the rules
 * that ran. Every formatter reads only this.
 */
import type { AnyApiRule } from '../rule-kit/define-api-rule.js';
import type { RouteRow } from './route-inventory.js';
import type { RowComparison } from './route-contract.js';

export type ReportSeverity = 'error' | 'warning';

/** A rule as the CLI runs it: id without prefix, the level from the config, and resolved options. */
export interface SelectedRule {
  readonly id: string;
  readonly rule: AnyApiRule;
  readonly level: 'error' | 'warn';
  readonly options: readonly unknown[];
}

/** A suggestion in ESLint's result shape: one merged edit. */
export interface ReportedSuggestion {
  readonly messageId: string;
  /** The message data, as ESLint prints it (string values masked like the message). */
  readonly data?: Readonly<Record<string, string | number>>;
  readonly desc: string;
  readonly fix: { readonly range: readonly [number, number]; readonly text: string };
}

export interface ReportedRelatedLocation {
  readonly message: string;
  /** Absolute path (a related place may sit in another file). */
  readonly filePath: string;
  readonly line: number;
  readonly column: number;
}

export interface ReportedFinding {
  /** `api-guard/<id>`. */
  readonly ruleId: string;
  /** The id without prefix. */
  readonly ruleName: string;
  readonly severity: ReportSeverity;
  readonly messageId: string;
  readonly message: string;
  /** 1-based, like ESLint. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The reported line's text (first line of the range), secrets masked, long lines cut. */
  readonly snippet: string;
  /** The reported region's text on its first line, secrets masked. */
  readonly regionSnippet: string;
  /** Stable across line shifts: rule, relative path, normalized code, route, occurrence. */
  readonly fingerprint: string;
  readonly suggestions: readonly ReportedSuggestion[];
  readonly related: readonly ReportedRelatedLocation[];
  /** `GET /users/:id` when the finding names a route. */
  readonly route?: string;
}

/** A finding an inline comment suppressed, with the comment's reason. */
export interface SuppressedFinding extends ReportedFinding {
  readonly suppression: {
    readonly kind: 'api-guard-ignore' | 'eslint-disable-next-line';
    /** 1-based line of the comment. */
    readonly line: number;
    /** The text after ` -- ` (masked); absent when the comment gives none (then a warning is reported). */
    readonly reason?: string;
  };
}

export interface FileReport {
  /** Absolute path. */
  readonly filePath: string;
  /** Relative to the report root, with forward slashes. */
  readonly relativePath: string;
  /** Findings left after the baseline and `--quiet`, in position order. */
  readonly findings: readonly ReportedFinding[];
  /** Findings suppressed by inline comments (`api-guard-ignore`, `eslint-disable-next-line`). */
  readonly suppressed?: readonly SuppressedFinding[];
  /** A syntax error: the file was not analyzed (ESLint's fatal parsing error). */
  readonly parseError?: { readonly message: string; readonly line: number; readonly column: number };
  /** Why the file was not analyzed (too large, minified, unreadable). */
  readonly skipReason?: string;
}

export type DiagnosticKind = 'config' | 'project' | 'skipped' | 'rule-failure' | 'timeout' | 'file-note';

/** Something a person must know that is not a finding. */
export interface ScanDiagnostic {
  readonly kind: DiagnosticKind;
  readonly message: string;
  /** Absolute path of the file concerned, when there is one. */
  readonly filePath?: string;
}

export interface ScanReport {
  /** The folder relative paths are computed from (the repository root, or the working folder). */
  readonly root: string;
  readonly files: readonly FileReport[];
  readonly diagnostics: readonly ScanDiagnostic[];
  readonly rules: readonly SelectedRule[];
  /** Findings left out because the baseline records them. */
  readonly baselineSuppressed: number;
  /** Warnings left out by `--quiet`. */
  readonly quietSuppressed: number;
  /** Projects analyzed: a name each, and their file counts. */
  readonly projects: readonly { readonly name: string; readonly files: number }[];
  /** The route inventory (for the HTML report); `undefined` when not computed. */
  readonly routes?: readonly RouteRow[];
  /** The routes compared with the API's contract (HTML report), when a contract was found. */
  readonly contract?: RowComparison;
  readonly durationMs: number;
  readonly toolName: string;
  readonly toolVersion: string;
}

/** Counts over a report, as ESLint counts them (parsing errors are errors). */
export function countFindings(report: ScanReport): { errors: number; warnings: number; fatal: number } {
  let errors = 0;
  let warnings = 0;
  let fatal = 0;
  for (const file of report.files) {
    if (file.parseError) fatal++;
    for (const finding of file.findings) {
      if (finding.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings, fatal };
}
