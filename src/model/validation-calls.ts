/**
 * Calls that validate or narrow a value, recognized from the validator catalog: schema parses
 * (`schema.parse(x)`, `v.parse(schema, x)`, `schema.validate(x)`), guards (`ajvValidate(x)`,
 * `Value.Check(schema, x)`), request accessors (`matchedData(req)`), narrowing helpers
 * (`pick(body, [...])`) and user-listed validators (settings `validators`); and denylists
 * (`omit(body, ['role'])`), which narrow nothing.
 *
 * Each call comes with what its result does with undeclared keys (`strip`, `reject`, `keep`, or
 * `unknown` when the schema is out of view), so a caller can tell a real barrier (zod `parse`) from
 * a call that lets extra fields through (yup `validate` without `stripUnknown`).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getObjectPropertyValue, getPropertyNameText, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, isPackageSpecifier } from '../core/bindings.js';
import { matchesNameList } from '../settings/schema.js';
import {
  AMBIGUOUS_VALIDATE_METHODS,
  DENYLIST_FUNCTIONS,
  NARROWING_FUNCTIONS,
  TEXT_PARSER_MODULES,
  VALIDATION_MIDDLEWARE,
  VALIDATION_MIDDLEWARE_NAME,
  VALIDATORS,
  type DenylistRow,
  type NarrowingRow,
  type UnknownKeyPolicy,
  type ValidationMiddlewareRow,
  type ValidatorRow,
} from '../catalog/validators.js';
import { getBodySchemaVerdict } from './body-schema.js';
import { describeCallee, getMemberPath } from './call-text.js';
import { resolveConstValue, type ConstLookup, type ConstValue } from './const-value.js';
import { getSchemaUnknownKeys } from './schema-unknown-keys.js';
import { findDeclarationInScope } from './scope-lookup.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';
import { walkDescendants } from '../core/walk.js';

export interface ValidatorCall {
  readonly call: ts.CallExpression;
  /** The catalog row, `narrowing` for pick-like helpers, `settings` for user-listed validators. */
  readonly source: { readonly kind: 'validator'; readonly row: ValidatorRow } | { readonly kind: 'narrowing'; readonly row: NarrowingRow } | { readonly kind: 'settings' };
  /** The validated or narrowed expression, when the call names it. */
  readonly input?: ts.Expression;
  /** `result`: the return value (or a property of it) is validated; `guard`: the input itself is checked in place. */
  readonly mode: 'result' | 'guard';
  /** What the validated value does with undeclared keys; `unknown` when the schema is out of view. */
  readonly unknownKeys: UnknownKeyPolicy | 'unknown';
  /** The call as written, for messages: `createUserSchema.parse`, `pick`. */
  readonly text: string;
}

export interface ValidatorCallOptions {
  /** Extra validator names from settings and rule options (exact names or `/regex/`). */
  readonly extraValidators: readonly string[];
}

/** The validator or narrowing call `call` is, if it is one. */
export function matchValidatorCall(lookup: ConstLookup, call: ts.CallExpression, options: ValidatorCallOptions = { extraValidators: [] }): ValidatorCall | undefined {
  // Barriers, steps and guards of several flow specs ask about the same calls: answer each once
  // (per project index; settings-listed validators make the answer depend on the list, so not cached).
  if (options.extraValidators.length > 0) return computeValidatorCall(lookup, call, options);
  const modeKey = lookup.project ?? FILE_MODE;
  let cache = validatorCalls.get(modeKey);
  if (!cache) {
    cache = new WeakMap();
    validatorCalls.set(modeKey, cache);
  }
  const known = cache.get(call);
  if (known !== undefined) return known ?? undefined;
  const found = computeValidatorCall(lookup, call, options);
  cache.set(call, found ?? null);
  return found;
}

const FILE_MODE = {};
const validatorCalls = new FileScopedWeakMap<object, WeakMap<ts.CallExpression, ValidatorCall | null>>();

