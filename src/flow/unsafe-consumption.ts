/**
 * Third-party API responses that reach a place where unvalidated data does harm: the flow spec of
 * `no-unsafe-consumption` (OWASP API10:2023, CWE-20).
 *
 * - Sources: client responses (`sources.clientResponses`: `fetch(...)`, `axios.get(...)`, Nest
 *   `HttpService`, ... and what `.json()`, `.data`, `firstValueFrom` make of them).
 * - Sinks: the written values of model writes (the ORM catalog, as in `no-mass-assignment`), the URL
 *   of a redirect (`res.redirect(x)`, `reply.redirect(x)`), the command of a shell call
 *   (`child_process.exec/execSync`, `spawn`/`execFile` with `shell: true`), and SQL text built by
 *   interpolation (`db.query(\`... ${x}\`)`, `$queryRawUnsafe(x)`, `sequelize.query(x)`, `knex.raw(x)`).
 * - Barriers: validator results (zod, joi, yup, valibot, superstruct, TypeBox, ajv, class-validator and
 *   the names in the settings), narrowing helpers (`pick`, `items.map((i) => ({ a: i.a }))`,
 *   `Object.fromEntries` of a key filter), and for redirects the allowlist checks of
 *   `no-ssrf`. Object literals of named fields need no barrier: a sink counts only whole-value taint.
 *   Unknown calls return clean values, so `Number(x)` or an escaping helper ends the flow.
 */
import type * as ts from 'typescript';
import { NO_SINK_TARGETS } from './spec.js';
import type { AnalysisContext } from '../core/context.js';
import { getShortText, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings } from '../core/bindings.js';
import { HTTP_CLIENTS } from '../catalog/http-clients.js';
import { matchModelWrite } from '../model/model-writes.js';
import { getResponseSinkOfNode } from '../model/response-sinks.js';
import { matchValidatorCall } from '../model/validation-calls.js';
import { findFlows, type Flow, type FlowApi, type FlowSpec, type SinkTarget } from './engine.js';
import { resolveCallTarget } from './call-targets.js';
import { createSpecCache } from './spec-cache.js';
import { mayBeProjectModule, normalizeModuleName } from './module-paths.js';
import { guardOfValidation, isFieldNarrowingCall } from './model-write-flows.js';
import { getAllowlistCheck } from './request-forgery.js';

/** What a third-party value reaches. */
export type ConsumptionSinkKind = 'model-write' | 'redirect' | 'shell' | 'sql';

export interface UnsafeConsumptionOptions {
  /** Extra model-write methods (settings `modelWriteMethods` and the rule's option). */
  readonly extraWriteMethods: readonly string[];
  /** Extra validator names (settings `validators` and the rule's option). */
  readonly extraValidators: readonly string[];
}

/** A flow with the kind of its sink. */
export interface UnsafeConsumptionFlow {
  readonly flow: Flow;
  readonly kind: ConsumptionSinkKind;
}

/** `child_process` functions that run their first argument through a shell. */
const SHELL_ALWAYS: ReadonlySet<string> = new Set(['exec', 'execSync']);
/** `child_process` functions that use a shell only with `{ shell: true }`. */
const SHELL_WITH_OPTION: ReadonlySet<string> = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);
/** Methods whose first argument is SQL text that is never parameterized. */
const RAW_SQL_METHODS: ReadonlySet<string> = new Set(['$queryRawUnsafe', '$executeRawUnsafe', 'raw']);
/** Methods that take SQL text first (and parameters apart): a sink only when the text is built here by interpolation. */
const QUERY_METHODS: ReadonlySet<string> = new Set(['query', 'execute', 'exec', 'run', 'all', 'get', 'prepare', 'unsafe']);
/** Receivers named like a database handle, for `raw` and `query(x)` with a variable argument. */
const DATABASE_RECEIVER = /^(knex|sequelize|db|database|pool|client|conn|connection|trx|tx|sql|pg|mysql|prisma|queryRunner|manager|dataSource)$/i;
const GUARD_LIKE_NAME = /valid|check|assert|verify|sanitiz|schema|allowed/i;

const getSpec = createSpecCache<UnsafeConsumptionOptions>((options) => createSpec(options));

