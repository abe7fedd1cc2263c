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
import { applyInlineSuppressions } from './suppressions.js';
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
  /** The incremental cache (`--cache`): finished projects are reused while their inputs are unchanged. */
  readonly cache?: AnalysisCache;
}

/** The cache as the analysis sees it (`src/cli/scan-cache.ts`). */
export interface AnalysisCache {
  /** The cached outcome of a unit, or a way to store it once computed. */
  lookup(unit: AnalysisUnit, rules: readonly SelectedRule[], options: UnitAnalysisOptions): { outcome?: ProjectOutcome; store(outcome: ProjectOutcome): void };
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

/** One project to analyze, with the configuration that applies to it. */
export interface AnalysisUnit {
  readonly plan: ProjectPlan;
  readonly config: CliConfig;
}

/** Everything a scan needs once the targets are planned: the units and what to do with them. */
export interface PreparedAnalysis {
  readonly cwd: string;
  readonly root: string;
  readonly runConfig: CliConfig;
  readonly diagnostics: ScanDiagnostic[];
  readonly units: readonly AnalysisUnit[];
  /** Owned files over all units (for progress). */
  readonly total: number;
}

/** What one project (or one batch of its owned files) produced; plain data, so a worker can send it. */
export interface ProjectOutcome {
  /** The project's name in messages (`describeProject`). */
  readonly name: string;
  /** False when the project could not be loaded (its files were skipped). */
  readonly loaded: boolean;
  /** Owned files of the unit. */
  readonly fileCount: number;
  readonly files: FileReport[];
  readonly diagnostics: ScanDiagnostic[];
  readonly routes: RouteRow[];
}

/** The settings of one analysis that do not depend on the project (sent to workers as is). */
export interface UnitAnalysisOptions {
  readonly cwd: string;
  readonly root: string;
  readonly fileTimeoutMs: number;
  readonly withRoutes?: boolean;
  readonly skipRules?: boolean;
}

/** Plans the targets: configuration, ignores and projects. Throws `ConfigError`. */
export function prepareAnalysis(options: AnalyzeOptions): PreparedAnalysis {
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

  const units = planning.projects.map((plan) => {
    const config = configFor(plan.rootDir);
    return { plan: applyConfigIgnores(plan, config), config };
  });
  const total = units.reduce((n, u) => n + u.plan.ownedFiles.length, 0);
  return { cwd, root, runConfig, diagnostics, units, total };
}

/** The rules that run on a unit (none for `routes`). */
export function rulesForUnit(options: Pick<AnalyzeOptions, 'registry' | 'skipRules'>, unit: AnalysisUnit): SelectedRule[] {
  return options.skipRules ? [] : selectRules(options.registry, unit.config);
}

/**
 * Loads one project and runs `rules` on its owned files. Never throws for a project or file
 * problem: those become diagnostics. `onFile` is called before each owned file.
 */
export function analyzeUnit(
  unit: AnalysisUnit,
  rules: readonly SelectedRule[],
  options: UnitAnalysisOptions,
  routeSource: RouteModelSource | undefined,
  onFile?: (relativePath: string) => void,
): ProjectOutcome {
  const { plan, config } = unit;
  const { root } = options;
  const name = describeProject(plan, options.cwd);
  const diagnostics: ScanDiagnostic[] = [];
  const files: FileReport[] = [];
  const routes: RouteRow[] = [];
  let loaded: LoadedProject;
  try {
    loaded = loadProject(plan);
  } catch (error) {
    diagnostics.push({ kind: 'project', message: `could not load ${name}: ${error instanceof Error ? error.message : String(error)}; its files were skipped` });
    return { name, loaded: false, fileCount: plan.ownedFiles.length, files, diagnostics, routes };
  }
  for (const file of loaded.files) {
    const relativePath = relativeToRoot(root, file.path);
    onFile?.(relativePath);
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
    files.push({ filePath: file.path, relativePath, ...applyInlineSuppressions(file.sourceFile, pending, (list) => finalizeFindings(relativePath, list)) });
  }
  if (options.withRoutes && routeSource) {
    try {
      const owned = new Set(plan.ownedFiles.map((f) => path.resolve(f)));
      routes.push(...buildRouteRows(loaded.index, routeSource, config.settings, root).filter((row) => owned.has(path.resolve(row.filePath))));
    } catch (error) {
      diagnostics.push({ kind: 'project', message: `the route inventory of ${name} could not be built: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { name, loaded: true, fileCount: plan.ownedFiles.length, files, diagnostics, routes };
}

/**
 * Combines the outcomes of the units (in unit order; batches of one project share its name) into
 * the analysis result. Outcomes must be given in unit order for a deterministic report.
 */
export function finishAnalysis(options: AnalyzeOptions, prepared: PreparedAnalysis, outcomes: readonly (readonly [AnalysisUnit, ProjectOutcome])[]): AnalysisResult {
  const diagnostics = [...prepared.diagnostics];
  const files: FileReport[] = [];
  const projects: { name: string; files: number }[] = [];
  const routes: RouteRow[] = [];
  const rulesRun = new Map<string, SelectedRule>();
  for (const [unit, outcome] of outcomes) {
    diagnostics.push(...outcome.diagnostics);
    files.push(...outcome.files);
    routes.push(...outcome.routes);
    if (!outcome.loaded) continue;
    const last = projects.at(-1);
    if (last && last.name === outcome.name) last.files += outcome.fileCount;
    else projects.push({ name: outcome.name, files: outcome.fileCount });
    for (const rule of rulesForUnit(options, unit)) if (!rulesRun.has(rule.id)) rulesRun.set(rule.id, rule);
  }
  files.sort((a, b) => a.filePath.localeCompare(b.filePath));
  const rules = [...rulesRun.values()].sort((a, b) => a.id.localeCompare(b.id));
  if (rules.length === 0 && !options.skipRules) rules.push(...selectRules(options.registry, prepared.runConfig));
  return { root: prepared.root, files, diagnostics, rules, projects, routes, runConfig: prepared.runConfig };
}

export function unitOptions(options: AnalyzeOptions, prepared: PreparedAnalysis): UnitAnalysisOptions {
  return { cwd: prepared.cwd, root: prepared.root, fileTimeoutMs: options.fileTimeoutMs, withRoutes: options.withRoutes, skipRules: options.skipRules };
}

/** The scan on this thread, with the cache when one is given. */
export function analyzeTargets(options: AnalyzeOptions): AnalysisResult {
  const prepared = prepareAnalysis(options);
  const shared = unitOptions(options, prepared);
  let done = 0;
  const outcomes: [AnalysisUnit, ProjectOutcome][] = [];
  for (const unit of prepared.units) {
    if (unit.plan.ownedFiles.length === 0) continue;
    const rules = rulesForUnit(options, unit);
    const cached = options.cache?.lookup(unit, rules, shared);
    if (cached?.outcome) {
      done += unit.plan.ownedFiles.length;
      options.onProgress?.(done, prepared.total, cached.outcome.name);
      outcomes.push([unit, cached.outcome]);
      continue;
    }
    const outcome = analyzeUnit(unit, rules, shared, options.routeSource, (label) => options.onProgress?.(done++, prepared.total, label));
    if (!outcome.loaded) done += unit.plan.ownedFiles.length;
    cached?.store(outcome);
    outcomes.push([unit, outcome]);
  }
  options.onProgress?.(prepared.total, prepared.total, '');
  return finishAnalysis(options, prepared, outcomes);
}
