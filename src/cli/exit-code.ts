/**
 * The CI gate: 0 when clean, 1 when findings at or above `--severity` remain (or more warnings than
 * `--max-warnings`), 2 for usage and configuration errors (decided before a scan runs).
 */
import { countFindings, type ScanReport } from './scan-report.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface GateOptions {
  /** `error` (default) gates on errors only; `warning` gates on warnings too. */
  readonly severity: 'error' | 'warning';
  /** More warnings than this fails the gate (ESLint's `--max-warnings`); `undefined` for no limit. */
  readonly maxWarnings?: number;
}

export function getExitCode(report: ScanReport, gate: GateOptions): number {
  const counts = countFindings(report);
  if (counts.errors > 0) return EXIT_FINDINGS;
  if (gate.severity === 'warning' && counts.warnings > 0) return EXIT_FINDINGS;
  if (gate.maxWarnings !== undefined && counts.warnings > gate.maxWarnings) return EXIT_FINDINGS;
  return EXIT_CLEAN;
}
