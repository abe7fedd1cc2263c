/**
 * The route inventory against a contract (an OpenAPI document, or what `@nestjs/swagger`
 * decorators declare):
 *
 * - shadow: a route the code serves whose path the contract does not document;
 * - zombie: a documented operation that no route of the code can serve;
 * - method: the path is on both sides, but the methods differ (code-only methods are undocumented
 *   operations; contract-only methods are documented operations nothing serves);
 * - auth: the contract documents security on a route the code leaves unprotected (the serious
 *   one), documents security on a route the code makes public on purpose, or documents none
 *   (`security: []`, or nothing and no global `security`) on a route the code guards.
 *
 * Precision first: a route whose path the model does not know fully (an unknown prefix, `?`) or
 * whose chain another file may still change is never a shadow; it is counted as not compared. A
 * documented operation is a zombie only when no route at all, not even one with an unknown prefix
 * or a catch-all path, could serve it. Auth is compared only where the route's posture is known.
 */
import type { ApiContract, ContractMethod, ContractOperation } from './openapi-document.js';
import { codePathDocumentedBy, codePathMayServe, hasUnknownPart, parseCodePath, parseContractPath, type SegmentList } from './contract-paths.js';

export type RoutePostureState = 'protected' | 'public' | 'unprotected' | 'unknown';

/** A route as the comparison needs it; `R` carries the caller's own data (a row, a node). */
export interface ContractRoute {
  readonly methods: readonly string[];
  /** The model's full path (`?` for an unknown part). */
  readonly path: string;
  readonly complete: boolean;
  readonly posture: RoutePostureState;
  /** Why the posture is what it is (`requireAuth (mount, app.ts:12)`). */
  readonly postureReason?: string;
  /** Set when the route is left out of the contract on purpose (`@ApiExcludeEndpoint()`). */
  readonly excludedBy?: string;
}

export type AuthProblem = 'documented-secured-code-open' | 'documented-secured-code-public' | 'documented-open-code-secured';

export type ContractIssue<R extends ContractRoute> =
  | { readonly kind: 'shadow'; readonly route: R; readonly methods: readonly string[] }
  | { readonly kind: 'zombie'; readonly operation: ContractOperation }
  | {
      readonly kind: 'method';
      readonly route: R;
      /** The documented path (`/users/{userId}`). */
      readonly documentedPath: string;
      /** Methods the code serves that the contract does not document at this path. */
      readonly codeOnly: readonly string[];
      /** Methods the contract documents at this path that no route serves. */
      readonly documentedOnly: readonly ContractMethod[];
      readonly operations: readonly ContractOperation[];
      /** Every route that serves the documented path. */
      readonly routes: readonly R[];
    }
  | {
      readonly kind: 'auth';
      readonly route: R;
      readonly method: string;
      readonly operation: ContractOperation;
      readonly problem: AuthProblem;
      /** `error` for a documented requirement the code does not enforce; `warning` for the others. */
      readonly severity: 'error' | 'warning';
    };

export type NotComparedReason = 'unknown-path' | 'incomplete' | 'fallback' | 'preflight' | 'excluded';

export interface ContractComparison<R extends ContractRoute> {
  readonly contract: ApiContract;
  /** The base paths the document paths were read under (`/v1`); empty when none applied. */
  readonly basePaths: readonly string[];
  /** Set when the `servers` base path was dropped because the code serves the paths without it. */
  readonly basePathNote?: string;
  readonly issues: readonly ContractIssue<R>[];
  /** Routes that matched a documented path. */
  readonly documented: number;
  /** Routes left out of the comparison, with the reason. */
  readonly notCompared: readonly { readonly route: R; readonly reason: NotComparedReason }[];
  /** Documented operations that a route with an unknown part (or a catch-all) may serve. */
  readonly undecidedOperations: number;
  /** Route/operation pairs whose auth was not compared because the route's posture is unknown. */
  readonly authNotCompared: number;
}

const OPTIONAL_METHODS = new Set(['OPTIONS']);

interface DocumentedPath {
  readonly path: string;
  readonly lists: readonly SegmentList[];
  readonly operations: ContractOperation[];
}

