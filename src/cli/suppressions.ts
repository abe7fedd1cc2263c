/**
 * Inline suppressions in `api-guard scan`: findings on the line after an `// api-guard-ignore <rule>
 * -- reason` or `// eslint-disable-next-line api-guard/<rule> -- reason` comment move from
 * `findings` to `suppressed` (listed with their reason in every format), and a suppression without
 * a reason is itself reported as a warning, so the reason is never lost.
 */
import type * as ts from 'typescript';
import { findSuppression, getSuppressionComments, type SuppressionComment } from '../core/suppressions.js';
import { getLineText, type UnfingerprintedFinding } from './report-finding.js';
import type { ReportedFinding, ScanReport, SuppressedFinding } from './scan-report.js';
import { redactSnippet } from './snippet-redaction.js';

/** The rule id of the warning for a suppression without a reason. */
export const MISSING_REASON_RULE_ID = 'api-guard/suppression-reason';

/** Splits a file's findings into reported and suppressed; adds warnings for reason-less suppressions. */
export function applyInlineSuppressions(
  sourceFile: ts.SourceFile,
  pending: readonly UnfingerprintedFinding[],
  finalize: (pending: UnfingerprintedFinding[]) => ReportedFinding[],
): { findings: ReportedFinding[]; suppressed?: SuppressedFinding[] } {
  const comments = getSuppressionComments(sourceFile);
  if (comments.length === 0) return { findings: finalize([...pending]) };
  const kept: UnfingerprintedFinding[] = [];
  const suppressedPending: UnfingerprintedFinding[] = [];
  const by = new Map<UnfingerprintedFinding, SuppressionComment>();
  const used = new Set<SuppressionComment>();
  for (const finding of pending) {
    const comment = findSuppression(comments, finding.ruleName, finding.line - 1);
    if (!comment) {
      kept.push(finding);
      continue;
    }
    suppressedPending.push(finding);
    by.set(finding, comment);
    used.add(comment);
  }
  // Our own directive always needs a reason; ESLint's only when it hides an api-guard finding.
  for (const comment of comments) {
    if (comment.reason || (comment.kind === 'eslint-disable-next-line' && !used.has(comment))) continue;
    kept.push(missingReasonWarning(sourceFile, comment));
  }
  const findings = finalize(kept);
  const suppressedFinal = finalize(suppressedPending);
  const suppressed = suppressedFinal.map((finding, i) => {
    const comment = by.get(suppressedPending[i]!)!;
    return { ...finding, suppression: { kind: comment.kind, line: comment.line + 1, ...(comment.reason ? { reason: redactSnippet(comment.reason) } : {}) } };
  });
  return { findings, ...(suppressed.length > 0 ? { suppressed } : {}) };
}

function missingReasonWarning(sourceFile: ts.SourceFile, comment: SuppressionComment): UnfingerprintedFinding {
  const start = sourceFile.getLineAndCharacterOfPosition(comment.start);
  const end = sourceFile.getLineAndCharacterOfPosition(comment.end);
  const rawLine = getLineText(sourceFile, start.line);
  const rules = comment.rules === 'all' ? 'every api-guard rule' : comment.rules.map((r) => `api-guard/${r}`).join(', ');
  const directive = comment.kind === 'api-guard-ignore' ? 'api-guard-ignore' : 'eslint-disable-next-line';
  return {
    ruleId: MISSING_REASON_RULE_ID,
    ruleName: 'suppression-reason',
    severity: 'warning',
    messageId: 'missingReason',
    message: `\`${directive}\` suppresses ${rules} without a reason; add \`-- <why this is safe>\` after the rule name.`,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    snippet: redactSnippet(rawLine),
    regionSnippet: redactSnippet(rawLine.slice(start.character, end.line === start.line ? end.character : undefined)),
    suggestions: [],
    related: [],
    rawLine,
    fingerprintParts: [directive],
    startOffset: comment.start,
  };
}

/** Every suppressed finding of a report, in file order, for the formatters. */
export function listSuppressed(report: ScanReport): { readonly relativePath: string; readonly filePath: string; readonly finding: SuppressedFinding }[] {
  return report.files.flatMap((file) => (file.suppressed ?? []).map((finding) => ({ relativePath: file.relativePath, filePath: file.filePath, finding })));
}
