/**
 * The scan itself, without output: plan the projects of the targets, load each once, run every
 * selected rule on every owned file, and gather findings and diagnostics into a `ScanReport`.
 * Configuration: one file for the whole run when `--config` is given, else the nearest
 * configuration of each project (its settings, rules and ignores apply to that project).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createAnalysisContext } from '../core/context.js';
import { describeProject, loadProject, cliTypeScript, type LoadedProject } from '../project/load.js';
import { createIgnoreRules, type IgnorePatternSet } from '../project/ignore-rules.js';
import { planProjects, type ProjectPlan } from '../project/plan-projects.js';
import type { AnyApiRule } from '../rule-kit/define-api-rule.js';
import { ConfigError, findConfigFile, getDefaultCliConfig, loadConfigFile, validateRuleSettings, type CliConfig } from '../settings/load.js';
import { computeFingerprints } from './fingerprint.js';
import { toReportedFinding, type UnfingerprintedFinding } from './report-finding.js';
import { relativeToRoot } from './report-path.js';
import { buildRouteRows, type RouteModelSource, type RouteRow } from './route-inventory.js';
import { selectRules } from './rule-selection.js';
import { runRulesOnFile } from './run-file-rules.js';
import type { FileReport, ReportedFinding, ScanDiagnostic, SelectedRule } from './scan-report.js';
import ignore from 'ignore';

export interface AnalyzeOptions {
  readonly cwd: string;
  /** Files and folders to scan (relative to `cwd`); default `['.']`. */
  readonly paths: readonly string[];
  readonly registry: Readonly<Record<string, AnyApiRule>>;
  /** An explicit configuration file (`--config`). */
  readonly configFile?: string;
  /** An explicit project config (`--project`). */
  readonly projectFile?: string;
  /** `--ignore` patterns, relative to `cwd`. */
  readonly ignorePatterns?: readonly string[];
  /** Per-file time budget in milliseconds. */
  readonly fileTimeoutMs: number;
  /** Compute the route inventory too (HTML report, `routes`). */
  readonly withRoutes?: boolean;
  /** Skip rules entirely (the `routes` command). */
  readonly skipRules?: boolean;
  readonly routeSource?: RouteModelSource;
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

export interface AnalysisResult {
  readonly root: string;
  readonly files: FileReport[];
  readonly diagnostics: ScanDiagnostic[];
  readonly rules: readonly SelectedRule[];
  readonly projects: { name: string; files: number }[];
  readonly routes: RouteRow[];
  /** The configuration that applies to the working folder (its `baseline` key is used). */
  readonly runConfig: CliConfig;
}

/** The folder paths in reports are relative to: the repository root above `cwd`, else `cwd`. */
export function findReportRoot(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}

/** Loads (once) the configuration that applies to a folder. Throws `ConfigError`. */
function createConfigResolver(options: AnalyzeOptions, registry: Readonly<Record<string, AnyApiRule>>): (dir: string) => CliConfig {
  const byFile = new Map<string, CliConfig>();
  const load = (file: string): CliConfig => {
    let config = byFile.get(file);
    if (!config) {
      config = loadConfigFile(file);
      validateRuleSettings(config, registry);
      byFile.set(file, config);
    }
    return config;
  };
  const explicit = options.configFile ? path.resolve(options.cwd, options.configFile) : undefined;
  return (dir: string): CliConfig => {
    if (explicit) return load(explicit);
    const found = findConfigFile(dir);
    return found ? load(found) : getDefaultCliConfig(options.cwd);
  };
}

function finalizeFindings(relativePath: string, pending: UnfingerprintedFinding[]): ReportedFinding[] {
  pending.sort((a, b) => a.startOffset - b.startOffset || a.ruleId.localeCompare(b.ruleId));
  const fingerprints = computeFingerprints(
    pending.map((f) => ({ ruleId: f.ruleId, relativePath, messageId: f.messageId, lineText: f.rawLine, parts: f.fingerprintParts })),
  );
  return pending.map((f, i) => {
    const { rawLine: _rawLine, fingerprintParts: _parts, startOffset: _start, ...rest } = f;
    return { ...rest, fingerprint: fingerprints[i]! };
  });
}

