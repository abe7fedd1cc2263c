/**
 * Turns findings into ESLint reports: locations from offsets, message ids and data, suggestions.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { AnalysisContext } from '../core/context.js';
import type { Finding } from '../core/finding.js';

type ReportingContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function reportFindings(context: ReportingContext, ctx: AnalysisContext, findings: readonly Finding[]): void {
  const sourceCode = context.sourceCode;
  for (const finding of findings) {
    const start = finding.range?.start ?? finding.node.getStart(ctx.sourceFile);
    const end = finding.range?.end ?? finding.node.getEnd();
    const loc = { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) };
    const suggest = finding.suggestions?.map((suggestion) => ({
      messageId: suggestion.messageId,
      data: suggestion.data as Record<string, string | number> | undefined,
      fix: (fixer: TSESLint.RuleFixer) => suggestion.edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text)),
    }));
    context.report({
      loc,
      messageId: finding.messageId,
      data: finding.data as Record<string, string | number>,
      ...(suggest && suggest.length > 0 ? { suggest } : {}),
    });
  }
}
