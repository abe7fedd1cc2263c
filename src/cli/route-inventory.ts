/**
 * The API inventory as rows a person reads: method, full path (`?` where a prefix or segment is not
 * known), framework, handler location, the auth guards and the validation that apply, and the
 * route's posture. Built from the routing model (`ResolvedRoute`); the posture comes from the
 * model's posture function, so `routes` and `require-auth-guard` read the same answer. The AUTH
 * column lists what protects the route (from the posture) and guard-like chain items (by role and
 * name, also when they do not protect this route, e.g. bypassed by a public marker).
 */
import type * as ts from 'typescript';
import type { ResolvedRoute } from '../model/api-model.js';
import type { ProjectIndex } from '../project/project-index.js';
import type { ResolvedSettings } from '../settings/schema.js';
import { relativeToRoot } from './report-path.js';
import type { RouteColumns } from './route-columns.js';
import { getNestApiDocs, type NestApiDocs } from '../frameworks/nest-swagger.js';
import { isTestAppFileName } from '../model/test-files.js';

export type PostureState = 'protected' | 'public' | 'unprotected' | 'unknown';

export interface RoutePosture {
  readonly state: PostureState;
  /** Why: the guard that protects it, the public marker, the missing mount. */
  readonly reason?: string;
  /** The printable names of the chain items that protect the route. */
  readonly protectedBy?: readonly string[];
}

export interface RouteRow {
  readonly methods: readonly string[];
  readonly path: string;
  readonly framework: string;
  /** Absolute path of the file that declares the route. */
  readonly filePath: string;
  /** Relative to the report root, forward slashes. */
  readonly relativePath: string;
  /** 1-based line of the route registration (or Nest route decorator). */
  readonly line: number;
  /** Guards and auth-like middleware, outermost first (printable names). */
  readonly guards: readonly string[];
  /** Pipes, schemas and validation middleware, outermost first. */
  readonly validation: readonly string[];
  /** Everything else in the chain (hooks, interceptors, middleware), for completeness. */
  readonly otherChain: readonly string[];
  readonly posture: RoutePosture;
  /** False when another file outside the scan could still add to the chain. */
  readonly complete: boolean;
  /** The posture columns of `ROUTE_COLUMNS` (rate limit, ...); an absent one prints as `?`. */
  readonly columns?: RouteColumns;
  /** Nest: what the route's `@nestjs/swagger` decorators document (when the project uses them). */
  readonly apiDocs?: NestApiDocs;
}

/** Where the CLI gets routes and postures from; injectable so tests (and new models) can supply them. */
export interface RouteModelSource {
  getRoutes(index: ProjectIndex): readonly ResolvedRoute[];
  getPosture(route: ResolvedRoute, index: ProjectIndex, settings: ResolvedSettings): RoutePosture;
  /**
   * True for a chain item that a known package makes setup only (`app.register(fastifyJwt)` adds
   * decorators, it guards nothing): listed with the other chain items even though its name looks
   * like auth.
   */
  isSetupOnly?(item: ResolvedRoute['chain'][number], index: ProjectIndex, settings: ResolvedSettings): boolean;
  /** The values of the `ROUTE_COLUMNS` columns (rate limit, ...) for a route. */
  getColumns?(route: ResolvedRoute, index: ProjectIndex, settings: ResolvedSettings): RouteColumns;
}

