/**
 * Runs the selected rules over one file: each rule inside its own try/catch (a rule that throws
 * loses only its own findings on that file), and a time budget checked between rules (a file that
 * exceeds it keeps what finished and names the rules that did not run).
 */
import type { AnalysisContext } from '../core/context.js';
import type { Finding } from '../core/finding.js';
import type { SelectedRule } from './scan-report.js';

export interface RuleFindings {
  readonly rule: SelectedRule;
  readonly findings: readonly Finding[];
}

export interface FileRuleRun {
  readonly results: readonly RuleFindings[];
  readonly failures: readonly { readonly ruleId: string; readonly reason: string }[];
  /** Set when the budget ran out: the elapsed time and the rules that did not run. */
  readonly timedOut?: { readonly elapsedMs: number; readonly skippedRules: readonly string[] };
  readonly elapsedMs: number;
}

export function runRulesOnFile(
  ctx: AnalysisContext,
  rules: readonly SelectedRule[],
  budgetMs: number,
  now: () => number = () => performance.now(),
): FileRuleRun {
  const started = now();
  const results: RuleFindings[] = [];
  const failures: { ruleId: string; reason: string }[] = [];
  for (let i = 0; i < rules.length; i++) {
    const elapsed = now() - started;
    if (i > 0 && elapsed > budgetMs) {
      return { results, failures, timedOut: { elapsedMs: elapsed, skippedRules: rules.slice(i).map((r) => r.id) }, elapsedMs: elapsed };
    }
    const selected = rules[i]!;
    try {
      const findings = selected.rule.detect(ctx, selected.options);
      results.push({ rule: selected, findings: Array.isArray(findings) ? findings : [] });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failures.push({ ruleId: selected.id, reason: reason.split('\n')[0] ?? reason });
    }
  }
  const elapsedMs = now() - started;
  if (elapsedMs > budgetMs && rules.length > 0) {
    return { results, failures, timedOut: { elapsedMs, skippedRules: [] }, elapsedMs };
  }
  return { results, failures, elapsedMs };
}
