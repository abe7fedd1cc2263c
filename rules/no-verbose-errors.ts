/**
 * no-verbose-errors: caught errors (their stack, their message, driver details or the whole
 * object) must not reach a response, and development error pages must not run in production.
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../src/core/context.js';
import { NO_SINK_TARGETS } from '../src/flow/spec.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';
import type { Finding } from '../src/core/finding.js';
import { findFlows, type Flow, type FlowSpec, type SinkTarget } from '../src/flow/engine.js';
import { findErrorProperty, type ErrorReveal } from '../src/catalog/errors.js';
import { getErrorExposureAt, getErrorExposureInFile, getErrorExposures } from '../src/model/error-exposures.js';
import { mayCarryCaughtError } from '../src/model/error-reach.js';
import { getResponseSinkOfNode } from '../src/model/response-sinks.js';
import { getErrorResponseAt } from '../src/model/error-responses.js';
import { isSwallowedByEnclosingCatch } from '../src/model/local-catch.js';
import { getRunningEnvironment } from '../src/model/environment-guards.js';
import { getClientErrorCheck } from '../src/model/error-classes.js';
import { findDevelopmentErrorPages } from '../src/model/development-error-pages.js';
import { getShortText, skipOuterExpressions } from '../src/core/ast.js';
import { getGenericErrorAnswer } from '../src/model/generic-error-answer.js';
import { getErrorHandoff, isMessageReplacedBeforeHandoff, type ErrorHandoff } from '../src/model/error-handoff.js';

export type Options = [
  {
    /** Report `err.message` of errors that are not known client errors (the stack is always reported). */
    reportMessages?: boolean;
    /** Report development error pages: `errorhandler()`, `app.set('env', 'development')`, `strong-error-handler` with `debug: true`. */
    checkErrorPages?: boolean;
  },
];

export type MessageIds =
  | 'errorReachesResponse'
  | 'errorReachesResponseInProduction'
  | 'errorHandedToDefaultHandler'
  | 'developmentErrorPage'
  | 'developmentErrorPageInProduction'
  | 'developmentModeForced'
  | 'answerGenerically'
  | 'answerGenericallyLogged';

const REVEAL_TEXT: Record<ErrorReveal, string> = {
  stack: 'the stack trace',
  details: 'driver details (SQL, parameters)',
  message: 'the error message',
  object: 'the whole error object',
};

/** Most revealing first: one finding per sink names the worst read that reaches it. */
const REVEAL_RANK: Record<ErrorReveal, number> = { stack: 0, details: 1, message: 2, object: 3 };

/** Caught-error reads (from the exposures model) into response sinks (from the response-sink model). */
const verboseErrorSpec: FlowSpec = {
  id: 'no-verbose-errors',
  sources: {},
  isSource(expr, api) {
    const exposure = getErrorExposureInFile(api.ts, api.sourceFile, expr);
    return exposure ? { node: expr, kind: 'caught-error', label: exposure.label } : undefined;
  },
  // Only functions a caught error can reach are analyzed for their response sinks.
  mayReachUnit: (unit, api) => mayCarryCaughtError(api.ts, unit, api.ctx.project),
  // A serialized body carries what it serializes: `res.end(JSON.stringify({ error: err.message }))`.
  step(call, api) {
    const body = call.arguments?.[0];
    if (!body || !api.ts.isCallExpression(call)) return undefined;
    const path = api.modulePathOf(call.expression);
    return path && path.module === undefined && path.path === 'JSON.stringify' ? { from: [body] } : undefined;
  },
  // Inside helpers that receive the error (`sendErrorProd(err, res)`), a client-error check cleans it.
  barrierGuard(condition, api) {
    return getClientErrorCheck(api.ts, condition);
  },
  sinks(node, api) {
    const exception = getErrorResponseAt(api.ts, node);
    if (exception) {
      // Caught on its way out by a `catch` that answers on its own: this exception never reaches a client.
      if (api.ts.isThrowStatement(exception.node) && isSwallowedByEnclosingCatch(api.ts, exception.node)) return NO_SINK_TARGETS;
      return exception.values.map((value) => ({
        node: exception.node,
        expression: value.expression,
        ...(value.access ? { access: value.access } : {}),
        label: exception.label,
        deep: true,
      }));
    }
    const sink = getResponseSinkOfNode(api.ts, node);
    // Nest exceptions are handled above wherever they are thrown; redirects carry no body.
    if (!sink || sink.kind === 'throw' || sink.kind === 'redirect') return NO_SINK_TARGETS;
    const label = describeSink(api.ts, sink.node, sink.framework);
    const targets: SinkTarget[] = sink.payload.map((expression) => ({ node: sink.node, expression, label, deep: true }));
    // res.render('error') also shows what was put in res.locals (`res.locals.message = err.message`).
    const locals = sink.kind === 'render' ? getResponseRoot(api.ts, sink.node) : undefined;
    if (locals) targets.push({ node: sink.node, expression: locals, access: ['locals'], label, deep: true });
    return targets;
  },
};

