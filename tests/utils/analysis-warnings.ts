/**
 * The warnings the rule kit emits when it skips a file (`ApiGuardWarning`: an internal analysis
 * error, turned into a warning so that ESLint goes on). Call once in a test file: each test starts
 * with an empty list, and every other process warning passes through.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export function captureAnalysisWarnings(): readonly string[] {
  const captured: string[] = [];
  const emitWarning = process.emitWarning.bind(process);
  beforeEach(() => {
    captured.length = 0;
    vi.spyOn(process, 'emitWarning').mockImplementation(((warning: string | Error, ...rest: unknown[]) => {
      const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
      if (type === 'ApiGuardWarning') captured.push(String(warning));
      else emitWarning(warning as string, ...(rest as []));
    }) as typeof process.emitWarning);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return captured;
}