function computeValidatorCall(lookup: ConstLookup, call: ts.CallExpression, options: ValidatorCallOptions): ValidatorCall | undefined {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!name) return undefined;
  const text = getMemberPath(tsApi, callee) ?? describeCallee(tsApi, callee);

  if (options.extraValidators.length > 0 && (matchesNameList(name, options.extraValidators) || matchesNameList(text, options.extraValidators))) {
    return { call, source: { kind: 'settings' }, input: call.arguments[0], mode: 'result', unknownKeys: 'unknown', text };
  }

  const narrowing = matchNarrowing(lookup, callee, name);
  if (narrowing) {
    return { call, source: { kind: 'narrowing', row: narrowing }, input: call.arguments[narrowing.input], mode: 'result', unknownKeys: 'strip', text };
  }

  for (const row of VALIDATORS as readonly ValidatorRow[]) {
    const shape = row.call;
    switch (shape.kind) {
      case 'function': {
        if (!shape.functions.includes(name) || !isFromModules(lookup, callee, shape.modules)) continue;
        const policy = withOptions(tsApi, call, row, schemaPolicy(lookup, row, shape.schema === undefined ? undefined : call.arguments[shape.schema]));
        return { call, source: { kind: 'validator', row }, input: call.arguments[shape.input], mode: row.result === 'guard' ? 'guard' : 'result', unknownKeys: policy, text };
      }
      case 'instance-method': {
        if (!tsApi.isPropertyAccessExpression(callee) || !shape.methods.includes(name)) continue;
        const receiver = getMemberPath(tsApi, callee.expression);
        if (!receiver || !shape.receiver.test(receiver)) continue;
        const schema = call.arguments[shape.schema];
        const policy = schema ? jsonSchemaPolicy(lookup, schema) : 'unknown';
        return { call, source: { kind: 'validator', row }, input: call.arguments[shape.input], mode: 'guard', unknownKeys: policy, text };
      }
      case 'compiled': {
        if (shape.methods.length === 0 ? !tsApi.isIdentifier(callee) : !shape.methods.includes(name)) continue;
        const compiled = findCompiledSchema(lookup, callee, shape.compilers, shape.methods);
        if (!compiled) continue;
        const policy = compiled.schema ? jsonSchemaPolicy(lookup, compiled.schema) : 'unknown';
        return { call, source: { kind: 'validator', row }, input: call.arguments[shape.input], mode: 'guard', unknownKeys: policy, text };
      }
      case 'schema-method':
        break;
    }
  }

  // Methods on a schema: `schema.parse(x)`, `schema.safeParse(x)`, `schema.validate(x)`.
  if (!tsApi.isPropertyAccessExpression(callee) || !SCHEMA_METHOD_NAMES.has(name)) return undefined;
  const receiver = skipOuterExpressions(tsApi, callee.expression);
  if (isNeverASchema(lookup, receiver)) return undefined;
  const schemaInfo = getSchemaUnknownKeys(lookup, receiver);
  const row = findSchemaMethodRow(tsApi, name, schemaInfo.library, call);
  if (!row) return undefined;
  const shape = row.call as Extract<ValidatorRow['call'], { kind: 'schema-method' }>;
  const policy = withOptions(tsApi, call, row, schemaInfo.policy === 'unknown' ? 'unknown' : schemaInfo.policy);
  return { call, source: { kind: 'validator', row }, input: call.arguments[shape.input], mode: row.result === 'guard' ? 'guard' : 'result', unknownKeys: policy, text };
}

/** Every method name a schema-method validator row uses, and the shared `validate`. */
const SCHEMA_METHOD_NAMES: ReadonlySet<string> = new Set([
  ...(VALIDATORS as readonly ValidatorRow[]).flatMap((row) => (row.call.kind === 'schema-method' ? row.call.methods : [])),
  ...AMBIGUOUS_VALIDATE_METHODS,
]);

/** `pick(body, [...])`, `_.pick(body, ...)`, `R.pick([...], body)`. */
function matchNarrowing(lookup: ConstLookup, callee: ts.Expression, name: string): NarrowingRow | undefined {
  return findHelperRow(lookup, callee, name, NARROWING_FUNCTIONS as readonly NarrowingRow[]);
}