/** The response variable a call is made on: `res` in `res.status(500).render('error')`. */
function getResponseRoot(tsApi: TsApi, node: ts.Node): ts.Identifier | undefined {
  if (!tsApi.isCallExpression(node)) return undefined;
  let current: ts.Expression = node.expression;
  for (let depth = 0; depth < 16; depth++) {
    const inner = skipOuterExpressions(tsApi, current);
    if (tsApi.isIdentifier(inner)) return inner;
    if (tsApi.isPropertyAccessExpression(inner)) current = inner.expression;
    else if (tsApi.isCallExpression(inner)) current = inner.expression;
    else return undefined;
  }
  return undefined;
}

/** `res.status(500).json`, `reply.code(502).send`, `return of a Nest route handler`. */
function describeSink(tsApi: TsApi, node: ts.Node, framework: string | undefined): string {
  if (tsApi.isCallExpression(node)) return getShortText(node.getSourceFile(), node.expression);
  const owner = framework === 'nest' ? 'Nest' : framework === 'fastify' ? 'Fastify' : 'route';
  return `return of a ${owner} route handler`;
}

export default defineApiRule<Options, MessageIds>({
  name: 'no-verbose-errors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending caught errors (stack traces, internal messages, driver details) to clients, and development error pages in production',
      recommended: 'recommended',
      cwe: ['CWE-209'],
      owasp: ['API8:2023'],
      precision: 'high',
      securitySeverity: 5.3,
    },
    messages: {
      errorReachesResponse:
        '`{{source}}` reaches the client through `{{sink}}`, exposing {{reveals}} of a caught error. Log the error on the server and answer with a generic message.',
      errorHandedToDefaultHandler:
        "`{{source}}` reaches Fastify's default error handler through `{{sink}}`, which answers with the error message of a caught error. Log the error on the server and answer with a generic message, or set an error handler that does.",
      errorReachesResponseInProduction:
        '`{{source}}` reaches the client through `{{sink}}` under `{{guard}}`, a check that holds in production, exposing {{reveals}} of a caught error. Send it only in development, or answer with a generic message.',
      developmentErrorPage:
        '`{{middleware}}` sends stack traces and error details to clients and runs without a development-only check. Register it only when `process.env.NODE_ENV === \'development\'`.',
      developmentErrorPageInProduction:
        '`{{middleware}}` sends stack traces and error details to clients, and `{{guard}}` turns it on in production. Register it only in development.',
      developmentModeForced:
        '`{{call}}` forces Express into development mode, where its default error handler sends stack traces to clients. Let the deployment set `NODE_ENV`.',
      answerGenerically: 'Log `{{error}}` with `console.error` and send a generic message instead.',
      answerGenericallyLogged: 'Send a generic message instead of `{{error}}` (it is already logged above).',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportMessages: {
            type: 'boolean',
            description: 'Report `err.message` (and serializations that carry it) of errors that are not known client errors. The stack trace and driver details are always reported.',
          },
          checkErrorPages: {
            type: 'boolean',
            description: "Report development error pages in production paths: `errorhandler()`, `strong-error-handler` with `debug: true`, `app.set('env', 'development')`.",
          },
        },
      },
    ],
  },
  defaultOptions: [{ reportMessages: true, checkErrorPages: true }],
  detect(ctx, [options]) {
    const findings: Finding[] = [];
    if (getErrorExposures(ctx.ts, ctx.sourceFile).length > 0 || ctx.project) {
      findings.push(...reportLeaks(ctx, findFlows(ctx, verboseErrorSpec), options.reportMessages !== false));
    }
    if (options.checkErrorPages !== false) {
      for (const page of findDevelopmentErrorPages(ctx.ts, ctx.sourceFile)) {
        if (page.kind === 'forced-development-mode') {
          findings.push({ messageId: 'developmentModeForced', node: page.node, data: { call: page.text } });
        } else if (page.productionGuard) {
          findings.push({
            messageId: 'developmentErrorPageInProduction',
            node: page.node,
            data: { middleware: page.text, guard: getShortText(ctx.sourceFile, page.productionGuard) },
          });
        } else {
          findings.push({ messageId: 'developmentErrorPage', node: page.node, data: { middleware: page.text } });
        }
      }
    }
    return findings;
  },
});

/**
 * One finding per sink: the most revealing flow into it, unless the sink only runs in development,
 * or hands the error object to a custom error handler (which is reported itself when it leaks).
 */
