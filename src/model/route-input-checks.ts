/**
 * Whether a route may check its query string or parameters before the handler runs: a validation
 * middleware in the registration (celebrate, `query('limit').isInt({ max: 100 })` of
 * express-validator, a middleware named like a validator), a Fastify route `schema`, or a handler that
 * reads express-validator's `validationResult(req)` (its chains run at the route). Used by rules
 * about values other than the body, where "may check" is enough to stay silent (the check's bounds
 * are not read). The registration is the handler's own, or, for a controller function registered
 * by name, the calls that register it: in its own file per file, anywhere with the project index.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getObjectPropertyValue, getPropertyNameText, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { resolveObjectLiteral } from './option-values.js';
import { walkDescendants } from '../core/walk.js';
import { getHandlerOfFunction, type Handler } from './handlers.js';
import { findHandlerRegistrations, refersTo } from './body-validation.js';
import type { RegisteredHandlerLookup } from './handler-wrappers.js';

/** Names of middleware and their factories that validate request input. */
/** express-validator's readers of what the route's chains found. */
const VALIDATION_RESULT_CALLS: ReadonlySet<string> = new Set(['validationResult', 'matchedData']);
const VALIDATING_NAME = /valid|celebrate|schema|sanitiz|^(query|param|check|checkQuery|checkSchema|oneOf|matchedData)$/i;

/** True when every registration of the handler around `source` carries something that may validate the input it reads. */
export function routeMayCheckInput(lookup: RegisteredHandlerLookup, source: ts.Node): boolean {
  const tsApi = lookup.ts;
  const handler = getHandlerAround(tsApi, source);
  if (!handler) return false;
  if (readsValidationResult(tsApi, handler.fn)) return true;
  // Per file, a controller function that its own file does not register: its routes are out of view.
  if (handler.framework !== 'nest' && findHandlerRegistrations(lookup, handler) === 'unknown') return true;
  // Registered on several routes, the handler is as checked as its least checked route.
  const registrations = getRegistrationCalls(lookup, handler);
  return registrations.length > 0 && registrations.every((registration) =>
    registration.arguments.some((arg) => {
      const item = skipOuterExpressions(tsApi, arg);
      if (item === handler.fn || refersTo(lookup, item, handler.fn)) return false;
      return tsApi.isObjectLiteralExpression(item) ? hasSchemaOption(tsApi, item) : namesValidator(tsApi, item, handler.fn);
    }),
  );
}

/** The route handler around `source`: the nearest enclosing function that is one. */
function getHandlerAround(tsApi: TsApi, source: ts.Node): Handler | undefined {
  for (let current: ts.Node | undefined = source.parent; current; current = current.parent) {
    if (!isFunctionLike(tsApi, current)) continue;
    const handler = getHandlerOfFunction(tsApi, current);
    if (handler) return handler;
  }
  return undefined;
}

/** The calls that register `handler` (none for a Nest method, whose registration is a decorator). */
function getRegistrationCalls(lookup: RegisteredHandlerLookup, handler: Handler): readonly ts.CallExpression[] {
  if (handler.framework === 'nest') return [];
  const registrations = findHandlerRegistrations(lookup, handler);
  return registrations === 'unknown' ? [] : registrations;
}

/** `validationResult(req)` or `matchedData(req)` in the handler: express-validator chains ran before it (at the route, wherever it is registered). */
function readsValidationResult(tsApi: TsApi, handlerFn: ts.Node): boolean {
  let found = false;
  walkDescendants(tsApi, handlerFn, (node) => {
    if (found) return false;
    if (tsApi.isCallExpression(node) && tsApi.isIdentifier(node.expression) && VALIDATION_RESULT_CALLS.has(node.expression.text)) found = true;
    return undefined;
  });
  return found;
}

function hasSchemaOption(tsApi: TsApi, options: ts.ObjectLiteralExpression): boolean {
  return options.properties.some((prop) => {
    const name = prop.name ? getPropertyNameText(tsApi, prop.name) : undefined;
    return name === 'schema' || name === 'preValidation' || name === 'validatorCompiler';
  });
}

/** An identifier or call in a middleware argument whose name reads like validation (not inside the handler). */
function namesValidator(tsApi: TsApi, item: ts.Expression, handlerFn: ts.Node): boolean {
  let found = false;
  walkDescendants(tsApi, item, (node) => {
    if (found || node === handlerFn || isFunctionLike(tsApi, node)) return false;
    if (tsApi.isIdentifier(node) && VALIDATING_NAME.test(node.text)) found = true;
    return undefined;
  });
  return found;
}

/** JSON-schema keywords that bound a number or a string's length (`enum` and `const` list the values). */
const BOUND_KEYWORDS: ReadonlySet<string> = new Set(['maximum', 'exclusiveMaximum', 'enum', 'const', 'maxLength']);

/**
 * True when the route's own Fastify `schema` declares `field` of the query string (`querystring` or
 * `query`) as a JSON-schema object literal without an upper bound: `{ limit: { type: 'integer' } }`
 * lets ajv pass any number, so the schema does not bound the page size. False whenever the schema,
 * its query string or the field is not written out where it can be read (the check may bound it).
 */
export function routeSchemaLeavesFieldUnbounded(lookup: RegisteredHandlerLookup, source: ts.Node, field: string): boolean {
  const tsApi = lookup.ts;
  const handler = getHandlerAround(tsApi, source);
  if (!handler) return false;
  return getRegistrationCalls(lookup, handler).some((registration) => registrationLeavesFieldUnbounded(lookup, registration, field));
}

function registrationLeavesFieldUnbounded(scope: RegisteredHandlerLookup, registration: ts.CallExpression, field: string): boolean {
  const tsApi = scope.ts;
  const inFile = (file: ts.SourceFile) => ({ ts: tsApi, file, project: scope.project });
  for (const arg of registration.arguments) {
    const options = resolveObjectLiteral(inFile(registration.getSourceFile()), arg);
    const schema = options && getObjectPropertyValue(tsApi, options.object, 'schema');
    const schemaObject = schema && resolveObjectLiteral(inFile(options.file), schema);
    if (!schemaObject) continue;
    const query = getObjectPropertyValue(tsApi, schemaObject.object, 'querystring') ?? getObjectPropertyValue(tsApi, schemaObject.object, 'query');
    const queryObject = query && resolveObjectLiteral(inFile(schemaObject.file), query);
    const properties = queryObject && getObjectPropertyValue(tsApi, queryObject.object, 'properties');
    const propertiesObject = properties && resolveObjectLiteral(inFile(queryObject.file), properties);
    const declared = propertiesObject && getObjectPropertyValue(tsApi, propertiesObject.object, field);
    const fieldSchema = declared && resolveObjectLiteral(inFile(propertiesObject.file), declared);
    if (!fieldSchema) continue;
    return fieldSchema.object.properties.every((prop) => {
      if (tsApi.isSpreadAssignment(prop)) return false;
      const name = prop.name ? getPropertyNameText(tsApi, prop.name) : undefined;
      return name !== undefined && !BOUND_KEYWORDS.has(name) && name !== 'anyOf' && name !== 'oneOf' && name !== 'allOf' && name !== '$ref';
    });
  }
  return false;
}