/** The row of a pick-like or omit-like helper `callee` (named `name`) is, from its import or the lodash namespace `_`. */
function findHelperRow<Row extends NarrowingRow | DenylistRow>(lookup: ConstLookup, callee: ts.Expression, name: string, rows: readonly Row[]): Row | undefined {
  const tsApi = lookup.ts;
  for (const row of rows) {
    if (!(row.functions as readonly string[]).includes(name)) continue;
    if (isFromModules(lookup, callee, row.modules)) return row;
    // the lodash namespace by its conventional name
    if (row.library === 'lodash' && tsApi.isPropertyAccessExpression(callee)) {
      const owner = skipOuterExpressions(tsApi, callee.expression);
      if (tsApi.isIdentifier(owner) && (owner.text === '_' || owner.text === 'lodash')) return row;
    }
  }
  return undefined;
}

/** A call that drops named fields and keeps the rest: `omit(body, ['role'])`, `_.omit(body, 'role')`, `R.omit(['role'], body)`. */
export interface DenylistCall {
  readonly call: ts.CallExpression;
  readonly row: DenylistRow;
  /** The object whose other fields are kept. */
  readonly input?: ts.Expression;
  /** The field names it drops, when written as literals. */
  readonly omitted: readonly string[];
  /** The call as written, for messages: `omit`, `_.omit`. */
  readonly text: string;
}

/** The denylist call `call` is, if it is one. */
export function matchDenylistCall(lookup: ConstLookup, call: ts.CallExpression): DenylistCall | undefined {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!name) return undefined;
  const row = findHelperRow(lookup, callee, name, DENYLIST_FUNCTIONS as readonly DenylistRow[]);
  if (!row) return undefined;
  const omitted: string[] = [];
  call.arguments.forEach((arg, index) => {
    if (index === row.input) return;
    const value = skipOuterExpressions(tsApi, arg);
    const items = tsApi.isArrayLiteralExpression(value) ? value.elements : [value];
    for (const item of items) if (tsApi.isStringLiteralLike(item)) omitted.push(item.text);
  });
  return { call, row, input: call.arguments[row.input], omitted, text: getMemberPath(tsApi, callee) ?? describeCallee(tsApi, callee) };
}

/**
 * The schema-method row for `name`: joi and yup share `validate`; the schema's library decides,
 * else how the result is read (`.value` and `{ value }` are joi's result shape, so joi).
 */
function findSchemaMethodRow(tsApi: TsApi, name: string, library: string | undefined, call: ts.CallExpression): ValidatorRow | undefined {
  const rows = (VALIDATORS as readonly ValidatorRow[]).filter((row) => row.call.kind === 'schema-method' && row.call.methods.includes(name));
  if (AMBIGUOUS_VALIDATE_METHODS.includes(name)) {
    if (library === 'yup') return yupValidateRow;
    if (library === 'joi' || isReadAsJoiResult(tsApi, call)) return rows.find((row) => row.library === 'joi');
    return yupOrJoiRow;
  }
  if (library !== undefined) return rows.find((row) => row.library === library) ?? rows[0];
  return rows[0];
}

/** yup's `validate`, which resolves to the cast value. */
const yupValidateRow: ValidatorRow = {
  name: 'yup validate',
  library: 'yup',
  call: { kind: 'schema-method', methods: ['validate'], input: 0 },
  result: 'return',
  unknownKeys: 'keep',
  options: { argument: 1, strip: ['stripUnknown'] },
};

/** A `validate` whose library cannot be told: trusted, like a schema out of view. */
const yupOrJoiRow: ValidatorRow = {
  name: 'joi or yup validate',
  library: 'joi',
  call: { kind: 'schema-method', methods: ['validate'], input: 0 },
  result: 'return',
  unknownKeys: 'reject',
};

function isReadAsJoiResult(tsApi: TsApi, call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (node.parent && (tsApi.isParenthesizedExpression(node.parent) || tsApi.isAwaitExpression(node.parent) || tsApi.isAsExpression(node.parent))) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  if (tsApi.isPropertyAccessExpression(parent) && parent.expression === node) return parent.name.text === 'value' || parent.name.text === 'error';
  if (tsApi.isVariableDeclaration(parent) && tsApi.isObjectBindingPattern(parent.name)) {
    return parent.name.elements.some((e) => {
      const key = e.propertyName ?? e.name;
      return tsApi.isIdentifier(key) && (key.text === 'value' || key.text === 'error');
    });
  }
  return false;
}

