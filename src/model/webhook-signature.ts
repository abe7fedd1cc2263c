/**
 * Whether a webhook route checks the signature of each delivery, which is what makes a webhook
 * public on purpose. The handler and its route-level middleware are read (and, with the project
 * index, the functions they call, two levels deep) for:
 * - a verification call: `crypto.timingSafeEqual`, Stripe `webhooks.constructEvent`, svix
 *   `wh.verify`, Twilio `validateRequest`, `@octokit/webhooks` `verifyAndReceive`, or a helper named
 *   like `verifySignature` / `verifyWebhookSignature`;
 * - a read of a signature header (`stripe-signature`, `x-hub-signature-256`, `x-signature`,
 *   `svix-signature`, `x-shopify-hmac-sha256`) through `req.headers[...]`, `req.header(...)`,
 *   `req.get(...)` or `request.headers[...]`;
 * - route-level middleware named like `verifySignature`, `verifyStripeWebhook`, `validateHmac`.
 *
 * `unknown` when the handler (or a function it calls) could not be read and nothing was found.
 */
import type * as ts from 'typescript';
import { getCalleeName, getBoundedStaticString, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { walkDescendants } from '../core/walk.js';
import { findWebhookSignatureCall, findWebhookSignatureHeader } from '../catalog/auth.js';
import type { ResolvedRoute } from './api-model.js';
import { resolveImplementation, type ImplementationLookup } from './implementation.js';

export type SignatureCheck = { readonly checked: 'yes'; readonly evidence: string } | { readonly checked: 'no' | 'unknown'; readonly evidence: string };

const SIGNATURE_MIDDLEWARE_NAME = /(?:signature|hmac|webhook)/i;
const MAX_DEPTH = 2;

/** The signature check of a webhook route. */
export function getWebhookSignatureCheck(lookup: ImplementationLookup, route: ResolvedRoute): SignatureCheck {
  const tsApi = lookup.ts;
  for (const item of route.chain) {
    if (item.level !== 'route' && item.level !== 'router' && item.level !== 'plugin' && item.level !== 'mount') continue;
    const name = getCalleeOrName(tsApi, item.node as ts.Expression);
    if (name && SIGNATURE_MIDDLEWARE_NAME.test(name) && /verif|valid|check|signature|hmac/i.test(name)) {
      return { checked: 'yes', evidence: `\`${name}\` checks the delivery` };
    }
  }
  let unread = false;
  const seen = new Set<ts.Node>();
  const visit = (file: ts.SourceFile, node: ts.Expression, depth: number): string | undefined => {
    const implementation = resolveImplementation(lookup, file, node);
    if (implementation.kind !== 'function') {
      // Calls into packages and globals are no reason for doubt; unread project code is.
      if (implementation.kind === 'unread' || (depth === 0 && implementation.kind === 'unknown')) unread = true;
      return undefined;
    }
    if (seen.has(implementation.node)) return undefined;
    seen.add(implementation.node);
    return scanFunction(implementation.file, implementation.node, depth);
  };
  const scanFunction = (file: ts.SourceFile, fn: ts.FunctionLikeDeclaration, depth: number): string | undefined => {
    let evidence: string | undefined;
    const calls: ts.CallExpression[] = [];
    if (!fn.body) return undefined;
    walkDescendants(tsApi, fn.body, (node) => {
      if (evidence) return false;
      if (tsApi.isCallExpression(node)) {
        const name = getCalleeName(tsApi, node);
        if (name && findWebhookSignatureCall(name)) evidence = `calls \`${name}\``;
        const header = name && /^(?:header|get|getHeader)$/.test(name) ? getBoundedStaticString(tsApi, node.arguments[0]) : undefined;
        if (header && findWebhookSignatureHeader(header)) evidence = `reads the \`${header}\` header`;
        calls.push(node);
      }
      if (tsApi.isElementAccessExpression(node)) {
        const header = getBoundedStaticString(tsApi, node.argumentExpression);
        if (header && findWebhookSignatureHeader(header) && /headers$/.test(node.expression.getText(file))) evidence = `reads the \`${header}\` header`;
      }
      if (tsApi.isPropertyAccessExpression(node) && /headers$/.test(node.expression.getText(file)) && findWebhookSignatureHeader(node.name.text)) {
        evidence = `reads the \`${node.name.text}\` header`;
      }
      return undefined;
    });
    if (evidence || depth >= MAX_DEPTH) return evidence;
    for (const call of calls) {
      const callee = skipOuterExpressions(tsApi, call.expression);
      if (isFunctionLike(tsApi, callee)) continue;
      if (!tsApi.isIdentifier(callee) && !tsApi.isPropertyAccessExpression(callee)) continue;
      if (isResponseOrNext(tsApi, call)) continue;
      const found = visit(file, callee, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  const handler = route.route.handler;
  if (!handler || !tsApi.isExpression(handler as ts.Expression)) return { checked: 'unknown', evidence: 'the handler is not in view' };
  const found = visit(route.file, handler as ts.Expression, 0);
  if (found) return { checked: 'yes', evidence: found };
  return unread
    ? { checked: 'unknown', evidence: 'the handler calls code the analysis could not read' }
    : { checked: 'no', evidence: 'no signature check in the handler' };
}

function getCalleeOrName(tsApi: ImplementationLookup['ts'], node: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isCallExpression(expr)) return getCalleeName(tsApi, expr);
  if (tsApi.isIdentifier(expr)) return expr.text;
  if (tsApi.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

function isResponseOrNext(tsApi: ImplementationLookup['ts'], call: ts.CallExpression): boolean {
  const name = getCalleeName(tsApi, call);
  return name !== undefined && /^(?:json|send|end|status|code|sendStatus|next|log|info|warn|error|debug|parse|stringify|toString|push|map|filter)$/.test(name);
}