/** The flows of `ctx.sourceFile` from a third-party response into a model write, redirect, shell or SQL call. */
export function findUnsafeConsumptionFlows(ctx: AnalysisContext, options: UnsafeConsumptionOptions): UnsafeConsumptionFlow[] {
  const spec = getSpec(ctx.settings, options);
  const flows: UnsafeConsumptionFlow[] = [];
  const seen = new Set<ts.Node>();
  for (const flow of findFlows(ctx, spec)) {
    const kind = sinkKindOf(flow.sink);
    if (seen.has(flow.sink.node)) continue;
    // `/orders/${data.id}`: after a fixed path or origin the value cannot choose where the user goes.
    if (kind === 'redirect' && flow.part === 'path') continue;
    seen.add(flow.sink.node);
    flows.push({ flow, kind });
  }
  return flows;
}

function sinkKindOf(sink: SinkTarget): ConsumptionSinkKind {
  switch (sink.role) {
    case 'redirect':
      return 'redirect';
    case 'shell command':
      return 'shell';
    case 'SQL text':
      return 'sql';
    default:
      return 'model-write';
  }
}

function createSpec(options: UnsafeConsumptionOptions): FlowSpec {
  const validatorOptions = { extraValidators: options.extraValidators };
  return {
    id: 'no-unsafe-consumption',
    sources: { clientResponses: true },
    mayHaveSinks: (sourceFile, api) => mayHoldResponses(sourceFile, api),
    sinks(node, api): readonly SinkTarget[] {
      const tsApi = api.ts;
      if (!tsApi.isCallExpression(node) && !tsApi.isNewExpression(node)) return NO_SINK_TARGETS;
      const lookup = { ts: tsApi, file: api.sourceFile, project: api.ctx.project };
      const write = matchModelWrite(lookup, node, { extraMethods: options.extraWriteMethods });
      if (write) {
        if (write.fieldsAllowlisted) return NO_SINK_TARGETS;
        return write.payloads.map((expression) => ({ node, expression, label: write.callText, role: 'model write' }));
      }
      if (!tsApi.isCallExpression(node)) return NO_SINK_TARGETS;
      return [...redirectTargets(node, api), ...shellTargets(node, api), ...sqlTargets(node, api)];
    },
    isBarrier(expr, api): boolean {
      const tsApi = api.ts;
      if (!tsApi.isCallExpression(expr)) return false;
      const validator = matchValidatorCall({ ts: tsApi, file: api.sourceFile, project: api.ctx.project }, expr, validatorOptions);
      if (validator) return validator.mode === 'result';
      return isFieldNarrowingCall(api, expr);
    },
    barrierGuard(condition, api) {
      return guardOfValidation(api, condition, validatorOptions) ?? getAllowlistCheck(condition, api);
    },
    mayBeGuardCall(call, api): boolean {
      const tsApi = api.ts;
      if (resolveCallTarget(tsApi, call, api.ctx.project)) return false;
      const callee = skipOuterExpressions(tsApi, call.expression);
      const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : '';
      return GUARD_LIKE_NAME.test(name);
    },
  };
}

const CLIENT_MODULES: ReadonlySet<string> = new Set(HTTP_CLIENTS.flatMap((row) => (row.module === undefined ? [] : [row.module])));
const CLIENT_GLOBALS: readonly string[] = [...new Set(HTTP_CLIENTS.flatMap((row) => (row.module === undefined ? row.paths : [])))];

/**
 * Whether a response can reach this file's sinks: the file imports a client package or names a
 * global client (`fetch`), or, with the project index, it imports a project module or exports
 * something (a service may return a response into it, or a caller pass one in). Files that can hold
 * no flow are skipped before the sink pre-pass.
 */
function mayHoldResponses(sourceFile: ts.SourceFile, api: FlowApi): boolean {
  const imports = [...getFileBindings(api.ts, sourceFile).imports.values()];
  if (imports.some((binding) => CLIENT_MODULES.has(normalizeModuleName(binding.module)))) return true;
  if (CLIENT_GLOBALS.some((name) => sourceFile.text.includes(name))) return true;
  const project = api.ctx.project;
  if (!project) return false;
  return imports.some((binding) => mayBeProjectModule(project, binding.module)) || /\bexport\b|module\.exports|\bexports\./.test(sourceFile.text);
}

/** `res.redirect(url)`, `res.redirect(302, url)`, `reply.redirect(url)`: the URL. */
function redirectTargets(call: ts.CallExpression, api: FlowApi): readonly SinkTarget[] {
  const sink = getResponseSinkOfNode(api.ts, call);
  if (!sink || sink.kind !== 'redirect') return NO_SINK_TARGETS;
  return sink.payload.map((expression) => ({ node: call, expression, label: sink.label, role: 'redirect' }));
}

