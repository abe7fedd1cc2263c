/**
 * ESLint's `json` formatter shape, so tools that read ESLint results (scorers, dashboards, the
 * GitHub ESLint annotators) read a scan: one result per analyzed file, clean files included with
 * empty `messages`. `source` is left out on purpose: it would print every secret of the file.
 */
import type { FileReport, ReportedFinding, ScanReport } from '../scan-report.js';

/** A suggestion as ESLint prints it. */
export interface EslintJsonSuggestion {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly fix: { readonly range: readonly [number, number]; readonly text: string };
  readonly desc: string;
}

export interface EslintJsonMessage {
  readonly ruleId: string | null;
  readonly severity: 1 | 2;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly nodeType: null;
  readonly messageId?: string;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly fatal?: true;
  readonly suggestions?: readonly EslintJsonSuggestion[];
}

export interface EslintJsonResult {
  readonly filePath: string;
  readonly messages: readonly EslintJsonMessage[];
  /** ESLint's shape: each suppressed message with `suppressions: [{ kind: 'directive', justification }]`. */
  readonly suppressedMessages: readonly (EslintJsonMessage & { readonly suppressions: readonly { readonly kind: 'directive'; readonly justification: string }[] })[];
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  readonly usedDeprecatedRules: readonly never[];
}

function toMessage(f: ReportedFinding): EslintJsonMessage {
  return {
    ruleId: f.ruleId,
    severity: f.severity === 'error' ? 2 : 1,
    message: f.message,
    line: f.line,
    column: f.column,
    nodeType: null,
    messageId: f.messageId,
    endLine: f.endLine,
    endColumn: f.endColumn,
    // ESLint's order: the rule's `{ messageId, data, fix }`, then the interpolated `desc`.
    ...(f.suggestions.length > 0 ? { suggestions: f.suggestions.map((s) => ({ messageId: s.messageId, ...(s.data ? { data: s.data } : {}), fix: s.fix, desc: s.desc })) } : {}),
  };
}

export function toEslintResult(file: FileReport): EslintJsonResult {
  const messages: EslintJsonMessage[] = [];
  if (file.parseError) {
    messages.push({ ruleId: null, fatal: true, severity: 2, message: file.parseError.message, line: file.parseError.line, column: file.parseError.column, nodeType: null });
  }
  for (const f of file.findings) messages.push(toMessage(f));
  const errorCount = messages.filter((m) => m.severity === 2).length;
  return {
    filePath: file.filePath,
    messages,
    suppressedMessages: (file.suppressed ?? []).map((f) => ({ ...toMessage(f), suppressions: [{ kind: 'directive' as const, justification: f.suppression.reason ?? '' }] })),
    errorCount,
    fatalErrorCount: file.parseError ? 1 : 0,
    warningCount: messages.length - errorCount,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

export function formatEslintJson(report: ScanReport): string {
  return JSON.stringify(report.files.map(toEslintResult));
}