/** The policy of a row's schema argument, for libraries whose schema decides (valibot, superstruct, TypeBox). */
function schemaPolicy(lookup: ConstLookup, row: ValidatorRow, schema: ts.Expression | undefined): UnknownKeyPolicy | 'unknown' {
  if (!schema) return row.unknownKeys;
  if (row.library === 'typebox') return jsonSchemaPolicy(lookup, schema);
  if (row.library === 'valibot' || row.library === 'superstruct') {
    const info = getSchemaUnknownKeys(lookup, schema);
    if (info.policy === 'unknown') return 'unknown';
    // superstruct `mask` strips whatever the struct says
    return row.unknownKeys === 'strip' ? 'strip' : info.policy;
  }
  if (row.library === 'joi') {
    const info = getSchemaUnknownKeys(lookup, schema);
    return info.policy;
  }
  return row.unknownKeys;
}

function jsonSchemaPolicy(lookup: ConstLookup, schema: ts.Expression): UnknownKeyPolicy | 'unknown' {
  const verdict = getBodySchemaVerdict(lookup, schema);
  return verdict.kind === 'closed' ? 'reject' : verdict.kind === 'open' ? 'keep' : 'unknown';
}

/** Applies a row's call options: `{ stripUnknown: true }`, `{ allowUnknown: true }`, `{ whitelist: true }`. */
function withOptions(tsApi: TsApi, call: ts.CallExpression, row: ValidatorRow, policy: UnknownKeyPolicy | 'unknown'): UnknownKeyPolicy | 'unknown' {
  const options = row.options;
  const arg = options ? call.arguments[options.argument] : undefined;
  const object = arg ? skipOuterExpressions(tsApi, arg) : undefined;
  if (!options || !object || !tsApi.isObjectLiteralExpression(object)) return policy;
  const isSet = (names: readonly string[] | undefined): boolean =>
    (names ?? []).some((n) => {
      const value = getObjectPropertyValue(tsApi, object, n);
      return value !== undefined && skipOuterExpressions(tsApi, value).kind === tsApi.SyntaxKind.TrueKeyword;
    });
  if (isSet(options.reject)) return 'reject';
  if (isSet(options.strip)) return 'strip';
  if (isSet(options.keep)) return 'keep';
  return policy;
}

/** True when the callee (`fn` or `ns.fn`) comes from one of the packages. */
function isFromModules(lookup: ConstLookup, callee: ts.Expression, modules: readonly string[]): boolean {
  const tsApi = lookup.ts;
  const root = tsApi.isPropertyAccessExpression(callee) ? skipOuterExpressions(tsApi, callee.expression) : callee;
  if (!tsApi.isIdentifier(root)) return false;
  const module = getModuleOf(lookup, root);
  return module !== undefined && modules.some((m) => isPackageSpecifier(module, m));
}

function getModuleOf(lookup: ConstLookup, identifier: ts.Identifier): string | undefined {
  const tsApi = lookup.ts;
  const declaration = findDeclarationInScope(tsApi, identifier);
  if (!declaration) return undefined;
  const binding = getFileBindings(tsApi, lookup.file).imports.get(identifier.text);
  if (binding && (declaration.kind === 'import' || declaration.kind === 'variable')) return binding.module;
  if (declaration.kind === 'variable' && declaration.node.initializer) {
    const init = skipOuterExpressions(tsApi, declaration.node.initializer);
    const required = tsApi.isPropertyAccessExpression(init) ? skipOuterExpressions(tsApi, init.expression) : init;
    if (tsApi.isCallExpression(required) && tsApi.isIdentifier(required.expression) && required.expression.text === 'require') {
      const arg = required.arguments[0];
      if (arg && tsApi.isStringLiteral(arg)) return arg.text;
    }
  }
  return undefined;
}

/** `JSON`, `Date`, `qs`, `url`, `path`: receivers of `parse` that turn text into objects. */
function isNeverASchema(lookup: ConstLookup, receiver: ts.Expression): boolean {
  const tsApi = lookup.ts;
  const root = rootIdentifier(tsApi, receiver);
  if (!root) return false;
  const declaration = findDeclarationInScope(tsApi, root);
  if (!declaration) return true; // a global: JSON, Date, Number, Reflect, ...
  const module = getModuleOf(lookup, root);
  return module !== undefined && TEXT_PARSER_MODULES.some((m) => isPackageSpecifier(module, m));
}