function reportLeaks(ctx: AnalysisContext, flows: readonly Flow[], reportMessages: boolean): Finding[] {
  const tsApi = ctx.ts;
  const best = new Map<ts.Node, { flow: Flow; reveals: ErrorReveal }>();
  for (const flow of flows) {
    const reveals = revealsOf(tsApi, flow);
    if (!reveals || (!reportMessages && reveals === 'message')) continue;
    const existing = best.get(flow.sink.node);
    if (!existing || REVEAL_RANK[reveals] < REVEAL_RANK[existing.reveals]) best.set(flow.sink.node, { flow, reveals });
  }
  const findings: Finding[] = [];
  for (const [node, { flow, reveals }] of best) {
    const sinkEnvironment = getRunningEnvironment(tsApi, node);
    if (sinkEnvironment?.kind === 'development') continue;
    // `reply.send(err)`: Fastify's default handler answers with the message; a custom one answers for itself.
    const handoff = reveals === 'object' ? getErrorHandoff(ctx, node, flow.sink.expression) : undefined;
    if (handoff && isAnsweredElsewhere(handoff)) continue;
    // `err.message = 'An error has occurred'; reply.send(err)`: the default handler sends the fixed text.
    if (handoff && isMessageReplacedBeforeHandoff(tsApi, node, flow.sink.expression)) continue;
    const exposure = getErrorExposureAt(tsApi, flow.source.node);
    const guard = exposure?.productionGuard ?? sinkEnvironment;
    const data = { source: flow.source.label, sink: flow.sink.label, reveals: REVEAL_TEXT[reveals] };
    const generic = getGenericErrorAnswer(tsApi, node.getSourceFile(), node, flow.sink.expression);
    const suggestions = generic
      ? [{ messageId: generic.logged ? 'answerGenericallyLogged' : 'answerGenerically', data: { error: generic.error }, edits: generic.edits }]
      : undefined;
    const extra = { ...payloadRange(flow), ...(suggestions ? { suggestions } : {}) };
    // Handed to Fastify's default handler, an Error goes out as `{ statusCode, code, error, message }`: its message, not the whole object.
    const toDefaultHandler = handoff !== undefined;
    findings.push(
      guard
        ? { messageId: 'errorReachesResponseInProduction', node, data: { ...data, ...(toDefaultHandler ? { reveals: REVEAL_TEXT.message } : {}), guard: getShortText(node.getSourceFile(), guard.condition) }, ...extra }
        : toDefaultHandler
          ? { messageId: 'errorHandedToDefaultHandler', node, data: { source: data.source, sink: data.sink }, ...extra }
          : { messageId: 'errorReachesResponse', node, data, ...extra },
    );
  }
  return findings.sort((a, b) => a.node.pos - b.node.pos);
}

/**
 * True when an error handed to Fastify is not reported here. A route's `reply.send(err)` is
 * reported only when Fastify's default handler answers it, and not when a custom handler on the
 * way relays it there with its own `reply.send(error)` (that send is reported, once for every
 * route): a custom handler is reported itself if it leaks, and one the file cannot show is given
 * the benefit of the doubt. An error handler's own `reply.send(error)` passes the error to the
 * handler above it, and is silent only when that one is known to be a custom handler: most
 * handlers are set on the root, where the next one is Fastify's default (which sends the
 * message), so an unknown parent is reported.
 */
function isAnsweredElsewhere(handoff: ErrorHandoff): boolean {
  if (handoff.from === 'error-handler') return handoff.answeredBy === 'custom';
  return handoff.answeredBy !== 'default' || handoff.relayedBy !== undefined;
}

/** The editor underlines the payload that carries the error, not the whole response call (`res.locals` reads keep the call). */
function payloadRange(flow: Flow): { range?: { start: number; end: number } } {
  const { node, expression, access } = flow.sink;
  const file = node.getSourceFile();
  if ((access && access.length > 0) || expression.getSourceFile() !== file || expression.pos < node.pos || expression.end > node.end) return {};
  return { range: { start: expression.getStart(file), end: expression.getEnd() } };
}

/**
 * What a flow exposes: the read's own reveal, or, for the whole error passed through a helper, what
 * the helper read from it (`helper(err)` returning `{ code: err.code }` exposes nothing).
 */
function revealsOf(tsApi: TsApi, flow: Flow): ErrorReveal | undefined {
  const exposure = getErrorExposureAt(tsApi, flow.source.node);
  if (!exposure) return undefined;
  if (exposure.reveals !== 'object' || !flow.source.label.startsWith(exposure.label)) return exposure.reveals;
  const field = /^\.([A-Za-z_$][\w$]*)|^\["((?:[^"\\]|\\.)*)"\]/.exec(flow.source.label.slice(exposure.label.length));
  if (!field) return 'object';
  return findErrorProperty(field[1] ?? (JSON.parse(`"${field[2]}"`) as string))?.reveals;
}
