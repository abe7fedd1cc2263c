/**
 * `api-guard scan`: analyze, apply the baseline and `--quiet`, format, write, and decide the exit
 * code. The bin calls `runScan`; tests call it with their own rules and streams.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageInfo } from '../package-info.js';
import type { AnyApiRule } from '../rule-kit/define-api-rule.js';
import { ConfigError } from '../settings/load.js';
import { rules as builtInRules } from '../../rules/index.js';
import { analyzeTargetsConcurrently } from './parallel-analyze.js';
import { createScanCache, getDefaultCacheLocation, type ScanCache } from './scan-cache.js';
import { applyBaseline, BaselineError, createBaseline, readBaseline, writeBaseline } from './baseline.js';
import { defaultRouteSource } from './default-route-source.js';
import { ChangedFilesError, listChangedFiles, selectChangedTargets, type ChangedFilesMode } from './changed-files.js';
import { EXIT_CLEAN, EXIT_USAGE, getExitCode } from './exit-code.js';
import { formatEslintJson } from './format/eslint-json.js';
import { formatGitlabSast } from './format/gitlab-sast.js';
import { formatHtml } from './format/html.js';
import { formatMarkdown } from './format/markdown.js';
import { formatSarif } from './format/sarif.js';
import { formatText, toPrintableText } from './format/text.js';
import { shouldUseColor, type CliIo } from './io.js';
import { checkConfigOutputPath, OutputPathError, resolveCliOutputPath } from './output-path.js';
import { createProgressBar } from './progress.js';
import type { RouteModelSource } from './route-inventory.js';
import { compareRows, findOpenApiSetting, loadContract, resolveContractTarget, type RowComparison } from './route-contract.js';
import { sortRouteRows } from './route-inventory.js';
import type { ScanDiagnostic, ScanReport } from './scan-report.js';

export const SCAN_FORMATS = ['text', 'json', 'sarif', 'markdown', 'html', 'gitlab'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export const DEFAULT_FILE_TIMEOUT_MS = 10_000;

export interface ScanOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly io: CliIo;
  /** The rules to run (default: the built-in registry). */
  readonly rules?: Readonly<Record<string, AnyApiRule>>;
  readonly format?: ScanFormat;
  readonly outputFile?: string;
  readonly configFile?: string;
  readonly projectFile?: string;
  readonly ignore?: readonly string[];
  readonly severity?: 'error' | 'warning';
  readonly maxWarnings?: number;
  readonly quiet?: boolean;
  readonly baseline?: string;
  readonly writeBaseline?: string;
  readonly fileTimeoutMs?: number;
  readonly automationId?: string;
  readonly linkBase?: string;
  readonly color?: boolean;
  readonly progress?: boolean;
  readonly routeSource?: RouteModelSource;
  /** `--changed[=<ref>]` / `--staged`: report only on the files git lists as changed (paths narrow them further). */
  readonly changed?: ChangedFilesMode;
  /** `--cache`: reuse the results of projects whose files, config and rules are unchanged. */
  readonly cache?: boolean;
  /** `--cache-location`: the cache folder (default: `node_modules/.cache/api-guard`, else `.api-guard-cache`). */
  readonly cacheLocation?: string;
  /** `--concurrency`: worker threads (a number, or `auto`); default 1. */
  readonly concurrency?: number | 'auto';
  /** HTML: compare the routes with this OpenAPI document (or `@nestjs/swagger`); default: the `openapi` setting, else the Nest decorators when the project uses them. */
  readonly openapi?: string;
}

export interface ScanOutcome {
  readonly exitCode: number;
  readonly report?: ScanReport;
}

/** Prints diagnostics to stderr, one line each, grouped so a long list stays readable. */
export function printDiagnostics(io: CliIo, diagnostics: readonly ScanDiagnostic[]): void {
  for (const d of diagnostics) io.stderr.write(`api-guard: ${toPrintableText(d.message)}\n`);
}

function usageError(io: CliIo, message: string): ScanOutcome {
  io.stderr.write(`api-guard: ${toPrintableText(message)}\n`);
  return { exitCode: EXIT_USAGE };
}

function render(report: ScanReport, options: ScanOptions, color: boolean): string {
  switch (options.format ?? 'text') {
    case 'json':
      return `${formatEslintJson(report)}\n`;
    case 'sarif':
      return formatSarif(report, { automationId: options.automationId });
    case 'markdown':
      return formatMarkdown(report, { linkBase: options.linkBase });
    case 'html':
      return formatHtml(report);
    case 'gitlab':
      return formatGitlabSast(report);
    default:
      return formatText(report, { color });
  }
}