function rootIdentifier(tsApi: TsApi, expression: ts.Expression): ts.Identifier | undefined {
  let current = skipOuterExpressions(tsApi, expression);
  for (let i = 0; i < 64; i++) {
    if (tsApi.isIdentifier(current)) return current;
    if (tsApi.isPropertyAccessExpression(current) || tsApi.isElementAccessExpression(current) || tsApi.isCallExpression(current)) {
      current = skipOuterExpressions(tsApi, current.expression);
      continue;
    }
    return undefined;
  }
  return undefined;
}

/**
 * `check(x)` where `const check = ajv.compile(schema)`, and `C.Check(x)` where
 * `const C = TypeCompiler.Compile(schema)` (or `TypeCompiler.Compile(schema).Check(x)` inline).
 */
function findCompiledSchema(
  lookup: ConstLookup,
  callee: ts.Expression,
  compilers: readonly string[],
  methods: readonly string[],
): { schema?: ts.Expression } | undefined {
  const tsApi = lookup.ts;
  let compiledRef: ts.Expression;
  if (methods.length === 0) {
    compiledRef = callee;
  } else {
    if (!tsApi.isPropertyAccessExpression(callee) || !methods.includes(callee.name.text)) return undefined;
    compiledRef = skipOuterExpressions(tsApi, callee.expression);
  }
  let compileCall: ts.Expression | undefined = compiledRef;
  if (tsApi.isIdentifier(compiledRef) || tsApi.isPropertyAccessExpression(compiledRef)) {
    const value = resolveConstValue(lookup, compiledRef);
    compileCall = value.kind === 'value' ? skipOuterExpressions(tsApi, value.expression) : undefined;
    // `this.validateUser = ajv.compile(schema)` in a class body is left out: not a constant.
  }
  if (!compileCall || !tsApi.isCallExpression(compileCall)) return undefined;
  const compileCallee = skipOuterExpressions(tsApi, compileCall.expression);
  if (!tsApi.isPropertyAccessExpression(compileCallee) || !compilers.includes(compileCallee.name.text)) return undefined;
  if (compileCallee.name.text === 'getSchema') return {};
  return { schema: compileCall.arguments[0] };
}

/** Route middleware that validates the request body before the handler runs. */
export interface ValidationMiddleware {
  readonly node: ts.Expression;
  /** The catalog row (`celebrate`), or `named` for application middleware recognized by its name. */
  readonly source: { readonly kind: 'library'; readonly row: ValidationMiddlewareRow } | { readonly kind: 'named' };
  /** What the validated body does with undeclared keys; `unknown` when the schema or middleware is out of view. */
  readonly unknownKeys: UnknownKeyPolicy | 'unknown';
  readonly text: string;
}

/**
 * The body-validating middleware an item of a route's chain is: `celebrate({ [Segments.BODY]: schema })`,
 * or a middleware named like a validator (`validateBody(schema)`, `validate(createUser)`, and
 * names from the settings).
 */
