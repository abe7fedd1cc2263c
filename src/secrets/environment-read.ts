/**
 * Reads of configuration that the deployment provides: `process.env.JWT_SECRET`,
 * `process.env['API_KEY']`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get('X')`, and config
 * getters (`configService.get('JWT_SECRET')`, `config.get('jwt.secret')`). A literal written as
 * their fallback ships when the variable is unset.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getAccessPath, getCalleeName, getStaticString, skipOuterExpressions } from '../core/ast.js';

/** Config getter names whose first argument is the key. */
const CONFIG_GETTERS = new Set(['get', 'getOrThrow', 'getString', 'getEnv', 'env', 'requireEnv', 'readEnv', 'getSecret', 'getConfig']);

/** The variable or config key an expression reads from the environment, or `undefined`. */
export function getEnvironmentReadName(tsApi: TsApi, node: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr)) {
    const owner = skipOuterExpressions(tsApi, expr.expression);
    const key = tsApi.isPropertyAccessExpression(expr) ? expr.name.text : getStaticString(tsApi, expr.argumentExpression);
    if (key === undefined) return undefined;
    // import.meta.env.X
    if (tsApi.isPropertyAccessExpression(owner) && owner.name.text === 'env' && tsApi.isMetaProperty(owner.expression)) return key;
    const ownerPath = getAccessPath(tsApi, owner);
    if (ownerPath === undefined) return undefined;
    if (ownerPath === 'process.env' || ownerPath === 'Bun.env' || ownerPath === 'env' || ownerPath.endsWith('.env') || ownerPath === 'ENV') return key;
    return undefined;
  }
  if (tsApi.isCallExpression(expr)) {
    const name = getCalleeName(tsApi, expr);
    if (!name || !CONFIG_GETTERS.has(name)) return undefined;
    const key = getStaticString(tsApi, expr.arguments[0]);
    if (key === undefined || !/^[A-Za-z_][\w.:-]*$/.test(key)) return undefined;
    return key;
  }
  return undefined;
}
