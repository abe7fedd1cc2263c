/**
 * Whether an app that visibly serves browsers goes without security-header middleware: the apps a
 * file creates (`express()`, `Fastify()`, `NestFactory.create(...)`), what shows they serve browsers
 * (views, static files, cookie sessions), and whether helmet, `@fastify/helmet`, lusca or hand-set
 * `Content-Security-Policy`/`X-Frame-Options`/`Strict-Transport-Security` headers are applied.
 *
 * Per file, an app counts only when nothing outside the file can add the headers: it is created
 * here, never exported or passed on, and no project module is mounted as plain middleware or a
 * Fastify plugin. With the project index, any security-header import anywhere in the project counts
 * as applied, and evidence is gathered from the app's file and the project files it imports.
 * Built once per `ts.SourceFile` (and per index).
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getCalleeName, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, getRequiredModule, isPackageSpecifier } from '../core/bindings.js';
import { walkDescendants } from '../core/walk.js';
import { getModulePath, isProjectSpecifier, mayBeProjectModule } from '../flow/module-paths.js';
import { HEADER_SETTERS } from '../catalog/cors.js';
import {
  APP_MODULES,
  EVIDENCE_METHOD_NAMES,
  SECURITY_HEADER_NAMES,
  findAppFactory,
  findAppRow,
  findBrowserEvidence,
  findBrowserEvidenceMethod,
  isSecurityHeaderModule,
  type AppFactoryRow,
  type BrowserEvidenceRow,
} from '../catalog/security-headers.js';
import { getShortLabel } from './short-label.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface AppCreation {
  readonly node: ts.CallExpression;
  /** For messages: `express()`, `NestFactory.create(AppModule)`. */
  readonly label: string;
  readonly row: AppFactoryRow;
  /** The variable the app is held in (`const app = express()`), if any. */
  readonly variable?: string;
}

interface FileFacts {
  readonly apps: readonly AppCreation[];
  readonly evidence: readonly { readonly node: ts.Node; readonly row: BrowserEvidenceRow }[];
  /** Helmet, lusca or a hand-set security header somewhere in the file. */
  readonly securityHeaders: boolean;
}

export interface UnprotectedApp {
  readonly app: AppCreation;
  /** For messages: `renders views`, `serves static files`. */
  readonly evidence: string;
}

const QUICK_FILTER = /express|fastify|NestFactory/;
const SECURITY_TEXT = /helmet|lusca|content-security-policy|x-frame-options|strict-transport-security/i;
const EVIDENCE_TEXT = /render|view|static|session|cookie|useStaticAssets/i;
const HEADER_NAME_TEXT = new RegExp(SECURITY_HEADER_NAMES.join('|'), 'i');
/** Calls that take an app without adding middleware to it. */
const NEUTRAL_RECEIVERS: readonly { readonly module: string; readonly paths: readonly string[] }[] = [
  { module: 'http', paths: ['createServer'] },
  { module: 'https', paths: ['createServer'] },
  { module: 'http2', paths: ['createServer', 'createSecureServer'] },
  { module: 'serverless-http', paths: [''] },
  { module: '@nestjs/swagger', paths: ['SwaggerModule.setup', 'SwaggerModule.createDocument'] },
];

const fileCache = new FileScopedWeakMap<ts.SourceFile, FileFacts>();
const projectKey = {};

function getFileFacts(tsApi: TsApi, sourceFile: ts.SourceFile, project: ProjectIndex | undefined): FileFacts {
  let facts = fileCache.get(sourceFile);
  if (!facts) {
    facts = collectFileFacts(tsApi, sourceFile, project);
    fileCache.set(sourceFile, facts);
  }
  return facts;
}