const AUTH_WORDS = /auth|guard|jwt|passport|session|token|login|signed|apikey|api-key|api_key|permission|role|acl|protect|verify|bearer|oauth|basic/i;
const VALIDATION_WORDS = /valid|pipe|schema|zod|joi|yup|celebrate|sanitiz|parse|dto|check|body\(|ajv|typebox/i;

const RATE_LIMIT_WORDS = /throttl|rate-?limit|slow-?down|limiter/i;

/** Browser-side protections and static files whose names contain auth words (`lusca.xssProtection`). */
const NOT_AUTH_WORDS = /xss|csrf|xsrf|cors|helmet|static|nosniff|hsts|frameguard|initialize\(|passport\.session\(/i;

/** Body and cookie parsers, whose names say "parse": they read the request, they do not validate it. */
const NOT_VALIDATION_WORDS = /body-?parser|cookie-?parser|\.json\(|\.urlencoded\(|\.text\(|\.raw\(|multer|formidable/i;

function describeItem(item: ResolvedRoute['chain'][number], isSetupOnly: (item: ResolvedRoute['chain'][number]) => boolean): { kind: 'guard' | 'validation' | 'other'; text: string } {
  if (RATE_LIMIT_WORDS.test(item.text)) return { kind: 'other', text: item.text };
  // An exception filter or error handler runs after the handler: never the route's guard or validation.
  if (item.role === 'filter' || item.role === 'error-handler') return { kind: 'other', text: item.text };
  if (item.role !== 'guard' && isSetupOnly(item)) return { kind: 'other', text: item.text };
  if (item.role === 'guard') return { kind: 'guard', text: item.text };
  if (item.role === 'pipe') return { kind: 'validation', text: item.text };
  // The words are looked for in the name called, not in its arguments: `validate(authValidation.login)`
  // validates, `express.static(path.join(...))` neither validates nor guards.
  const name = item.text.replace(/\(.*$/s, '(');
  if (AUTH_WORDS.test(name) && !NOT_AUTH_WORDS.test(name)) return { kind: 'guard', text: item.text };
  if (VALIDATION_WORDS.test(name) && !NOT_VALIDATION_WORDS.test(name)) return { kind: 'validation', text: item.text };
  return { kind: 'other', text: item.text };
}


export function toRouteRow(
  route: ResolvedRoute,
  posture: RoutePosture,
  root: string,
  isSetupOnly: (item: ResolvedRoute['chain'][number]) => boolean = () => false,
): RouteRow {
  const file: ts.SourceFile = route.file;
  const reportNode = route.route.reportNode ?? route.route.node;
  const line = file.getLineAndCharacterOfPosition(reportNode.getStart(file)).line + 1;
  const guards: string[] = [];
  const validation: string[] = [];
  const otherChain: string[] = [];
  for (const item of route.chain) {
    const described = describeItem(item, isSetupOnly);
    const text = item.bypassedBy ? `${described.text} (bypassed by ${item.bypassedBy})` : described.text;
    if (described.kind === 'guard') guards.push(text);
    else if (described.kind === 'validation') validation.push(text);
    else otherChain.push(text);
  }
  for (const text of posture.protectedBy ?? []) {
    if (!guards.includes(text)) guards.push(text);
    const other = otherChain.indexOf(text);
    if (other >= 0) otherChain.splice(other, 1);
  }
  if (route.route.schema && !validation.includes('schema')) validation.push('schema');
  return {
    methods: route.methods,
    path: route.fullPath,
    framework: route.framework,
    filePath: file.fileName,
    relativePath: relativeToRoot(root, file.fileName),
    line,
    guards,
    validation,
    otherChain,
    posture,
    complete: route.complete,
  };
}

/** Rows for every route of a project, sorted by path then method. */
export function buildRouteRows(index: ProjectIndex, source: RouteModelSource, settings: ResolvedSettings, root: string): RouteRow[] {
  const modelled = (route: { readonly framework: string }): boolean => settings.frameworks?.includes(route.framework as never) ?? true;
  // A test file's throwaway app is not the API (require-auth-guard skips it too).
  const rows = source.getRoutes(index).filter((route) => modelled(route) && !isTestAppFileName(route.file.fileName)).map((route) => {
    let posture: RoutePosture;
    try {
      posture = source.getPosture(route, index, settings);
    } catch (error) {
      posture = { state: 'unknown', reason: `posture could not be computed: ${error instanceof Error ? error.message : String(error)}` };
    }
    const isSetupOnly = (item: ResolvedRoute['chain'][number]): boolean => {
      try {
        return source.isSetupOnly?.(item, index, settings) ?? false;
      } catch {
        return false;
      }
    };
    let columns: RouteColumns | undefined;
    try {
      columns = source.getColumns?.(route, index, settings);
    } catch {
      columns = undefined; // every column then prints `?`; the inventory never fails on one
    }
    const row = toRouteRow(route, posture, root, isSetupOnly);
    return withApiDocs(columns ? { ...row, columns } : row, index, route);
  });
  return rows;
}

/** Adds what the route's `@nestjs/swagger` decorators document, for `routes --openapi`. */
function withApiDocs(row: RouteRow, index: ProjectIndex, route: ResolvedRoute): RouteRow {
  try {
    const apiDocs = getNestApiDocs(index.ts, route, index);
    return apiDocs ? { ...row, apiDocs } : row;
  } catch {
    return row; // the decorators are documentation; the inventory never fails on them
  }
}

/** Orders rows for display: by path, then method, then location. */
export function sortRouteRows(rows: readonly RouteRow[]): RouteRow[] {
  return [...rows].sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      a.methods.join(',').localeCompare(b.methods.join(',')) ||
      a.relativePath.localeCompare(b.relativePath) ||
      a.line - b.line,
  );
}