export function matchValidationMiddleware(
  lookup: ConstLookup,
  expression: ts.Expression,
  options: ValidatorCallOptions = { extraValidators: [] },
): ValidationMiddleware | undefined {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, expression);
  // `const orderBody = celebrate({ [Segments.BODY]: schema })` then `router.post('/orders', orderBody, h)`.
  const held = tsApi.isCallExpression(expr) ? undefined : getHeldMiddlewareCall(lookup, expr);
  if (held) {
    const middleware = matchValidationMiddleware({ ...lookup, file: held.file }, held.call, options);
    if (middleware) return middleware;
  }
  const callee = tsApi.isCallExpression(expr) ? skipOuterExpressions(tsApi, expr.expression) : expr;
  const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!name) return undefined;
  const text = getMemberPath(tsApi, callee) ?? name;
  if (tsApi.isCallExpression(expr)) {
    for (const row of VALIDATION_MIDDLEWARE as readonly ValidationMiddlewareRow[]) {
      if (!isMiddlewareOfRow(lookup, callee, name, row)) continue;
      // `celebrate({ [Segments.BODY]: schema })`, `validate(userValidation.create)` (a constant read where it is declared)
      const segments = expr.arguments[0] ? readConstObject(lookup, expr.arguments[0]) : undefined;
      if (!segments) return { node: expr, source: { kind: 'library', row }, unknownKeys: 'unknown', text };
      const bodySchema = findBodySegment(tsApi, segments.object);
      if (!bodySchema) return undefined; // validates params or query only
      const policy = getMiddlewareBodyPolicy({ ...lookup, file: segments.file }, row, expr, segments.object, bodySchema);
      return { node: expr, source: { kind: 'library', row }, unknownKeys: policy, text };
    }
  }
  if (VALIDATION_MIDDLEWARE_NAME.test(name) || (options.extraValidators.length > 0 && matchesNameList(name, options.extraValidators))) {
    // `validate(Schema.passthrough())`: a zod or joi schema built to keep undeclared keys keeps them
    // whatever the middleware does with it (yup keeps them by default; the middleware may strip).
    const schema = tsApi.isCallExpression(expr) && expr.arguments.length > 0 ? expr.arguments[0]! : undefined;
    const keys = schema ? getSchemaUnknownKeys(lookup, schema) : undefined;
    const keeps = keys?.policy === 'keep' && (keys.library === 'zod' || keys.library === 'joi');
    return { node: expr, source: { kind: 'named' }, unknownKeys: keeps ? 'keep' : 'unknown', text };
  }
  return undefined;
}

/** The middleware factory call a constant holds (`orderBody` over `const orderBody = celebrate(...)`), in this file or, with the project index, another. */
function getHeldMiddlewareCall(lookup: ConstLookup, expr: ts.Expression): { readonly call: ts.CallExpression; readonly file: ts.SourceFile } | undefined {
  const tsApi = lookup.ts;
  if (!tsApi.isIdentifier(expr) && !tsApi.isPropertyAccessExpression(expr)) return undefined;
  const resolved = resolveConstValue(lookup, expr);
  if (resolved.kind !== 'value' || resolved.expression === expr) return undefined;
  const call = skipOuterExpressions(tsApi, resolved.expression);
  return tsApi.isCallExpression(call) ? { call, file: resolved.file } : undefined;
}

/**
 * Whether `callee` is the row's middleware factory: by local name and package (`celebrate`), or, for
 * rows that list `exports`, by what the import binds (`const validate = require('express-validation')`
 * is the module itself; `const { validate } = require('express-validation')` its named export).
 */
function isMiddlewareOfRow(lookup: ConstLookup, callee: ts.Expression, name: string, row: ValidationMiddlewareRow): boolean {
  if (!row.exports) return (row.functions as readonly string[]).includes(name) && isFromModules(lookup, callee, row.modules);
  const imported = getImportedCallee(lookup, callee);
  return imported !== undefined && row.modules.some((m) => isPackageSpecifier(imported.module, m)) && row.exports.includes(imported.imported);
}

/** The module and export a callee is: `validate` over `import { validate }`, `ev.validate` over `const ev = require(...)`. */
function getImportedCallee(lookup: ConstLookup, callee: ts.Expression): { module: string; imported: string } | undefined {
  const tsApi = lookup.ts;
  const root = tsApi.isPropertyAccessExpression(callee) ? skipOuterExpressions(tsApi, callee.expression) : callee;
  if (!tsApi.isIdentifier(root)) return undefined;
  const declaration = findDeclarationInScope(tsApi, root);
  if (!declaration || (declaration.kind !== 'import' && declaration.kind !== 'variable')) return undefined;
  const binding = getFileBindings(tsApi, lookup.file).imports.get(root.text);
  // Not a local of the same name: the declaration is the import (or the `require` binding) itself.
  if (!binding || (declaration.kind === 'variable' && binding.node !== declaration.node && binding.node !== declaration.element)) return undefined;
  if (!tsApi.isPropertyAccessExpression(callee)) return { module: binding.module, imported: binding.imported };
  return binding.imported === '*' || binding.imported === 'default' ? { module: binding.module, imported: callee.name.text } : undefined;
}

