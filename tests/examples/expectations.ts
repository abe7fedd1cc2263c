/**
 * Inline expectations in example and fixture apps: a line comment at the END of a flawed line,
 *
 *     const res = await axios.get(req.query.url); // $ api-guard/no-ssrf
 *     app.post('/x', handler); // $ api-guard/require-auth-guard, api-guard/no-verbose-errors
 *     doSomething(); // $ MISSING: api-guard/no-ssrf
 *
 * `// $ <rule>[, <rule>...]` says a finding of that rule must sit on the line; `// $ MISSING: <rule>`
 * records a flaw the analysis is known not to reach (counted, never required). `// safe: ...` comments
 * are documentation only and are ignored here.
 *
 * Files are read as text, nothing is imported or run. Paths are relative to the scanned directory,
 * with `/` separators, so expectations compare the same on every platform.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Expectation {
  /** Path relative to the directory given to the reader, `/`-separated (`src/routes/orders.ts`). */
  readonly file: string;
  /** 1-based line of the comment (the flawed line). */
  readonly line: number;
  /** The rule id as written, with its plugin prefix (`api-guard/no-ssrf`). */
  readonly ruleId: string;
}

/** A finding to compare, in the shape of ESLint's JSON formatter flattened to one row per message. */
export interface FindingLocation {
  /** Absolute, or relative to the directory the expectations were read from. */
  readonly filePath: string;
  readonly line: number;
  readonly ruleId: string | null;
}

export interface ExpectationComparison {
  /** Expectations met by a finding on their line (or up to `tolerance` lines below). */
  readonly matched: readonly Expectation[];
  /** Expectations no finding met. */
  readonly missing: readonly Expectation[];
  /** Findings of a compared rule that meet no expectation. */
  readonly unexpected: readonly Expectation[];
}

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);
const RULE_ID = String.raw`[a-z0-9@][a-z0-9@/_-]*\/[a-z0-9][a-z0-9-]*`;
const EXPECTATION_COMMENT = new RegExp(String.raw`\/\/\s*\$\s+(MISSING:\s*)?(${RULE_ID}(?:\s*,\s*${RULE_ID})*)\s*$`);

/** Every `// $ <rule>` expectation under `dir` (known misses excluded), sorted by file and line. */
export function readInlineExpectations(dir: string): Expectation[] {
  return readComments(dir).filter((c) => !c.missing).map(({ file, line, ruleId }) => ({ file, line, ruleId }));
}

/** Every `// $ MISSING: <rule>` comment under `dir`: flaws written down as out of reach. */
export function readKnownMisses(dir: string): Expectation[] {
  return readComments(dir).filter((c) => c.missing).map(({ file, line, ruleId }) => ({ file, line, ruleId }));
}

/**
 * Compares findings with expectations of the same directory. Only rules that appear in
 * `expectations` (or in `options.rules`) are compared; a finding may sit on the expected line or up
 * to `options.tolerance` lines below it (default 0); several findings in one window count once.
 */
export function compareWithExpectations(
  dir: string,
  expectations: readonly Expectation[],
  findings: readonly FindingLocation[],
  options: { readonly tolerance?: number; readonly rules?: readonly string[] } = {},
): ExpectationComparison {
  const tolerance = options.tolerance ?? 0;
  const rules = new Set(options.rules ?? expectations.map((e) => e.ruleId));
  const actual = findings
    .filter((f): f is FindingLocation & { ruleId: string } => f.ruleId !== null && rules.has(f.ruleId))
    .map((f) => ({ file: toRelative(dir, f.filePath), line: f.line, ruleId: f.ruleId }));
  const used = new Set<number>();
  const matched: Expectation[] = [];
  const missing: Expectation[] = [];
  for (const expected of expectations) {
    if (!rules.has(expected.ruleId)) continue;
    let hit = false;
    actual.forEach((finding, index) => {
      if (finding.file === expected.file && finding.ruleId === expected.ruleId && finding.line >= expected.line && finding.line <= expected.line + tolerance) {
        used.add(index);
        hit = true;
      }
    });
    (hit ? matched : missing).push(expected);
  }
  const unexpected = actual.filter((_, index) => !used.has(index));
  return { matched, missing, unexpected };
}

interface ExpectationComment extends Expectation {
  readonly missing: boolean;
}

function readComments(dir: string): ExpectationComment[] {
  const found: ExpectationComment[] = [];
  for (const absolute of listSourceFiles(dir)) {
    const file = toRelative(dir, absolute);
    const lines = readFileSync(absolute, 'utf8').split(/\r?\n/);
    lines.forEach((text, index) => {
      const match = EXPECTATION_COMMENT.exec(text);
      if (!match) return;
      for (const ruleId of match[2]!.split(',')) {
        found.push({ file, line: index + 1, ruleId: ruleId.trim(), missing: match[1] !== undefined });
      }
    });
  }
  return found.sort((a, b) => (a.file === b.file ? a.line - b.line || a.ruleId.localeCompare(b.ruleId) : a.file < b.file ? -1 : 1));
}

function listSourceFiles(dir: string): string[] {
  const files: string[] = [];
  const pending = [path.resolve(dir)];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) {
        files.push(full);
      }
    }
  }
  return files.sort();
}

function toRelative(dir: string, filePath: string): string {
  const absolute = path.isAbsolute(filePath) ? filePath : path.resolve(dir, filePath);
  return path.relative(path.resolve(dir), absolute).split(path.sep).join('/');
}
