/**
 * `api-guard routes [dir]`: the API inventory, loaded the same way as `scan` (no rules run).
 */
import path from 'node:path';
import { ConfigError } from '../settings/load.js';
import { rules as builtInRules } from '../../rules/index.js';
import type { AnyApiRule } from '../rule-kit/define-api-rule.js';
import { analyzeTargets } from './analyze.js';
import { defaultRouteSource } from './default-route-source.js';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './exit-code.js';
import { formatContractTable, toContractJson } from './format/contract-table.js';
import { formatRoutesJson, formatRoutesTable, toRouteJson } from './format/routes-table.js';
import { toPrintableText } from './format/text.js';
import { shouldUseColor, type CliIo } from './io.js';
import { OutputPathError, resolveCliOutputPath } from './output-path.js';
import { sortRouteRows, type RouteModelSource, type RouteRow } from './route-inventory.js';
import { compareRows, findOpenApiSetting, hasFailingIssues, loadContract, resolveContractTarget, type RowComparison } from './route-contract.js';
import { printDiagnostics } from './scan.js';
import { writeFileSync, mkdirSync } from 'node:fs';

export interface RoutesOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly io: CliIo;
  readonly format?: 'text' | 'json';
  readonly outputFile?: string;
  readonly configFile?: string;
  readonly projectFile?: string;
  readonly ignore?: readonly string[];
  readonly color?: boolean;
  readonly routeSource?: RouteModelSource;
  /** Only for config validation of rule ids (default: the built-in registry). */
  readonly rules?: Readonly<Record<string, AnyApiRule>>;
  /** Compare with this OpenAPI document (or `@nestjs/swagger` for the decorators); default: the `openapi` setting. */
  readonly openapi?: string;
  /** With a contract: report the comparison but exit 0 whatever it finds. */
  readonly noFail?: boolean;
}

export interface RoutesOutcome {
  readonly exitCode: number;
  readonly routes?: readonly RouteRow[];
  readonly contract?: RowComparison;
}

export async function runRoutes(options: RoutesOptions): Promise<RoutesOutcome> {
  const { io } = options;
  const cwd = path.resolve(options.cwd);
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr.write(`api-guard: unknown format "${toPrintableText(String(format))}" for routes (use text or json)\n`);
    return { exitCode: EXIT_USAGE };
  }
  let outputFile: string | undefined;
  try {
    if (options.outputFile) outputFile = resolveCliOutputPath(options.outputFile, cwd, '--output-file');
  } catch (error) {
    if (error instanceof OutputPathError) {
      io.stderr.write(`api-guard: ${error.message}\n`);
      return { exitCode: EXIT_USAGE };
    }
    throw error;
  }
  let analysis;
  try {
    analysis = analyzeTargets({
      cwd,
      paths: options.paths,
      registry: options.rules ?? builtInRules,
      configFile: options.configFile,
      projectFile: options.projectFile,
      ignorePatterns: options.ignore,
      fileTimeoutMs: Number.POSITIVE_INFINITY,
      withRoutes: true,
      skipRules: true,
      routeSource: options.routeSource ?? defaultRouteSource,
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`api-guard: ${toPrintableText(error.message)}\n`);
      return { exitCode: EXIT_USAGE };
    }
    throw error;
  }
  printDiagnostics(io, analysis.diagnostics);
  const rows = sortRouteRows(analysis.routes);
  let comparison: RowComparison | undefined;
  const target = resolveContractTarget(options.openapi, findOpenApiSetting(analysis.runConfig.settings.openapi, cwd, options.paths), cwd, analysis.root);
  if (target) {
    const contract = loadContract(target, rows);
    if (typeof contract === 'string') {
      io.stderr.write(`api-guard: ${toPrintableText(contract)}\n`);
      return { exitCode: EXIT_USAGE };
    }
    comparison = compareRows(rows, contract);
  }
  const color = !outputFile && shouldUseColor(io.stdout, io.env, options.color);
  let output: string;
  if (format === 'json') {
    output = comparison ? `${JSON.stringify({ routes: rows.map(toRouteJson), contract: toContractJson(comparison) }, null, 2)}\n` : formatRoutesJson(rows);
  } else {
    output = formatRoutesTable(rows, { color }) + (comparison ? `\n${formatContractTable(comparison, { color })}` : '');
  }
  if (outputFile) {
    mkdirSync(path.dirname(outputFile), { recursive: true });
    writeFileSync(outputFile, output, 'utf8');
  } else {
    io.stdout.write(output);
  }
  const failed = comparison !== undefined && !options.noFail && hasFailingIssues(comparison);
  return { exitCode: failed ? EXIT_FINDINGS : EXIT_CLEAN, routes: rows, ...(comparison ? { contract: comparison } : {}) };
}