/** Filters a plan's files by a configuration's `ignores` (relative to the configuration's folder). */
function applyConfigIgnores(plan: ProjectPlan, config: CliConfig): ProjectPlan {
  if (config.ignores.length === 0) return plan;
  const matcher = ignore({ allowRelativePaths: true }).add([...config.ignores]);
  const keep = (file: string): boolean => {
    const rel = path.relative(config.directory, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return true;
    return !matcher.ignores(rel.split(path.sep).join('/'));
  };
  return { ...plan, ownedFiles: plan.ownedFiles.filter(keep), contextFiles: plan.contextFiles.filter(keep) };
}

export function analyzeTargets(options: AnalyzeOptions): AnalysisResult {
  const cwd = path.resolve(options.cwd);
  const root = findReportRoot(cwd);
  const diagnostics: ScanDiagnostic[] = [];
  const configFor = createConfigResolver(options, options.registry);
  const runConfig = configFor(cwd);

  const written = options.paths.length > 0 ? options.paths : ['.'];
  const missing = written.filter((p) => !existsSync(path.resolve(cwd, p)));
  if (missing.length > 0) {
    // A mistyped path in CI must not pass as "no findings" (ESLint exits 2 too).
    throw new ConfigError(`no such file or folder: ${missing.join(', ')}`);
  }
  const targets = written.map((p) => path.resolve(cwd, p));
  const patternSets: IgnorePatternSet[] = [];
  if (options.ignorePatterns && options.ignorePatterns.length > 0) {
    patternSets.push({ base: cwd, patterns: options.ignorePatterns });
    // For targets outside the working folder, --ignore patterns read relative to the target.
    for (const target of targets) {
      if (path.relative(cwd, target).startsWith('..')) patternSets.push({ base: target, patterns: options.ignorePatterns });
    }
  }
  const ignoreRules = createIgnoreRules({
    gitignoreRoots: [...new Set(targets.map((t) => findReportRoot(existsSync(t) ? t : cwd)))],
    patternSets,
    explicitTargets: targets,
  });
  const projectFile = options.projectFile ? path.resolve(cwd, options.projectFile) : undefined;
  const planning = planProjects(cliTypeScript, targets, ignoreRules, projectFile);
  for (const problem of planning.problems) diagnostics.push({ kind: 'project', message: problem });

  const plans = planning.projects.map((plan) => {
    const config = configFor(plan.rootDir);
    return { plan: applyConfigIgnores(plan, config), config };
  });
  const total = plans.reduce((n, p) => n + p.plan.ownedFiles.length, 0);
  let done = 0;
  const files: FileReport[] = [];
  const projects: { name: string; files: number }[] = [];
  const routes: RouteRow[] = [];
  const rulesRun = new Map<string, SelectedRule>();

  for (const { plan, config } of plans) {
    if (plan.ownedFiles.length === 0) continue;
    const name = describeProject(plan, cwd);
    let loaded: LoadedProject;
    try {
      loaded = loadProject(plan);
    } catch (error) {
      diagnostics.push({ kind: 'project', message: `could not load ${name}: ${error instanceof Error ? error.message : String(error)}; its files were skipped` });
      done += plan.ownedFiles.length;
      continue;
    }
    projects.push({ name, files: plan.ownedFiles.length });
    const rules = options.skipRules ? [] : selectRules(options.registry, config);
    for (const rule of rules) if (!rulesRun.has(rule.id)) rulesRun.set(rule.id, rule);
    for (const file of loaded.files) {
      const relativePath = relativeToRoot(root, file.path);
      options.onProgress?.(done, total, relativePath);
      done++;
      for (const note of file.notes) diagnostics.push({ kind: 'file-note', filePath: file.path, message: `${relativePath}: ${note}` });
      if (file.skipReason || !file.sourceFile) {
        const reason = file.skipReason ?? 'not loaded';
        diagnostics.push({ kind: 'skipped', filePath: file.path, message: `skipped ${relativePath}: ${reason}` });
        files.push({ filePath: file.path, relativePath, findings: [], skipReason: reason });
        continue;
      }
      if (file.parseError) {
        diagnostics.push({ kind: 'skipped', filePath: file.path, message: `skipped ${relativePath}: ${file.parseError.message} (line ${file.parseError.line})` });
        files.push({ filePath: file.path, relativePath, findings: [], parseError: file.parseError });
        continue;
      }
      // `analysis: "file"` asks for per-file answers even where a project exists.
      const project = config.settings.analysis === 'file' ? undefined : loaded.index;
      const ctx = createAnalysisContext({ ts: loaded.ts, sourceFile: file.sourceFile, settings: config.settings, project });
      const run = runRulesOnFile(ctx, rules, options.fileTimeoutMs);
      for (const failure of run.failures) {
        diagnostics.push({ kind: 'rule-failure', filePath: file.path, message: `skipped ${relativePath} for api-guard/${failure.ruleId}: internal analysis error: ${failure.reason}` });
      }
      if (run.timedOut) {
        const rest = run.timedOut.skippedRules.length > 0 ? `; rules not run: ${run.timedOut.skippedRules.join(', ')}` : '';
        diagnostics.push({
          kind: 'timeout',
          filePath: file.path,
          message: `skipped ${relativePath}: analysis took ${Math.round(run.timedOut.elapsedMs)} ms, over the ${options.fileTimeoutMs} ms budget${rest}`,
        });
      }
      const pending: UnfingerprintedFinding[] = [];
      for (const result of run.results) {
        for (const finding of result.findings) {
          try {
            pending.push(toReportedFinding(file.sourceFile, result.rule, finding));
          } catch (error) {
            diagnostics.push({
              kind: 'rule-failure',
              filePath: file.path,
              message: `api-guard/${result.rule.id} returned a finding that cannot be placed in ${relativePath}: ${error instanceof Error ? error.message : String(error)}`,
            });
          }
        }
      }
      files.push({ filePath: file.path, relativePath, findings: finalizeFindings(relativePath, pending) });
    }
    if (options.withRoutes && options.routeSource) {
      try {
        const owned = new Set(plan.ownedFiles.map((f) => path.resolve(f)));
        routes.push(...buildRouteRows(loaded.index, options.routeSource, config.settings, root).filter((row) => owned.has(path.resolve(row.filePath))));
      } catch (error) {
        diagnostics.push({ kind: 'project', message: `the route inventory of ${name} could not be built: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }
  options.onProgress?.(total, total, '');
  files.sort((a, b) => a.filePath.localeCompare(b.filePath));
  const rules = [...rulesRun.values()].sort((a, b) => a.id.localeCompare(b.id));
  if (rules.length === 0 && !options.skipRules) rules.push(...selectRules(options.registry, runConfig));
  return { root, files, diagnostics, rules, projects, routes, runConfig };
}
