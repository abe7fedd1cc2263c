/**
 * Command-line parsing for `api-guard scan` and `api-guard routes`: options to `runScan` /
 * `runRoutes`, help and version, and exit code 2 for anything the user typed wrong.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { packageInfo } from '../package-info.js';
import { EXIT_CLEAN, EXIT_USAGE } from './exit-code.js';
import type { CliIo } from './io.js';
import { runRoutes } from './routes.js';
import { DEFAULT_FILE_TIMEOUT_MS, runScan, SCAN_FORMATS, type ScanFormat, type ScanOptions } from './scan.js';

export const USAGE = `Usage: api-guard <command> [options]

Commands:
  scan [paths...]     Find API security flaws (default path: .)
  routes [paths...]   Print the API inventory: every route with its guards, validation and posture

Options for both:
  -c, --config <file>         Configuration (api-guard.config.json or package.json); default: nearest one
  -p, --project <tsconfig>    Use this tsconfig for every file instead of the nearest one
      --ignore <pattern>      .gitignore-style pattern to leave out (repeatable)
  -f, --format <name>         scan: text, json, sarif, markdown, html, gitlab (GitLab SAST report); routes: text, json
  -o, --output-file <file>    Write the report to a file (relative paths stay inside the working folder)
      --color / --no-color    Force colors on or off (default: on for a terminal, off with NO_COLOR)
      --openapi <file>        Compare the routes with this OpenAPI 3.x (or Swagger 2.0) document; "@nestjs/swagger"
                              reads the Nest decorators instead (default: the "openapi" setting).
                              routes: a table of shadow, zombie, method and auth mismatches; scan: a section of the HTML report

Options for routes:
      --no-fail               With --openapi: report the comparison but exit 0

Options for scan:
      --severity <level>      Lowest severity that fails the run: error (default) or warning
      --max-warnings <n>      Fail when there are more than n warnings
      --quiet                 Report errors only
      --baseline <file>       Leave out findings recorded in this baseline
      --write-baseline <file> Record the current findings as the baseline (the run then passes)
      --file-timeout-ms <n>   Time budget per file (default ${DEFAULT_FILE_TIMEOUT_MS})
      --automation-id <id>    SARIF runAutomationDetails id (one per job: api-guard/<service>/)
      --link-base <url>       Markdown: prefix for file links (https://github.com/org/repo/blob/<sha>/)
      --no-progress           No progress bar on stderr
      --changed[=<ref>]       Report only on files changed against HEAD (or <ref>), staged or untracked;
                              the whole project is still loaded, so cross-file protection is seen
      --staged                Report only on staged files (pre-commit hooks)
      --cache                 Reuse results of projects whose files, config and rules did not change
      --cache-location <dir>  Cache folder (default: node_modules/.cache/api-guard/, else .api-guard-cache/)
      --concurrency <n|auto>  Analyze projects or file batches on n worker threads (default 1; auto: half the cores)

  -h, --help                  Show this help
  -v, --version               Show the version

Exit codes: 0 clean, 1 findings at or above --severity (or too many warnings), 2 usage or configuration error.
routes --openapi exits 1 for shadow routes, undocumented methods and auth mismatches (zombies alone do not fail).
`;

const OPTIONS: ParseArgsConfig['options'] = {
  config: { type: 'string', short: 'c' },
  project: { type: 'string', short: 'p' },
  ignore: { type: 'string', multiple: true },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  severity: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'file-timeout-ms': { type: 'string' },
  'automation-id': { type: 'string' },
  'link-base': { type: 'string' },
  'no-progress': { type: 'boolean' },
  changed: { type: 'string' },
  staged: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  openapi: { type: 'string' },
  'no-fail': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

const SCAN_ONLY = ['severity', 'max-warnings', 'quiet', 'baseline', 'write-baseline', 'file-timeout-ms', 'automation-id', 'link-base', 'changed', 'staged', 'cache', 'cache-location', 'concurrency'];

class UsageError extends Error {}

function parseNonNegativeInteger(value: string, name: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} needs a whole number, got "${value}"`);
  return Number(value);
}

function parseConcurrency(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined) return undefined;
  if (value === 'auto') return 'auto';
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--concurrency needs a positive whole number or "auto", got "${value}"`);
  return Number(value);
}

function changedMode(changed: string | undefined, staged: boolean): ScanOptions['changed'] {
  if (changed !== undefined && staged) throw new UsageError('--changed and --staged cannot be used together');
  if (staged) return { kind: 'staged' };
  if (changed === undefined) return undefined;
  return changed === '' ? { kind: 'changed' } : { kind: 'changed', ref: changed };
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo, cwd: string = process.cwd()): Promise<number> {
  let parsed: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
  try {
    // `--changed` takes an optional ref: the bare flag becomes `--changed=` (against HEAD).
    const args = argv.map((arg) => (arg === '--changed' ? '--changed=' : arg));
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    io.stderr.write(`api-guard: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout.write(`${packageInfo.version}\n`);
    return EXIT_CLEAN;
  }
  const [command, ...paths] = positionals;
  if (values.help || command === 'help') {
    io.stdout.write(USAGE);
    return EXIT_CLEAN;
  }
  if (!command) {
    io.stderr.write(`api-guard: a command is required\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const color = values['no-color'] ? false : values.color ? true : undefined;
  try {
    if (command === 'scan') {
      if (values['no-fail'] !== undefined) throw new UsageError('--no-fail is an option of routes, not scan');
      if (values.openapi !== undefined && (values.format ?? 'text') !== 'html') {
        throw new UsageError('with scan, --openapi adds a section to --format html; for a table, run "api-guard routes --openapi <file>"');
      }
      const format = (values.format as string | undefined) ?? 'text';
      if (!SCAN_FORMATS.includes(format as ScanFormat)) throw new UsageError(`unknown format "${format}" (use ${SCAN_FORMATS.join(', ')})`);
      const severity = (values.severity as string | undefined) ?? 'error';
      if (severity !== 'error' && severity !== 'warning' && severity !== 'warn') throw new UsageError(`--severity must be error or warning, got "${severity}"`);
      if (values.baseline && values['write-baseline']) throw new UsageError('--baseline and --write-baseline cannot be used together');
      const options: ScanOptions = {
        cwd,
        paths,
        io,
        format: format as ScanFormat,
        outputFile: values['output-file'] as string | undefined,
        configFile: values.config as string | undefined,
        projectFile: values.project as string | undefined,
        ignore: (values.ignore as string[] | undefined) ?? [],
        severity: severity === 'error' ? 'error' : 'warning',
        maxWarnings: values['max-warnings'] !== undefined ? parseNonNegativeInteger(values['max-warnings'] as string, 'max-warnings') : undefined,
        quiet: Boolean(values.quiet),
        baseline: values.baseline as string | undefined,
        writeBaseline: values['write-baseline'] as string | undefined,
        fileTimeoutMs: values['file-timeout-ms'] !== undefined ? parseNonNegativeInteger(values['file-timeout-ms'] as string, 'file-timeout-ms') : undefined,
        automationId: values['automation-id'] as string | undefined,
        linkBase: values['link-base'] as string | undefined,
        color,
        progress: !values['no-progress'],
        changed: changedMode(values.changed as string | undefined, Boolean(values.staged)),
        cache: Boolean(values.cache) || values['cache-location'] !== undefined,
        cacheLocation: values['cache-location'] as string | undefined,
        concurrency: parseConcurrency(values.concurrency as string | undefined),
        openapi: values.openapi as string | undefined,
      };
      return (await runScan(options)).exitCode;
    }
    if (command === 'routes') {
      const used = SCAN_ONLY.filter((name) => values[name] !== undefined);
      if (used.length > 0) throw new UsageError(`--${used[0]} is an option of scan, not routes`);
      const format = (values.format as string | undefined) ?? 'text';
      if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" for routes (use text or json)`);
      return (
        await runRoutes({
          cwd,
          paths,
          io,
          format,
          outputFile: values['output-file'] as string | undefined,
          configFile: values.config as string | undefined,
          projectFile: values.project as string | undefined,
          ignore: (values.ignore as string[] | undefined) ?? [],
          color,
          openapi: values.openapi as string | undefined,
          noFail: Boolean(values['no-fail']),
        })
      ).exitCode;
    }
    throw new UsageError(`unknown command "${command}" (use scan or routes)`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`api-guard: ${error.message}\n\nRun "api-guard --help" for the options.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