/** `exec(cmd)`, `execSync(cmd)`, `spawn(cmd, args, { shell: true })`: the command (and its arguments). */
function shellTargets(call: ts.CallExpression, api: FlowApi): readonly SinkTarget[] {
  const path = api.modulePathOf(call.expression);
  if (!path || path.module !== 'child_process' || call.arguments.length === 0) return NO_SINK_TARGETS;
  if (!SHELL_ALWAYS.has(path.path) && !SHELL_WITH_OPTION.has(path.path)) return NO_SINK_TARGETS;
  const label = getShortText(api.sourceFile, call.expression, 40);
  const command = call.arguments[0]!;
  if (SHELL_ALWAYS.has(path.path)) return [{ node: call, expression: command, label, role: 'shell command' }];
  if (!SHELL_WITH_OPTION.has(path.path) || !call.arguments.some((arg) => setsShell(arg, api))) return NO_SINK_TARGETS;
  const targets: SinkTarget[] = [{ node: call, expression: command, label, role: 'shell command' }];
  const args = call.arguments[1];
  if (args && api.ts.isArrayLiteralExpression(args)) {
    for (const element of args.elements) targets.push({ node: call, expression: element, label, role: 'shell command' });
  }
  return targets;
}

function setsShell(arg: ts.Expression, api: FlowApi): boolean {
  const tsApi = api.ts;
  const options = skipOuterExpressions(tsApi, arg);
  if (!tsApi.isObjectLiteralExpression(options)) return false;
  return options.properties.some(
    (prop) =>
      tsApi.isPropertyAssignment(prop) &&
      tsApi.isIdentifier(prop.name) &&
      prop.name.text === 'shell' &&
      prop.initializer.kind !== tsApi.SyntaxKind.FalseKeyword,
  );
}

/**
 * SQL text: the first argument of `$queryRawUnsafe`, `knex.raw`, `sequelize.query`; of
 * `db.query`-like methods only when the text is a template or concatenation written in the call
 * (a variable first argument with separate parameters is the parameterized form).
 */
function sqlTargets(call: ts.CallExpression, api: FlowApi): readonly SinkTarget[] {
  const tsApi = api.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee) || call.arguments.length === 0) return NO_SINK_TARGETS;
  const method = callee.name.text;
  const receiver = skipOuterExpressions(tsApi, callee.expression);
  const receiverName = tsApi.isIdentifier(receiver) ? receiver.text : tsApi.isPropertyAccessExpression(receiver) ? receiver.name.text : '';
  const text = call.arguments[0]!;
  // The label is computed only for a sink: `getShortText` reads the callee's text, long in chains.
  const target = (): SinkTarget[] => [{ node: call, expression: text, label: getShortText(api.sourceFile, callee, 40), role: 'SQL text' }];
  if (RAW_SQL_METHODS.has(method)) return method === 'raw' && !DATABASE_RECEIVER.test(receiverName) ? [] : target();
  if (method === 'query' && /^sequelize$/i.test(receiverName)) return target();
  if (QUERY_METHODS.has(method) && DATABASE_RECEIVER.test(receiverName) && isBuiltString(text, api)) return target();
  return NO_SINK_TARGETS;
}

/** SQL statements as their static text shows them (`SELECT ... FROM`, `INSERT INTO`, `UPDATE ... SET`, `DELETE FROM`). */
const SQL_STATEMENT = /\b(select\b[\s\S]*\bfrom|insert\s+into|update\b[\s\S]*\bset|delete\s+from)\b/i;

/** A template with substitutions or a `+` concatenation written in place, whose static text is SQL. */
function isBuiltString(expr: ts.Expression, api: FlowApi): boolean {
  const tsApi = api.ts;
  const inner = skipOuterExpressions(tsApi, expr);
  if (tsApi.isTemplateExpression(inner)) return SQL_STATEMENT.test([inner.head.text, ...inner.templateSpans.map((span) => span.literal.text)].join(' '));
  if (!tsApi.isBinaryExpression(inner) || inner.operatorToken.kind !== tsApi.SyntaxKind.PlusToken) return false;
  const pieces: string[] = [];
  const stack: ts.Expression[] = [inner];
  while (stack.length > 0) {
    const current = skipOuterExpressions(tsApi, stack.pop()!);
    if (tsApi.isBinaryExpression(current) && current.operatorToken.kind === tsApi.SyntaxKind.PlusToken) stack.push(current.right, current.left);
    else if (tsApi.isStringLiteral(current) || tsApi.isNoSubstitutionTemplateLiteral(current)) pieces.push(current.text);
  }
  return SQL_STATEMENT.test(pieces.join(' '));
}
