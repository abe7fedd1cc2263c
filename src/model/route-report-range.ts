/**
 * Where an editor underlines a route finding: the registration up to its path, never the whole
 * handler. `router.post('/orders', requireAuth, async (req, res) => { ... })` is reported on
 * `router.post('/orders'`; `fastify.route({ ... })` and `router.route('/x').get(handler)` on the
 * callee; a Nest route on its decorator (already narrow).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { skipOuterExpressions } from '../core/ast.js';

export function getRouteReportRange(tsApi: TsApi, sourceFile: ts.SourceFile, node: ts.Node): { start: number; end: number } | undefined {
  if (!tsApi.isCallExpression(node) || node.getSourceFile() !== sourceFile) return undefined;
  const start = node.getStart(sourceFile);
  const first = node.arguments[0] && skipOuterExpressions(tsApi, node.arguments[0]);
  const pathLike = first && (tsApi.isStringLiteralLike(first) || tsApi.isTemplateExpression(first) || tsApi.isRegularExpressionLiteral(first));
  const end = pathLike ? first.getEnd() : node.expression.getEnd();
  return end > start && end <= node.getEnd() ? { start, end } : undefined;
}
