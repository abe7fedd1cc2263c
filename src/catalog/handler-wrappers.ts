/**
 * Handler wrappers as data: packages whose export wraps a route handler or middleware without
 * changing who may call it or what it answers (`asyncHandler(createOrder)` only forwards a rejected
 * promise to `next`). What the wrapper registers is the wrapped function: its guard checks, its
 * signature checks and its body are the route's.
 *
 * A project's own wrapper (`const catchAsync = (fn) => (req, res, next) => fn(req, res, next).catch(next)`)
 * needs no row: `src/model/handler-wrappers.ts` reads its body.
 */

export interface HandlerWrapperPackageRow {
  readonly name: string;
  /** Package names. */
  readonly modules: readonly string[];
  /** The exports that wrap: `default` for a default import, `*` for `require(...)` of the module itself. */
  readonly exports: readonly string[];
  /** Which argument of the call is the wrapped handler. */
  readonly handlerArgument: number;
}

export const HANDLER_WRAPPER_PACKAGES: readonly HandlerWrapperPackageRow[] = [
  { name: 'express-async-handler', modules: ['express-async-handler'], exports: ['default', '*'], handlerArgument: 0 },
  { name: 'express-async-wrap', modules: ['express-async-wrap'], exports: ['default', '*'], handlerArgument: 0 },
  { name: '@awaitjs/express wrap', modules: ['@awaitjs/express'], exports: ['wrap'], handlerArgument: 0 },
];

/** The row of a package export that wraps a handler, if it is one. */
export function findHandlerWrapperPackage(module: string, exported: string): HandlerWrapperPackageRow | undefined {
  return HANDLER_WRAPPER_PACKAGES.find((row) => row.modules.includes(module) && row.exports.includes(exported));
}
