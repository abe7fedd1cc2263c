/**
 * Baselines: record today's findings once (`--write-baseline`), then gate only on new ones
 * (`--baseline`). Entries are fingerprints (see `fingerprint.ts`), stable across line shifts, so a
 * legacy service adopts the gate in one commit and an unrelated edit above a known finding does not
 * resurface it. The file is JSON, sorted, with the rule, file and (masked) message kept for review.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FileReport } from './scan-report.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly file: string;
  /** For people reading the file; matching uses the fingerprint only. */
  readonly line: number;
  readonly message: string;
}

export interface BaselineFile {
  readonly version: typeof BASELINE_VERSION;
  readonly tool: 'api-guard';
  readonly entries: readonly BaselineEntry[];
}

export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

export function createBaseline(files: readonly FileReport[]): BaselineFile {
  const entries: BaselineEntry[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      entries.push({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: file.relativePath, line: f.line, message: f.message });
    }
  }
  entries.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: BASELINE_VERSION, tool: 'api-guard', entries };
}

export function writeBaseline(file: string, baseline: BaselineFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`, 'utf8');
}

/** Reads a baseline; a missing or malformed file is a `BaselineError` (a usage error). */
export function readBaseline(file: string): BaselineFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BaselineError(`cannot read the baseline ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`the baseline ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const candidate = json as Partial<BaselineFile>;
  if (
    typeof json !== 'object' ||
    json === null ||
    candidate.version !== BASELINE_VERSION ||
    !Array.isArray(candidate.entries) ||
    candidate.entries.some((e) => typeof e !== 'object' || e === null || typeof (e as BaselineEntry).fingerprint !== 'string')
  ) {
    throw new BaselineError(`the baseline ${file} is not an api-guard baseline (version ${BASELINE_VERSION}); write one with --write-baseline`);
  }
  return candidate as BaselineFile;
}

/** Files with the baselined findings removed, and how many were removed. */
export function applyBaseline(files: readonly FileReport[], baseline: BaselineFile): { files: FileReport[]; suppressed: number } {
  const known = new Set(baseline.entries.map((e) => e.fingerprint));
  let suppressed = 0;
  const filtered = files.map((file) => {
    const findings = file.findings.filter((f) => {
      const keep = !known.has(f.fingerprint);
      if (!keep) suppressed++;
      return keep;
    });
    return findings.length === file.findings.length ? file : { ...file, findings };
  });
  return { files: filtered, suppressed };
}