export async function runScan(options: ScanOptions): Promise<ScanOutcome> {
  const { io } = options;
  const cwd = path.resolve(options.cwd);
  const started = performance.now();
  const format = options.format ?? 'text';
  if (!SCAN_FORMATS.includes(format)) return usageError(io, `unknown format "${format}" (use ${SCAN_FORMATS.join(', ')})`);

  // Paths that will be written are checked before any work is done.
  let outputFile: string | undefined;
  let writeBaselineFile: string | undefined;
  let baselineFile: string | undefined;
  try {
    if (options.outputFile) outputFile = resolveCliOutputPath(options.outputFile, cwd, '--output-file');
    if (options.writeBaseline) writeBaselineFile = resolveCliOutputPath(options.writeBaseline, cwd, '--write-baseline');
    if (options.baseline) baselineFile = path.resolve(cwd, options.baseline);
  } catch (error) {
    if (error instanceof OutputPathError) return usageError(io, error.message);
    throw error;
  }

  // --changed / --staged: the changed files are the targets; their projects are still loaded whole.
  let paths = options.paths;
  if (options.changed) {
    try {
      paths = selectChangedTargets(cwd, options.paths, listChangedFiles(cwd, options.changed));
    } catch (error) {
      if (error instanceof ChangedFilesError) return usageError(io, error.message);
      throw error;
    }
    if (paths.length === 0) {
      io.stderr.write(`api-guard: no ${options.changed.kind === 'staged' ? 'staged' : 'changed'} JavaScript or TypeScript files to analyze\n`);
      return { exitCode: EXIT_CLEAN };
    }
  }

  const progress = createProgressBar(options.progress === false ? { isTTY: false, write: () => undefined } : io.stderr);
  let cache: ScanCache | undefined;
  if (options.cache) cache = createScanCache(options.cacheLocation ? path.resolve(cwd, options.cacheLocation) : getDefaultCacheLocation(cwd));
  let analysis;
  try {
    analysis = await analyzeTargetsConcurrently({
      concurrency: options.concurrency ?? 1,
      cache,
      cwd,
      paths,
      registry: options.rules ?? builtInRules,
      configFile: options.configFile,
      projectFile: options.projectFile,
      ignorePatterns: options.ignore,
      fileTimeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
      withRoutes: format === 'html',
      routeSource: options.routeSource ?? defaultRouteSource,
      onProgress: (done, total, label) => progress.update(done, total, label),
    });
  } catch (error) {
    progress.finish();
    if (error instanceof ConfigError) return usageError(io, error.message);
    throw error;
  }
  progress.finish();
  if (cache) {
    const { hits, misses, writeFailures } = cache.stats;
    const unwritten = writeFailures > 0 ? `; ${writeFailures} could not be written to ${cache.location}` : '';
    io.stderr.write(`api-guard: cache: ${hits} of ${hits + misses} project${hits + misses === 1 ? '' : 's'} unchanged and reused${unwritten}\n`);
  }

  if (!baselineFile && !writeBaselineFile && analysis.runConfig.baseline) {
    try {
      baselineFile = checkConfigOutputPath(analysis.runConfig.baseline, analysis.runConfig.directory, 'baseline');
    } catch (error) {
      if (error instanceof OutputPathError) return usageError(io, error.message);
      throw error;
    }
  }

  let files = analysis.files;
  let baselineSuppressed = 0;
  try {
    if (writeBaselineFile) {
      const baseline = createBaseline(files);
      mkdirSync(path.dirname(writeBaselineFile), { recursive: true });
      writeBaseline(writeBaselineFile, baseline);
      io.stderr.write(`api-guard: wrote ${baseline.entries.length} finding${baseline.entries.length === 1 ? '' : 's'} to the baseline ${path.relative(cwd, writeBaselineFile) || writeBaselineFile}\n`);
      ({ files, suppressed: baselineSuppressed } = applyBaseline(files, baseline));
    } else if (baselineFile) {
      ({ files, suppressed: baselineSuppressed } = applyBaseline(files, readBaseline(baselineFile)));
    }
  } catch (error) {
    if (error instanceof BaselineError) return usageError(io, error.message);
    throw error;
  }

  let quietSuppressed = 0;
  if (options.quiet) {
    files = files.map((file) => {
      const kept = file.findings.filter((f) => f.severity === 'error');
      quietSuppressed += file.findings.length - kept.length;
      return kept.length === file.findings.length ? file : { ...file, findings: kept };
    });
  }

  let contract: RowComparison | undefined;
  if (format === 'html') {
    const rows = sortRouteRows(analysis.routes);
    const target =
      resolveContractTarget(options.openapi, findOpenApiSetting(analysis.runConfig.settings.openapi, cwd, options.paths), cwd, analysis.root) ??
      (rows.some((r) => r.apiDocs) ? ({ kind: 'decorators' } as const) : undefined);
    if (target) {
      const loaded = loadContract(target, rows);
      if (typeof loaded === 'string') return usageError(io, loaded);
      contract = compareRows(rows, loaded);
    }
  }

  const report: ScanReport = {
    root: analysis.root,
    files,
    diagnostics: analysis.diagnostics,
    rules: analysis.rules,
    baselineSuppressed,
    quietSuppressed,
    projects: analysis.projects,
    routes: format === 'html' ? sortRouteRows(analysis.routes) : undefined,
    ...(contract ? { contract } : {}),
    durationMs: performance.now() - started,
    toolName: 'api-guard',
    toolVersion: packageInfo.version,
  };

  printDiagnostics(io, report.diagnostics);
  if (report.files.length === 0) io.stderr.write('api-guard: no JavaScript or TypeScript files to analyze\n');
  const color = !outputFile && shouldUseColor(io.stdout, io.env, options.color);
  const output = render(report, options, color);
  if (outputFile) {
    try {
      mkdirSync(path.dirname(outputFile), { recursive: true });
      writeFileSync(outputFile, output, 'utf8');
    } catch (error) {
      return usageError(io, `cannot write ${outputFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    io.stdout.write(output);
  }
  return { exitCode: getExitCode(report, { severity: options.severity ?? 'error', maxWarnings: options.maxWarnings }), report };
}