function collectFileFacts(tsApi: TsApi, sourceFile: ts.SourceFile, project: ProjectIndex | undefined): FileFacts {
  const text = sourceFile.text;
  const wantApps = QUICK_FILTER.test(text);
  const wantEvidence = EVIDENCE_TEXT.test(text);
  const wantHeaders = SECURITY_TEXT.test(text);
  const apps: AppCreation[] = [];
  const evidence: { node: ts.Node; row: BrowserEvidenceRow }[] = [];
  let securityHeaders = false;
  if (!wantApps && !wantEvidence && !wantHeaders) return { apps, evidence, securityHeaders };
  const imports = getFileBindings(tsApi, sourceFile).imports;
  if (wantHeaders) for (const binding of imports.values()) if (isSecurityHeaderModule(binding.module)) securityHeaders = true;
  const importedFromCatalog = (expr: ts.Expression): boolean => {
    const module = tsApi.isIdentifier(expr) ? imports.get(expr.text)?.module : undefined;
    return module !== undefined && APP_MODULES.some((m) => isPackageSpecifier(module, m));
  };
  walkDescendants(tsApi, sourceFile, (node) => {
    if (tsApi.isDecorator(node) && wantEvidence && tsApi.isCallExpression(node.expression) && tsApi.isIdentifier(node.expression.expression)) {
      const binding = imports.get(node.expression.expression.text);
      const row = binding && findBrowserEvidence('decorator', binding.module, binding.imported);
      if (row) evidence.push({ node, row });
      return;
    }
    if (!tsApi.isCallExpression(node)) return;
    const callee = skipOuterExpressions(tsApi, node.expression);
    // require('helmet')(), import('@fastify/helmet')
    if (wantHeaders && (node.expression.kind === tsApi.SyntaxKind.ImportKeyword || getRequiredModule(tsApi, node) !== undefined)) {
      const module = getStaticString(tsApi, node.arguments[0]);
      if (module !== undefined && isSecurityHeaderModule(module)) securityHeaders = true;
      return;
    }
    const name = getCalleeName(tsApi, node);
    if (name === undefined && !tsApi.isCallExpression(callee)) return;
    if (wantHeaders && name !== undefined && HEADER_SETTERS.has(name) && tsApi.isPropertyAccessExpression(callee)) {
      if (node.arguments.some((arg) => HEADER_NAME_TEXT.test(arg.getText(sourceFile)))) securityHeaders = true;
    }
    if (wantEvidence && name !== undefined && EVIDENCE_METHOD_NAMES.has(name) && tsApi.isPropertyAccessExpression(callee)) {
      const first = node.arguments[0] && getStaticString(tsApi, node.arguments[0]);
      const row = findBrowserEvidenceMethod(name, first?.toLowerCase());
      if (row) evidence.push({ node, row });
      return;
    }
    if (wantEvidence && name === 'register' && node.arguments[0]) {
      const plugin = getModulePath(tsApi, node.arguments[0], project);
      const row = plugin?.module !== undefined && !plugin.local ? findBrowserEvidence('register', plugin.module, plugin.path) : undefined;
      if (row) evidence.push({ node, row });
      return;
    }
    // Only imported names, their members and `require('m')(...)` can create an app or serve files.
    const root = tsApi.isPropertyAccessExpression(callee) ? skipOuterExpressions(tsApi, callee.expression) : callee;
    if (!importedFromCatalog(root) && !tsApi.isCallExpression(root) && !(tsApi.isPropertyAccessExpression(root) && name === 'create')) return;
    const path = getModulePath(tsApi, node.expression, project);
    if (path?.module === undefined || path.local) return;
    const factory = wantApps ? findAppFactory(path.module, path.path) : undefined;
    if (factory) {
      const row = factory.name === 'nest-app' && node.arguments.some((arg) => isFastifyAdapter(tsApi, arg, project)) ? findAppRow('nest-fastify-app') : factory;
      apps.push({ node, row, label: appLabel(tsApi, sourceFile, node), variable: holdingVariable(tsApi, node) });
      return;
    }
    const row = wantEvidence ? findBrowserEvidence('call', path.module, path.path) : undefined;
    if (row) evidence.push({ node, row });
  });
  return { apps, evidence, securityHeaders };
}

/** `new FastifyAdapter(...)` from `@nestjs/platform-fastify`. */
function isFastifyAdapter(tsApi: TsApi, node: ts.Expression, project: ProjectIndex | undefined): boolean {
  const expr = skipOuterExpressions(tsApi, node);
  if (!tsApi.isNewExpression(expr)) return false;
  const path = getModulePath(tsApi, expr.expression, project);
  return path?.module !== undefined && isPackageSpecifier(path.module, '@nestjs/platform-fastify') && path.path === 'FastifyAdapter';
}

function appLabel(tsApi: TsApi, sourceFile: ts.SourceFile, call: ts.CallExpression): string {
  const callee = getShortLabel(sourceFile, skipOuterExpressions(tsApi, call.expression), 40);
  const first = call.arguments[0];
  const argument = first && tsApi.isIdentifier(first) ? first.text : call.arguments.length ? '…' : '';
  return `${callee}(${argument})`;
}

