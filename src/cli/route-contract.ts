/**
 * The route inventory against the API's contract, for `api-guard routes --openapi` and the HTML
 * report: which contract to read (a document named by `--openapi` or the `openapi` setting, or
 * `@nestjs/swagger` decorators), the comparison of the inventory rows with it, and each issue as
 * one line of text and as data.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, findConfigFile, loadConfigFile } from '../settings/load.js';
import { compareWithContract, hasFailingIssues, type ContractComparison, type ContractIssue, type ContractRoute } from '../contract/compare-contract.js';
import { buildDecoratorContract, DECORATOR_CONTRACT_SOURCE } from '../contract/decorator-contract.js';
import type { ApiContract, ContractOperation } from '../contract/openapi-document.js';
import { readContractFile } from '../contract/read-contract-file.js';
import type { RouteRow } from './route-inventory.js';

/** The value of `--openapi` that asks for the `@nestjs/swagger` decorators instead of a document. */
export const DECORATORS_OPTION = '@nestjs/swagger';

export type ContractTarget = { readonly kind: 'file'; readonly file: string; readonly display: string } | { readonly kind: 'decorators' };

/** A row as the comparison reads it. */
export interface ContractRow extends ContractRoute {
  readonly row: RouteRow;
}

export type RowComparison = ContractComparison<ContractRow>;

/**
 * The `openapi` setting that applies to the scanned paths: the working folder's configuration
 * first, else the nearest configuration of the first path (`api-guard routes apps/shop` reads
 * `apps/shop/api-guard.config.json`). Absolute (the configuration loader resolves it).
 */
export function findOpenApiSetting(runConfigSetting: string | undefined, cwd: string, paths: readonly string[]): string | undefined {
  if (runConfigSetting !== undefined) return runConfigSetting;
  const first = path.resolve(cwd, paths[0] ?? '.');
  const dir = existsSync(first) && statSync(first).isFile() ? path.dirname(first) : first;
  try {
    const file = findConfigFile(dir);
    return file ? loadConfigFile(file).settings.openapi : undefined;
  } catch (error) {
    if (error instanceof ConfigError) return undefined; // the analysis already reported it
    throw error;
  }
}

/** Which contract to compare with: `--openapi` first, then the `openapi` setting (already absolute). */
export function resolveContractTarget(option: string | undefined, setting: string | undefined, cwd: string, root: string): ContractTarget | undefined {
  if (option === DECORATORS_OPTION) return { kind: 'decorators' };
  const written = option !== undefined ? path.resolve(cwd, option) : setting;
  if (written === undefined) return undefined;
  const relative = path.relative(root, written);
  const display = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : written;
  return { kind: 'file', file: written, display };
}

export function toContractRow(row: RouteRow): ContractRow {
  return {
    methods: row.methods,
    path: row.path,
    complete: row.complete,
    posture: row.posture.state,
    ...(row.posture.reason ? { postureReason: row.posture.reason } : {}),
    ...(row.apiDocs?.excludedBy ? { excludedBy: row.apiDocs.excludedBy } : {}),
    row,
  };
}

/** Reads the contract; a string is the message of why it cannot be read. */
export function loadContract(target: ContractTarget, rows: readonly RouteRow[]): ApiContract | string {
  if (target.kind === 'decorators') {
    if (!rows.some((r) => r.apiDocs)) return `no Nest route of this project is documented with @nestjs/swagger; give the document with --openapi <file>`;
    return buildDecoratorContract(rows);
  }
  const load = readContractFile(target.file, target.display);
  return load.ok ? load.contract : load.message;
}

export function compareRows(rows: readonly RouteRow[], contract: ApiContract): RowComparison {
  return compareWithContract(rows.map(toContractRow), contract);
}

export { hasFailingIssues };

const FORMAT_NAMES: Record<ApiContract['format'], string> = {
  'openapi-3.0': 'OpenAPI 3.0',
  'openapi-3.1': 'OpenAPI 3.1',
  'swagger-2.0': 'Swagger 2.0',
  'nest-swagger': 'what SwaggerModule would publish',
};

/** `openapi.yaml (OpenAPI 3.0, base path /v1)`. */
export function describeContract(comparison: RowComparison): string {
  const parts = [FORMAT_NAMES[comparison.contract.format]];
  if (comparison.basePaths.length > 0) parts.push(`base path ${comparison.basePaths.join(', ')}`);
  return `${comparison.contract.source} (${parts.join(', ')})`;
}

function schemes(op: ContractOperation): string {
  return op.security.schemes.length > 0 ? op.security.schemes.join(' or ') : 'auth';
}

function documentedWhere(comparison: RowComparison, op: ContractOperation): string {
  return op.line !== undefined ? `${comparison.contract.source}:${op.line}` : comparison.contract.source;
}

function lineOf(op: ContractOperation): { documentedLine?: number } {
  return op.line !== undefined ? { documentedLine: op.line } : {};
}

/** A documented path with the base path the comparison used: `/api` + `/orders/{orderId}`. */
function fullDocumentedPath(comparison: RowComparison, op: ContractOperation): string {
  const base = comparison.basePaths.length > 0 ? (op.basePaths[0] ?? '') : '';
  return `${base}${op.path}` || '/';
}

/** One issue as the columns of a table, and its data. */
export interface ContractIssueView {
  readonly kind: ContractIssue<ContractRow>['kind'];
  readonly severity: 'error' | 'warning';
  /** True when it makes `routes --openapi` exit 1. */
  readonly fails: boolean;
  readonly method: string;
  /** The code's full path, or the documented path for zombies. */
  readonly path: string;
  /** `GET /users/{id}` as documented, with its place in the document when known. */
  readonly documented?: string;
  readonly documentedAt?: string;
  /** The documented operation's line in the document, when known. */
  readonly documentedLine?: number;
  readonly file?: string;
  readonly relativePath?: string;
  readonly line?: number;
  readonly detail: string;
  readonly problem?: string;
}