function groupOperations(contract: ApiContract, useBases: boolean): DocumentedPath[] {
  const byKey = new Map<string, DocumentedPath>();
  for (const op of contract.operations) {
    const bases = useBases && op.basePaths.length > 0 ? op.basePaths : [''];
    const key = `${op.path}\u0000${bases.join('\u0000')}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { path: op.path, lists: bases.map((base) => parseContractPath(base, op.path)), operations: [] };
      byKey.set(key, entry);
    }
    entry.operations.push(op);
  }
  return [...byKey.values()];
}

function isFallback(lists: readonly SegmentList[]): boolean {
  return lists.every((list) => list.length === 0 || (list.length === 1 && list[0]!.kind === 'rest'));
}

/** The operations at a documented path that a code method covers (`ALL` covers all, `HEAD` is answered by `GET`). */
function operationsForMethod(method: string, operations: readonly ContractOperation[]): ContractOperation[] {
  if (method === 'ALL') return [...operations];
  if (method === 'HEAD') {
    const head = operations.filter((op) => op.method === 'HEAD');
    return head.length > 0 ? head : operations.filter((op) => op.method === 'GET');
  }
  return operations.filter((op) => op.method === method);
}

function servesMethod(codeMethods: ReadonlySet<string>, method: ContractMethod): boolean {
  if (codeMethods.has('ALL') || codeMethods.has(method)) return true;
  if (method === 'HEAD') return codeMethods.has('GET');
  return OPTIONAL_METHODS.has(method); // CORS middleware answers OPTIONS for every path
}

function compareAuth(posture: RoutePostureState, op: ContractOperation): { problem: AuthProblem; severity: 'error' | 'warning' } | 'skip' | undefined {
  if (posture === 'unknown') return 'skip';
  if (op.security.kind === 'required') {
    if (posture === 'unprotected') return { problem: 'documented-secured-code-open', severity: 'error' };
    if (posture === 'public') return { problem: 'documented-secured-code-public', severity: 'warning' };
    return undefined;
  }
  if (posture === 'protected') return { problem: 'documented-open-code-secured', severity: 'warning' };
  return undefined;
}

interface Pass<R extends ContractRoute> {
  readonly documented: number;
  readonly issues: ContractIssue<R>[];
  readonly undecided: number;
  readonly authNotCompared: number;
}

function runPass<R extends ContractRoute>(
  routes: readonly { route: R; lists: readonly SegmentList[] }[],
  allRoutes: readonly { route: R; lists: readonly SegmentList[] }[],
  documentedPaths: readonly DocumentedPath[],
): Pass<R> {
  const issues: ContractIssue<R>[] = [];
  const served = new Map<DocumentedPath, R[]>();
  let documented = 0;
  let authNotCompared = 0;
  for (const { route, lists } of routes) {
    let best = -1;
    let matches: DocumentedPath[] = [];
    for (const doc of documentedPaths) {
      let score = -1;
      for (const code of lists) for (const list of doc.lists) score = Math.max(score, codePathDocumentedBy(code, list));
      if (score < 0) continue;
      if (score > best) {
        best = score;
        matches = [doc];
      } else if (score === best) {
        matches.push(doc);
      }
    }
    if (matches.length === 0) {
      issues.push({ kind: 'shadow', route, methods: route.methods });
      continue;
    }
    documented++;
    for (const doc of matches) {
      const list = served.get(doc) ?? [];
      list.push(route);
      served.set(doc, list);
      for (const method of route.methods) {
        for (const op of operationsForMethod(method, doc.operations)) {
          const verdict = compareAuth(route.posture, op);
          if (verdict === 'skip') authNotCompared++;
          else if (verdict) issues.push({ kind: 'auth', route, method: method === 'ALL' ? op.method : method, operation: op, ...verdict });
        }
      }
    }
  }
  let undecided = 0;
  for (const doc of documentedPaths) {
    const byRoutes = served.get(doc);
    if (!byRoutes) {
      for (const op of doc.operations) {
        const maybe = allRoutes.some(({ route, lists }) => route.methods.some((m) => m === 'ALL' || m === op.method || (op.method === 'HEAD' && m === 'GET')) && lists.some((code) => doc.lists.some((list) => codePathMayServe(code, list))));
        if (maybe) undecided++;
        else issues.push({ kind: 'zombie', operation: op });
      }
      continue;
    }
    const codeMethods = new Set(byRoutes.flatMap((r) => r.methods));
    const documentedMethods = new Set<string>(doc.operations.map((op) => op.method));
    const codeOnly = [...codeMethods].filter((m) => m !== 'ALL' && !OPTIONAL_METHODS.has(m) && !documentedMethods.has(m) && !(m === 'HEAD' && documentedMethods.has('GET')));
    const documentedOnly = doc.operations.map((op) => op.method).filter((m) => !servesMethod(codeMethods, m));
    if (codeOnly.length === 0 && documentedOnly.length === 0) continue;
    const at = byRoutes.find((r) => r.methods.some((m) => codeOnly.includes(m))) ?? byRoutes[0]!;
    issues.push({ kind: 'method', route: at, documentedPath: doc.path, codeOnly, documentedOnly: [...new Set(documentedOnly)], operations: doc.operations, routes: byRoutes });
  }
  return { documented, issues, undecided, authNotCompared };
}

/** Compares routes with a contract. Routes and operations are never changed. */
export function compareWithContract<R extends ContractRoute>(routes: readonly R[], contract: ApiContract): ContractComparison<R> {
  const notCompared: { route: R; reason: NotComparedReason }[] = [];
  const parsed = routes.map((route) => ({ route, lists: parseCodePath(route.path) }));
  const comparable: { route: R; lists: readonly SegmentList[] }[] = [];
  for (const entry of parsed) {
    const { route, lists } = entry;
    if (route.excludedBy) notCompared.push({ route, reason: 'excluded' });
    else if (lists.some(hasUnknownPart)) notCompared.push({ route, reason: 'unknown-path' });
    else if (!route.complete) notCompared.push({ route, reason: 'incomplete' });
    else if (route.methods.length > 0 && route.methods.every((m) => OPTIONAL_METHODS.has(m))) notCompared.push({ route, reason: 'preflight' });
    else if (isFallback(lists)) notCompared.push({ route, reason: 'fallback' });
    else comparable.push(entry);
  }
  const bases = [...new Set(contract.operations.flatMap((op) => op.basePaths))].filter((b) => b !== '');
  const withBases = runPass(comparable, parsed, groupOperations(contract, true));
  let chosen = withBases;
  let basePathNote: string | undefined;
  if (bases.length > 0) {
    const without = runPass(comparable, parsed, groupOperations(contract, false));
    if (without.documented > withBases.documented) {
      chosen = without;
      basePathNote = `the servers base path ${bases.join(', ')} was left out: the code serves the documented paths without it (a proxy may add it)`;
    }
  }
  return {
    contract,
    basePaths: basePathNote ? [] : bases,
    ...(basePathNote ? { basePathNote } : {}),
    issues: sortIssues(chosen.issues),
    documented: chosen.documented,
    notCompared,
    undecidedOperations: chosen.undecided,
    authNotCompared: chosen.authNotCompared,
  };
}

const KIND_ORDER = { auth: 0, shadow: 1, method: 2, zombie: 3 } as const;

function issuePath<R extends ContractRoute>(issue: ContractIssue<R>): string {
  return issue.kind === 'zombie' ? issue.operation.path : issue.route.path;
}

function sortIssues<R extends ContractRoute>(issues: readonly ContractIssue<R>[]): ContractIssue<R>[] {
  const severity = (issue: ContractIssue<R>): number => (issue.kind === 'auth' && issue.severity === 'warning' ? 1 : 0);
  return [...issues].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || severity(a) - severity(b) || issuePath(a).localeCompare(issuePath(b)));
}

/** True when the comparison should fail a CI run: shadows, undocumented methods, auth mismatches. */
export function hasFailingIssues<R extends ContractRoute>(comparison: ContractComparison<R>): boolean {
  return comparison.issues.some((i) => i.kind === 'shadow' || i.kind === 'auth' || (i.kind === 'method' && i.codeOnly.length > 0));
}

/** The counts a summary line shows. */
export function countIssues<R extends ContractRoute>(comparison: ContractComparison<R>): Record<ContractIssue<R>['kind'], number> {
  const counts = { shadow: 0, zombie: 0, method: 0, auth: 0 };
  for (const issue of comparison.issues) counts[issue.kind]++;
  return counts;
}