/** `const app = express()`, `const app = await NestFactory.create<T>(AppModule)`. */
function holdingVariable(tsApi: TsApi, call: ts.CallExpression): string | undefined {
  let current: ts.Node = call;
  while (tsApi.isAwaitExpression(current.parent) || tsApi.isParenthesizedExpression(current.parent) || tsApi.isAsExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  return tsApi.isVariableDeclaration(parent) && parent.initializer === current && tsApi.isIdentifier(parent.name) ? parent.name.text : undefined;
}

/** True when a value comes from a project module: an identifier imported from one, a call of one (`security()`, `a.b().c()`), `require('./x')`. */
function isProjectValue(tsApi: TsApi, sourceFile: ts.SourceFile, node: ts.Expression, project: ProjectIndex | undefined): boolean {
  let expr = skipOuterExpressions(tsApi, node);
  // Down the chain to its root, a bounded number of steps.
  for (let step = 0; step < 64; step++) {
    if (tsApi.isCallExpression(expr)) {
      const required = getRequiredModule(tsApi, expr);
      if (required !== undefined) return isLocalSpecifier(required, project);
      expr = skipOuterExpressions(tsApi, expr.expression);
    } else if (tsApi.isPropertyAccessExpression(expr)) {
      expr = skipOuterExpressions(tsApi, expr.expression);
    } else {
      break;
    }
  }
  if (!tsApi.isIdentifier(expr)) return false;
  const binding = getFileBindings(tsApi, sourceFile).imports.get(expr.text);
  return binding !== undefined && isLocalSpecifier(binding.module, project);
}

function isLocalSpecifier(specifier: string, project: ProjectIndex | undefined): boolean {
  return project ? mayBeProjectModule(project, specifier) : isProjectSpecifier(specifier);
}

function isNeutralReceiver(tsApi: TsApi, sourceFile: ts.SourceFile, call: ts.CallExpression | ts.NewExpression): boolean {
  // A function of this file (`setupSwagger(app)`): what it does with the app is in the file too.
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (tsApi.isIdentifier(callee)) {
    const bindings = getFileBindings(tsApi, sourceFile);
    if (!bindings.imports.has(callee.text) && bindings.declarations.has(callee.text)) return true;
  }
  const path = getModulePath(tsApi, call.expression);
  if (path?.module === undefined || path.local) return false;
  return NEUTRAL_RECEIVERS.some((row) => isPackageSpecifier(path.module!, row.module) && row.paths.includes(path.path));
}

/**
 * True when code outside this file may add middleware to the app: it is not held in a variable,
 * the variable is exported, returned, stored or passed to a call (other than `http.createServer(app)`,
 * Swagger's setup, or a function of this file, whose own uses of the name are walked too),
 * or the app mounts a project module as plain middleware or a plugin (`app.use(security)`,
 * `app.register(plugins)`, `@fastify/autoload`).
 */
function mayBeCompletedElsewhere(tsApi: TsApi, sourceFile: ts.SourceFile, app: AppCreation): boolean {
  const name = app.variable;
  if (name === undefined) return true;
  if (getFileBindings(tsApi, sourceFile).exports.some((binding) => binding.local === name)) return true;
  let escapes = false;
  walkDescendants(tsApi, sourceFile, (node) => {
    if (escapes) return false;
    if (!tsApi.isIdentifier(node) || node.text !== name) return;
    let use: ts.Node = node;
    while (tsApi.isParenthesizedExpression(use.parent) || tsApi.isAsExpression(use.parent) || tsApi.isNonNullExpression(use.parent)) use = use.parent;
    const parent = use.parent;
    if ((tsApi.isCallExpression(parent) || tsApi.isNewExpression(parent)) && parent.arguments?.includes(use as ts.Expression)) {
      if (!isNeutralReceiver(tsApi, sourceFile, parent)) escapes = true;
      return;
    }
    if (tsApi.isPropertyAccessExpression(parent) && parent.expression === use && (parent.name.text === 'use' || parent.name.text === 'register')) {
      const call = parent.parent;
      const first = tsApi.isCallExpression(call) ? call.arguments[0] : undefined;
      if (first && (isProjectValue(tsApi, sourceFile, first, undefined) || isAutoload(tsApi, first))) escapes = true;
      return;
    }
    if (
      tsApi.isReturnStatement(parent) ||
      tsApi.isExportAssignment(parent) ||
      tsApi.isShorthandPropertyAssignment(parent) ||
      (tsApi.isPropertyAssignment(parent) && parent.initializer === use) ||
      tsApi.isArrayLiteralExpression(parent) ||
      (tsApi.isVariableDeclaration(parent) && parent.initializer === use) ||
      (tsApi.isBinaryExpression(parent) && parent.right === use && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken) ||
      (tsApi.isArrowFunction(parent) && parent.body === use)
    ) {
      escapes = true;
    }
    return;
  });
  return escapes;
}

function isAutoload(tsApi: TsApi, node: ts.Expression): boolean {
  const path = getModulePath(tsApi, node);
  return path?.module !== undefined && isPackageSpecifier(path.module, '@fastify/autoload');
}

/** Files the app's file imports from the project, transitively, the file itself first. */
function importedProjectFiles(tsApi: TsApi, project: ProjectIndex, start: ts.SourceFile): ts.SourceFile[] {
  const seen = new Set<ts.SourceFile>([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    const specifiers = new Set<string>();
    for (const binding of getFileBindings(tsApi, file).imports.values()) specifiers.add(binding.module);
    for (const statement of file.statements) {
      if ((tsApi.isImportDeclaration(statement) || tsApi.isExportDeclaration(statement)) && statement.moduleSpecifier && tsApi.isStringLiteral(statement.moduleSpecifier)) {
        specifiers.add(statement.moduleSpecifier.text);
      }
    }
    for (const specifier of specifiers) {
      if (!mayBeProjectModule(project, specifier)) continue;
      const target = project.resolveImport(file, specifier);
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return queue;
}

/** The root identifier of a call chain's callee (`app` for `app.use(...)`, `app.get(...).post(...)`). */
function chainRoot(tsApi: TsApi, callee: ts.Expression): string | undefined {
  let expr = skipOuterExpressions(tsApi, callee);
  for (let step = 0; step < 64; step++) {
    if (tsApi.isPropertyAccessExpression(expr)) expr = skipOuterExpressions(tsApi, expr.expression);
    else if (tsApi.isCallExpression(expr)) expr = skipOuterExpressions(tsApi, expr.expression);
    else break;
  }
  return tsApi.isIdentifier(expr) ? expr.text : undefined;
}

/** The app variable whose call chain holds a node (`app.use(express.static(...))`, `app.get('/', (req, res) => res.render(...))`). */
function owningApp(tsApi: TsApi, node: ts.Node, names: ReadonlySet<string>): string | undefined {
  for (let current: ts.Node | undefined = node; current && !tsApi.isSourceFile(current); current = current.parent) {
    if (tsApi.isCallExpression(current)) {
      const root = chainRoot(tsApi, current.expression);
      if (root !== undefined && names.has(root)) return root;
    }
  }
  return undefined;
}

/**
 * The evidence of each app. With one app in the file, anything in the file (and, with the index,
 * in the files it imports) counts; with several, only what sits in an app's own call chains, so a
 * JSON API next to a web app stays silent.
 */
function evidenceByApp(tsApi: TsApi, sourceFile: ts.SourceFile, project: ProjectIndex | undefined, facts: FileFacts): Map<AppCreation, string> {
  const result = new Map<AppCreation, string>();
  if (facts.apps.length === 1) {
    const app = facts.apps[0]!;
    let evidence = facts.evidence[0]?.row.label;
    if (evidence === undefined && project) {
      for (const file of importedProjectFiles(tsApi, project, sourceFile)) {
        evidence = getFileFacts(tsApi, file, project).evidence[0]?.row.label;
        if (evidence !== undefined) break;
      }
    }
    if (evidence !== undefined) result.set(app, evidence);
    return result;
  }
  const names = new Set(facts.apps.flatMap((app) => (app.variable ? [app.variable] : [])));
  for (const { node, row } of facts.evidence) {
    const owner = owningApp(tsApi, node, names);
    const app = owner === undefined ? undefined : facts.apps.find((a) => a.variable === owner);
    if (app && !result.has(app)) result.set(app, row.label);
  }
  return result;
}

/** The apps this file creates that serve browsers without security-header middleware. */
export function getUnprotectedApps(ctx: AnalysisContext): readonly UnprotectedApp[] {
  const { ts: tsApi, sourceFile, project } = ctx;
  if (!QUICK_FILTER.test(sourceFile.text)) return [];
  const facts = getFileFacts(tsApi, sourceFile, project);
  if (facts.apps.length === 0 || facts.securityHeaders) return [];
  const evidence = evidenceByApp(tsApi, sourceFile, project, facts);
  if (evidence.size === 0) return [];
  if (project) {
    const anywhere = project.memo(projectKey, () => project.files().some((file) => getFileFacts(tsApi, file, project).securityHeaders));
    if (anywhere) return [];
    return [...evidence].map(([app, label]) => ({ app, evidence: label }));
  }
  return [...evidence].filter(([app]) => !mayBeCompletedElsewhere(tsApi, sourceFile, app)).map(([app, label]) => ({ app, evidence: label }));
}