export function viewIssue(comparison: RowComparison, issue: ContractIssue<ContractRow>): ContractIssueView {
  const source = comparison.contract.source;
  const decorators = source === DECORATOR_CONTRACT_SOURCE;
  const where = (r: ContractRow) => ({ file: r.row.filePath, relativePath: r.row.relativePath, line: r.row.line });
  switch (issue.kind) {
    case 'shadow':
      return {
        kind: 'shadow',
        severity: 'error',
        fails: true,
        method: issue.methods.join(','),
        path: issue.route.path,
        ...where(issue.route),
        detail: decorators ? 'served outside the Nest controllers that @nestjs/swagger documents' : `${source} does not document this path`,
      };
    case 'zombie':
      return {
        kind: 'zombie',
        severity: 'warning',
        fails: false,
        method: issue.operation.method,
        path: fullDocumentedPath(comparison, issue.operation),
        documented: `${issue.operation.method} ${issue.operation.path}`,
        documentedAt: documentedWhere(comparison, issue.operation),
        ...lineOf(issue.operation),
        detail: 'documented, but no route of the code serves it',
      };
    case 'method': {
      const parts: string[] = [];
      if (issue.codeOnly.length > 0) parts.push(`the code serves ${issue.codeOnly.join(', ')}, which is not documented`);
      if (issue.documentedOnly.length > 0) parts.push(`${issue.documentedOnly.join(', ')} is documented but no route serves it`);
      const first = issue.operations[0]!;
      return {
        kind: 'method',
        severity: issue.codeOnly.length > 0 ? 'error' : 'warning',
        fails: issue.codeOnly.length > 0,
        method: issue.codeOnly.length > 0 ? issue.codeOnly.join(',') : issue.route.methods.join(','),
        path: issue.route.path,
        documented: `${[...new Set(issue.operations.map((op) => op.method))].join(',')} ${issue.documentedPath}`,
        documentedAt: documentedWhere(comparison, first),
        ...lineOf(first),
        ...where(issue.route),
        detail: parts.join('; '),
      };
    }
    case 'auth': {
      const op = issue.operation;
      const reason = issue.route.postureReason ? ` (${issue.route.postureReason})` : '';
      let detail: string;
      const declared = op.security.declaredBy ? ` (${op.security.declaredBy})` : op.security.from === 'global' ? ' (global security)' : '';
      if (issue.problem === 'documented-secured-code-open') {
        detail = `documented as requiring ${schemes(op)}${declared}, but no authentication runs before the handler`;
      } else if (issue.problem === 'documented-secured-code-public') {
        detail = `documented as requiring ${schemes(op)}${declared}, but the code makes it public on purpose${reason}`;
      } else if (op.security.kind === 'optional') {
        detail = `documented with optional security ({}), but the code requires authentication${reason}`;
      } else if (op.security.from === 'operation') {
        detail = `documented with "security: []" (no authentication), but the code requires it${reason}`;
      } else {
        detail = decorators
          ? `no @ApiBearerAuth/@ApiSecurity documents its security, but the code requires authentication${reason}`
          : `documented without security (and the document has no global security), but the code requires authentication${reason}`;
      }
      return {
        kind: 'auth',
        severity: issue.severity,
        fails: true,
        method: issue.method,
        path: issue.route.path,
        documented: `${op.method} ${op.path}`,
        documentedAt: documentedWhere(comparison, op),
        ...lineOf(op),
        ...where(issue.route),
        detail,
        problem: issue.problem,
      };
    }
  }
}

/** `2 not compared (1 unknown prefix, 1 another file may change it)`. */
export function describeNotCompared(comparison: RowComparison): string | undefined {
  if (comparison.notCompared.length === 0) return undefined;
  const labels: Record<string, string> = {
    'unknown-path': 'path not fully known',
    incomplete: 'another file may change its path or chain',
    fallback: 'catch-all',
    preflight: 'OPTIONS only',
    excluded: 'left out of the document on purpose',
  };
  const counts = new Map<string, number>();
  for (const n of comparison.notCompared) counts.set(n.reason, (counts.get(n.reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, count]) => `${count} ${labels[reason] ?? reason}`);
  return `${comparison.notCompared.length} route${comparison.notCompared.length === 1 ? '' : 's'} not compared (${parts.join(', ')})`;
}

/** The summary line: counts of each kind, routes documented, and what was not compared. */
export function summarizeComparison(comparison: RowComparison): string {
  const counts = { shadow: 0, zombie: 0, method: 0, auth: 0 };
  for (const issue of comparison.issues) counts[issue.kind]++;
  const compared = comparison.documented + counts.shadow;
  const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
  const parts = [
    `${plural(compared, 'route')} compared: ${comparison.documented} documented`,
    plural(counts.shadow, 'shadow route'),
    plural(counts.zombie, 'zombie operation'),
    plural(counts.method, 'method mismatch', 'method mismatches'),
    plural(counts.auth, 'auth mismatch', 'auth mismatches'),
  ];
  const notCompared = describeNotCompared(comparison);
  if (notCompared) parts.push(notCompared);
  if (comparison.undecidedOperations > 0) parts.push(`${plural(comparison.undecidedOperations, 'documented operation')} may be served by a route with an unknown path`);
  if (comparison.authNotCompared > 0) parts.push(`auth not compared on ${plural(comparison.authNotCompared, 'operation')} (posture unknown)`);
  return parts.join('; ');
}

