/**
 * Message parts the flow rules share: the calls a flow crossed and the route it started in.
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../core/context.js';
import type { Flow } from '../flow/engine.js';
import { describeSourceRoute } from '../model/route-handler-paths.js';

/** `routes/imports.ts`: the last two segments of a path, enough to find the file. */
export function shortFileName(file: ts.SourceFile): string {
  return file.fileName.replace(/\\/g, '/').split('/').slice(-2).join('/');
}

/**
 * ` via \`fetchPreview(target)\` in routes/imports.ts (POST /api/preview)`, or nothing for a flow
 * inside one function. The route is the full one when the project index places the handler.
 */
export function describeFlowSteps(ctx: AnalysisContext, flow: Flow): string {
  if (flow.steps.length === 0) return '';
  const calls = flow.steps.map((step) => `\`${step.label}\`${step.file === ctx.sourceFile ? '' : ` in ${shortFileName(step.file)}`}`);
  const routeText = describeSourceRoute(ctx, flow.source);
  const route = routeText ? ` (${routeText})` : '';
  return ` via ${calls.join(', then ')}${route}`;
}