/** An object literal an argument is, or the constant object it names (in this file or, with the project index, another). */
function readConstObject(lookup: ConstLookup, arg: ts.Expression): { readonly object: ts.ObjectLiteralExpression; readonly file: ts.SourceFile } | undefined {
  const tsApi = lookup.ts;
  let resolved = resolveConstValue(lookup, arg);
  if (resolved.kind === 'opaque') resolved = resolveDestructuredRequire(lookup, arg) ?? resolved;
  if (resolved.kind !== 'value') return undefined;
  const object = skipOuterExpressions(tsApi, resolved.expression);
  return tsApi.isObjectLiteralExpression(object) ? { object, file: resolved.file } : undefined;
}

/** `createUser` over `const { createUser } = require('../validations/user.validation')`, read in that file with the project index. */
function resolveDestructuredRequire(lookup: ConstLookup, expr: ts.Expression): ConstValue | undefined {
  const tsApi = lookup.ts;
  const project = lookup.project;
  const name = skipOuterExpressions(tsApi, expr);
  if (!project || !tsApi.isIdentifier(name)) return undefined;
  const declaration = findDeclarationInScope(tsApi, name);
  const binding = getFileBindings(tsApi, lookup.file).imports.get(name.text);
  if (declaration?.kind !== 'variable' || !declaration.element || binding?.node !== declaration.element) return undefined;
  const target = project.resolveImport(lookup.file, binding.module);
  const exported = target ? project.resolveExport(target, binding.imported) : undefined;
  if (!exported) return undefined;
  const node = exported.declaration ?? exported.binding.node;
  const value = tsApi.isVariableDeclaration(node) ? node.initializer : tsApi.isObjectLiteralExpression(node) || tsApi.isIdentifier(node) ? node : undefined;
  return value ? resolveConstValue({ ts: tsApi, file: exported.file, project }, value) : undefined;
}

/**
 * What a library middleware does with undeclared body keys: the body schema's own policy (a plain
 * object of joi schemas is a joi object), the joi options argument, and for express-validation 1.x
 * and 2.x, `allowUnknownBody` (true unless the schema's `options` or a global `options({...})` call
 * turn it off, or the body schema says `.unknown(false)` itself).
 */
function getMiddlewareBodyPolicy(
  lookup: ConstLookup,
  row: ValidationMiddlewareRow,
  call: ts.CallExpression,
  segments: ts.ObjectLiteralExpression,
  bodySchema: ts.Expression,
): UnknownKeyPolicy | 'unknown' {
  const tsApi = lookup.ts;
  const info = getSchemaUnknownKeys(lookup, bodySchema);
  const bodyValue = resolveConstValue(lookup, bodySchema);
  const plainKeys = bodyValue.kind === 'value' && tsApi.isObjectLiteralExpression(skipOuterExpressions(tsApi, bodyValue.expression));
  let policy: UnknownKeyPolicy | 'unknown' = info.policy !== 'unknown' ? info.policy : plainKeys ? 'reject' : 'unknown';
  if (row.unknownBodyOption !== undefined && policy !== 'unknown') {
    const optionValue = (options: ts.Expression | undefined): ts.Expression | undefined => {
      const object = options ? skipOuterExpressions(tsApi, options) : undefined;
      return object && tsApi.isObjectLiteralExpression(object) ? getObjectPropertyValue(tsApi, object, row.unknownBodyOption!) : undefined;
    };
    const closed =
      isFalseLiteral(tsApi, optionValue(getObjectPropertyValue(tsApi, segments, 'options'))) ||
      setsGlobalOption(lookup, row, (options) => isFalseLiteral(tsApi, optionValue(options)));
    // joi's `allowUnknown: true` yields to an object's own `.unknown(false)`.
    if (!closed && getExplicitUnknownFlag(lookup, bodySchema) !== false) policy = 'keep';
  }
  const joiOptions = row.joiOptionsArgument === undefined ? undefined : call.arguments[row.joiOptionsArgument];
  const options = joiOptions ? skipOuterExpressions(tsApi, joiOptions) : undefined;
  if (options && tsApi.isObjectLiteralExpression(options)) {
    const flag = (key: string): boolean => {
      const value = getObjectPropertyValue(tsApi, options, key);
      return value !== undefined && skipOuterExpressions(tsApi, value).kind === tsApi.SyntaxKind.TrueKeyword;
    };
    if (flag('stripUnknown')) policy = 'strip';
    else if (flag('allowUnknown')) policy = 'keep';
  }
  return policy;
}

