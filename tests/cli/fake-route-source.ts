/**
 * A route model for CLI tests: every `route('METHOD', 'path', ...guards)` call in a file is a route
 * (with `publicRoute(...)` for a public one), so inventory and HTML tests do not depend on how the
 * framework adapters evolve. Posture: public marker, else guards, else unprotected. RATE LIMIT: a
 * chain item named like a limiter, `?` for public routes, `-` otherwise.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../../src/core/context.js';
import { walkDescendants } from '../../src/core/walk.js';
import type { ResolvedRoute } from '../../src/model/api-model.js';
import type { HttpMethod } from '../../src/model/facts.js';
import type { RouteModelSource } from '../../src/cli/route-inventory.js';

function stringArg(node: ts.Expression | undefined, tsApi: TsApi): string | undefined {
  return node && tsApi.isStringLiteral(node) ? node.text : undefined;
}

export const fakeRouteSource: RouteModelSource = {
  getRoutes(index) {
    const tsApi = index.ts;
    const routes: ResolvedRoute[] = [];
    for (const file of index.files()) {
      walkDescendants(tsApi, file, (node) => {
        if (!tsApi.isCallExpression(node) || !tsApi.isIdentifier(node.expression)) return;
        const name = node.expression.text;
        if (name !== 'route' && name !== 'publicRoute') return;
        const method = (stringArg(node.arguments[0], tsApi) ?? 'GET') as HttpMethod;
        const routePath = stringArg(node.arguments[1], tsApi) ?? '?';
        const chain = node.arguments.slice(2).map((arg) => ({ node: arg, text: arg.getText(file), role: 'middleware' as const, level: 'route' as const, file }));
        const router = { id: 'r', framework: 'express' as const, kind: 'app' as const, name: 'app', node, isRoot: true, exportedAs: [], steps: [] };
        const routeFact = {
          id: `${node.pos}`,
          framework: 'express' as const,
          methods: [method],
          path: routePath,
          node,
          reportNode: node,
          routerId: 'r',
          chain,
          publicMarkers: name === 'publicRoute' ? ['publicRoute()'] : [],
        };
        routes.push({ framework: 'express', route: routeFact, router, file, methods: [method], fullPath: routePath, chain, complete: true, mountedAt: [] });
      });
    }
    return routes;
  },
  getPosture(route) {
    if (route.route.publicMarkers.length > 0) return { state: 'public', reason: route.route.publicMarkers.join(', ') };
    if (route.chain.length > 0) return { state: 'protected', reason: route.chain.map((c) => c.text).join(', ') };
    return { state: 'unprotected' };
  },
  getColumns(route) {
    // A DELETE by id that nothing relates to the caller: `missing`; every other route addresses no record by id.
    const ownership = route.methods.includes('DELETE')
      ? ({ value: 'missing', state: 'no', reason: 'deletes by `req.params.id` with no caller check' } as const)
      : ({ value: '-', state: 'no', reason: 'no record is addressed by a client-supplied id' } as const);
    const limiter = route.chain.find((c) => /limit/i.test(c.text));
    if (limiter) return { rateLimit: { value: limiter.text, state: 'yes', reason: `${limiter.text} (route)` }, ownership };
    if (route.route.publicMarkers.length > 0) return { rateLimit: { value: '?', state: 'unknown', reason: 'decided elsewhere' }, ownership };
    return { rateLimit: { value: '-', state: 'no', reason: 'no rate limiter in its chain' }, ownership };
  },
};