function isFalseLiteral(tsApi: TsApi, node: ts.Expression | undefined): boolean {
  return node !== undefined && skipOuterExpressions(tsApi, node).kind === tsApi.SyntaxKind.FalseKeyword;
}

/** A joi schema's own word on undeclared keys: the outermost `.unknown(x)` or `.prefs({ allowUnknown: x })` of its chain. */
function getExplicitUnknownFlag(lookup: ConstLookup, schema: ts.Expression): boolean | undefined {
  const tsApi = lookup.ts;
  const resolved = resolveConstValue(lookup, schema);
  if (resolved.kind !== 'value') return undefined;
  let current = skipOuterExpressions(tsApi, resolved.expression);
  while (tsApi.isCallExpression(current)) {
    const callee = skipOuterExpressions(tsApi, current.expression);
    if (!tsApi.isPropertyAccessExpression(callee)) return undefined;
    const first = current.arguments[0] ? skipOuterExpressions(tsApi, current.arguments[0]) : undefined;
    if (callee.name.text === 'unknown') return first?.kind !== tsApi.SyntaxKind.FalseKeyword;
    if (/^(?:options|prefs|preferences)$/.test(callee.name.text) && first && tsApi.isObjectLiteralExpression(first)) {
      const allow = getObjectPropertyValue(tsApi, first, 'allowUnknown');
      if (allow) return skipOuterExpressions(tsApi, allow).kind === tsApi.SyntaxKind.TrueKeyword;
    }
    current = skipOuterExpressions(tsApi, callee.expression);
  }
  return undefined;
}

const GLOBAL_OPTION_CALLS = {};
const globalOptionCallsInFile = new FileScopedWeakMap<ts.SourceFile, readonly ts.CallExpression[]>();

/**
 * True when a global `options({...})` call of the row's module passes options `test` accepts
 * (express-validation 1.x: `validate.options({ allowUnknownBody: false })`): in the file per file,
 * anywhere in the project with the index.
 */
function setsGlobalOption(lookup: ConstLookup, row: ValidationMiddlewareRow, test: (options: ts.Expression | undefined) => boolean): boolean {
  const project = lookup.project;
  const calls = project
    ? project.memo(GLOBAL_OPTION_CALLS, () => project.files().flatMap((file) => findGlobalOptionCalls(lookup.ts, file)))
    : (globalOptionCallsInFile.get(lookup.file) ?? findGlobalOptionCalls(lookup.ts, lookup.file));
  if (!project) globalOptionCallsInFile.set(lookup.file, calls);
  return calls.some((call) => {
    const imported = getImportedCallee({ ...lookup, file: call.getSourceFile() }, skipOuterExpressions(lookup.ts, call.expression));
    return imported !== undefined && row.modules.some((m) => isPackageSpecifier(imported.module, m)) && test(call.arguments[0]);
  });
}

/** `x.options({...})` calls of a file whose receiver is a plain name. */
function findGlobalOptionCalls(tsApi: TsApi, file: ts.SourceFile): ts.CallExpression[] {
  if (!file.text.includes('.options(')) return [];
  const found: ts.CallExpression[] = [];
  walkDescendants(tsApi, file, (node) => {
    if (!tsApi.isCallExpression(node)) return undefined;
    const callee = skipOuterExpressions(tsApi, node.expression);
    if (tsApi.isPropertyAccessExpression(callee) && callee.name.text === 'options' && tsApi.isIdentifier(skipOuterExpressions(tsApi, callee.expression))) found.push(node);
    return undefined;
  });
  return found;
}

/** The `body` entry of celebrate's segments: `body: schema` or `[Segments.BODY]: schema`. */
function findBodySegment(tsApi: TsApi, segments: ts.ObjectLiteralExpression): ts.Expression | undefined {
  for (const prop of segments.properties) {
    if (!tsApi.isPropertyAssignment(prop)) continue;
    const key = getPropertyNameText(tsApi, prop.name);
    if (key === 'body') return prop.initializer;
    if (tsApi.isComputedPropertyName(prop.name)) {
      const inner = skipOuterExpressions(tsApi, prop.name.expression);
      if (tsApi.isPropertyAccessExpression(inner) && inner.name.text === 'BODY') return prop.initializer;
    }
  }
  return undefined;
}
