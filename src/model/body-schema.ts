/**
 * Whether a JSON schema lets a client send fields it does not declare: the body schemas of Fastify
 * routes, ajv-compiled schemas, and TypeBox builders (`Type.Object({...}, { additionalProperties:
 * false })`).
 *
 * JSON schema keeps undeclared properties unless `additionalProperties: false` (or
 * `unevaluatedProperties: false`) says otherwise, and the rule applies level by level: a closed
 * top-level object with an open nested object still lets a client add fields inside the nested one.
 * Fastify's default ajv (`removeAdditional: true`) strips undeclared properties only where
 * `additionalProperties: false` is written; `removeAdditional: 'all'` strips them everywhere a
 * schema lists `properties`. fluent-json-schema chains (`S.object().prop(...)`) build the same JSON
 * schema and are read the same way.
 */
import type * as ts from 'typescript';
import { getObjectPropertyValue, getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings } from '../core/bindings.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import { resolveConstValue, type ConstLookup } from './const-value.js';
import { FLUENT_JSON_SCHEMA } from '../catalog/validators.js';

/** What a body schema does with undeclared fields. */
export type BodySchemaVerdict =
  /** Every object level that can carry fields rejects or strips undeclared ones. */
  | { readonly kind: 'closed' }
  /** Some object level keeps undeclared fields; `path` names it (`body`, `body.address`). */
  | { readonly kind: 'open'; readonly path: string }
  /** The schema is declared where the analysis cannot read it (another file in per-file mode, a package, a `$ref`). */
  | { readonly kind: 'unknown' };

export interface BodySchemaOptions {
  /** ajv's `removeAdditional: 'all'`: undeclared properties are removed wherever `properties` is listed. */
  readonly removeAdditionalAll?: boolean;
}

const TYPEBOX_MODULES = /^(?:@sinclair\/typebox|typebox)(?:\/|$)/;
const MAX_DEPTH = 32;
const MAX_CHAIN = 128;

const CLOSED: BodySchemaVerdict = { kind: 'closed' };
const UNKNOWN: BodySchemaVerdict = { kind: 'unknown' };

/** Whether the schema expression (a literal, a constant, a TypeBox builder) is closed. */
export function getBodySchemaVerdict(lookup: ConstLookup, schema: ts.Expression, options: BodySchemaOptions = {}): BodySchemaVerdict {
  return evaluate(lookup, schema, options, 'body', 0);
}

function evaluate(lookup: ConstLookup, schema: ts.Expression, options: BodySchemaOptions, path: string, depth: number): BodySchemaVerdict {
  const tsApi = lookup.ts;
  if (depth > MAX_DEPTH) return UNKNOWN;
  const resolved = resolveConstValue(lookup, schema);
  if (resolved.kind !== 'value') return UNKNOWN;
  const inner: ConstLookup = { ...lookup, file: resolved.file };
  const expr = skipOuterExpressions(tsApi, resolved.expression);
  if (tsApi.isObjectLiteralExpression(expr)) return evaluateJsonSchema(inner, expr, options, path, depth);
  if (tsApi.isCallExpression(expr)) {
    const chain = readFluentChain(inner, expr);
    return chain ? evaluateFluentSchema(inner, chain, options, path, depth) : evaluateTypeBox(inner, expr, options, path, depth);
  }
  return UNKNOWN;
}

/** A JSON schema written as an object literal. */
function evaluateJsonSchema(
  lookup: ConstLookup,
  object: ts.ObjectLiteralExpression,
  options: BodySchemaOptions,
  path: string,
  depth: number,
): BodySchemaVerdict {
  const tsApi = lookup.ts;
  const read = (name: string): ts.Expression | undefined => readSchemaKeyword(lookup, object, name);
  const ref = read('$ref');
  if (ref) {
    // `{ $ref: 'userUpdate#' }`: a shared schema registered with `fastify.addSchema({ $id: 'userUpdate', ... })`.
    const shared = findSharedSchema(lookup, ref);
    return shared ? evaluate({ ...lookup, file: shared.getSourceFile() }, shared, options, path, depth + 1) : UNKNOWN;
  }
  for (const combinator of ['allOf', 'anyOf', 'oneOf']) {
    const list = read(combinator);
    if (!list) continue;
    const array = skipOuterExpressions(tsApi, list);
    if (!tsApi.isArrayLiteralExpression(array)) return UNKNOWN;
    for (const element of array.elements) {
      const verdict = evaluate(lookup, element, options, path, depth + 1);
      if (verdict.kind !== 'closed') return verdict;
    }
    if (!read('properties')) return CLOSED;
  }
  const type = read('type');
  const typeText = type ? readTypeName(tsApi, type) : undefined;
  if (typeText === 'array') {
    const items = read('items');
    return items ? evaluate(lookup, items, options, `${path}[]`, depth + 1) : { kind: 'open', path };
  }
  const properties = read('properties');
  const isObject = typeText === 'object' || properties !== undefined || read('additionalProperties') !== undefined;
  if (!isObject) {
    // A scalar schema (`{ type: 'string' }`) cannot carry fields; a schema with no type at all can.
    return typeText !== undefined ? CLOSED : { kind: 'open', path };
  }
  if (read('patternProperties')) return { kind: 'open', path };
  const closedHere =
    isFalseLiteral(tsApi, read('additionalProperties')) ||
    isFalseLiteral(tsApi, read('unevaluatedProperties')) ||
    (options.removeAdditionalAll === true && properties !== undefined);
  if (!closedHere) return { kind: 'open', path };
  if (!properties) return CLOSED;
  const propsValue = resolveConstValue(lookup, properties);
  if (propsValue.kind !== 'value') return UNKNOWN;
  const propsObject = skipOuterExpressions(tsApi, propsValue.expression);
  if (!tsApi.isObjectLiteralExpression(propsObject)) return UNKNOWN;
  for (const prop of propsObject.properties) {
    if (tsApi.isSpreadAssignment(prop)) {
      const spread = resolveConstValue({ ...lookup, file: propsValue.file }, prop.expression);
      if (spread.kind !== 'value') return UNKNOWN;
      continue;
    }
    const name = getPropertyNameText(tsApi, prop.name) ?? '?';
    const value = tsApi.isPropertyAssignment(prop) ? prop.initializer : tsApi.isShorthandPropertyAssignment(prop) ? prop.name : undefined;
    if (!value) continue;
    const verdict = evaluate({ ...lookup, file: propsValue.file }, value, options, `${path}.${name}`, depth + 1);
    if (verdict.kind !== 'closed') return verdict;
  }
  return CLOSED;
}

/** A keyword of a schema object, the last one written winning over spreads (`{ ...base, additionalProperties: false }`). */
function readSchemaKeyword(lookup: ConstLookup, object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  const tsApi = lookup.ts;
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const prop = object.properties[i]!;
    if (tsApi.isSpreadAssignment(prop)) {
      const base = resolveConstValue(lookup, prop.expression);
      if (base.kind === 'value') {
        const baseObject = skipOuterExpressions(tsApi, base.expression);
        if (tsApi.isObjectLiteralExpression(baseObject)) {
          const inner = readSchemaKeyword({ ...lookup, file: base.file }, baseObject, name);
          if (inner) return inner;
        }
      }
      continue;
    }
    if ((tsApi.isPropertyAssignment(prop) || tsApi.isShorthandPropertyAssignment(prop)) && getPropertyNameText(tsApi, prop.name) === name) {
      return tsApi.isPropertyAssignment(prop) ? prop.initializer : prop.name;
    }
  }
  return undefined;
}

/** TypeBox builders: `Type.Object(props, { additionalProperties: false })`, `Type.Array(x)`, `Type.Partial(x)`. */
function evaluateTypeBox(lookup: ConstLookup, call: ts.CallExpression, options: BodySchemaOptions, path: string, depth: number): BodySchemaVerdict {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  const builder = tsApi.isPropertyAccessExpression(callee) ? callee.name.text : tsApi.isIdentifier(callee) ? callee.text : undefined;
  if (!builder || !isTypeBoxBuilder(lookup, callee)) return UNKNOWN;
  const [first, second] = call.arguments;
  switch (builder) {
    case 'Object': {
      const opts = second ? skipOuterExpressions(tsApi, second) : undefined;
      const closedHere =
        (opts !== undefined &&
          tsApi.isObjectLiteralExpression(opts) &&
          (isFalseLiteral(tsApi, getObjectPropertyValue(tsApi, opts, 'additionalProperties')) ||
            isFalseLiteral(tsApi, getObjectPropertyValue(tsApi, opts, 'unevaluatedProperties')))) ||
        options.removeAdditionalAll === true;
      if (!closedHere) return { kind: 'open', path };
      if (!first) return CLOSED;
      const props = resolveConstValue(lookup, first);
      if (props.kind !== 'value') return UNKNOWN;
      const object = skipOuterExpressions(tsApi, props.expression);
      if (!tsApi.isObjectLiteralExpression(object)) return UNKNOWN;
      for (const prop of object.properties) {
        if (tsApi.isSpreadAssignment(prop)) continue;
        const name = getPropertyNameText(tsApi, prop.name) ?? '?';
        const value = tsApi.isPropertyAssignment(prop) ? prop.initializer : tsApi.isShorthandPropertyAssignment(prop) ? prop.name : undefined;
        if (!value) continue;
        const verdict = evaluate({ ...lookup, file: props.file }, value, options, `${path}.${name}`, depth + 1);
        if (verdict.kind !== 'closed') return verdict;
      }
      return CLOSED;
    }
    case 'Array':
    case 'Optional':
    case 'Readonly':
    case 'ReadonlyOptional':
    case 'Partial':
    case 'Required':
    case 'Pick':
    case 'Omit':
    case 'Strict':
      return first ? evaluate(lookup, first, options, builder === 'Array' ? `${path}[]` : path, depth + 1) : UNKNOWN;
    case 'Union':
    case 'Intersect':
    case 'Composite': {
      if (builder !== 'Union') {
        const opts = second ? skipOuterExpressions(tsApi, second) : undefined;
        const closed =
          opts !== undefined &&
          tsApi.isObjectLiteralExpression(opts) &&
          (isFalseLiteral(tsApi, getObjectPropertyValue(tsApi, opts, 'additionalProperties')) ||
            isFalseLiteral(tsApi, getObjectPropertyValue(tsApi, opts, 'unevaluatedProperties')));
        if (closed) return CLOSED;
        if (builder === 'Intersect') return { kind: 'open', path };
      }
      const list = first ? skipOuterExpressions(tsApi, first) : undefined;
      if (!list || !tsApi.isArrayLiteralExpression(list)) return UNKNOWN;
      for (const element of list.elements) {
        const verdict = evaluate(lookup, element, options, path, depth + 1);
        if (verdict.kind !== 'closed') return verdict;
      }
      return CLOSED;
    }
    case 'Record':
    case 'Any':
    case 'Unknown':
      return { kind: 'open', path };
    case 'Ref':
    case 'Unsafe':
      return UNKNOWN;
    default:
      // Scalars and literals: `Type.String()`, `Type.Literal('x')`, `Type.Enum(E)`.
      return CLOSED;
  }
}

/** A fluent-json-schema chain: its builder (`S.object()`) and the calls chained on it, in the order they apply. */
interface FluentChain {
  readonly builder: string;
  readonly root: ts.CallExpression;
  readonly modifiers: readonly { readonly name: string; readonly call: ts.CallExpression }[];
}

/**
 * Reads `S.object().prop(...).additionalProperties(false)` back to its builder, through constants
 * that hold part of the chain (`Article.required()` with `const Article = S.object()...`), or
 * `undefined` when the chain does not start at a fluent-json-schema builder.
 */
function readFluentChain(lookup: ConstLookup, call: ts.CallExpression): FluentChain | undefined {
  const tsApi = lookup.ts;
  const modifiers: { name: string; call: ts.CallExpression }[] = [];
  let current: ts.Expression = call;
  let file = lookup.file;
  for (let i = 0; i < MAX_CHAIN; i++) {
    if (tsApi.isIdentifier(current)) {
      const resolved = resolveConstValue({ ...lookup, file }, current);
      if (resolved.kind !== 'value') return undefined;
      file = resolved.file;
      current = skipOuterExpressions(tsApi, resolved.expression);
      continue;
    }
    if (!tsApi.isCallExpression(current)) return undefined;
    const callee = skipOuterExpressions(tsApi, current.expression);
    if (!tsApi.isPropertyAccessExpression(callee)) return undefined;
    const receiver = skipOuterExpressions(tsApi, callee.expression);
    if (tsApi.isIdentifier(receiver) && isFluentSchemaRoot(lookup, file, receiver)) {
      return { builder: callee.name.text, root: current, modifiers: modifiers.reverse() };
    }
    modifiers.push({ name: callee.name.text, call: current });
    current = receiver;
  }
  return undefined;
}

/** `S` bound to fluent-json-schema (`const S = require('fluent-json-schema')`, `import S from ...`). */
function isFluentSchemaRoot(lookup: ConstLookup, file: ts.SourceFile, identifier: ts.Identifier): boolean {
  const binding = getFileBindings(lookup.ts, file).imports.get(identifier.text);
  return binding !== undefined && binding.module === FLUENT_JSON_SCHEMA.module;
}

function isNeutralFluentModifier(name: string): boolean {
  return (FLUENT_JSON_SCHEMA.neutralModifiers as readonly string[]).includes(name);
}

/** A fluent-json-schema chain, read as the JSON schema it builds (see `evaluateJsonSchema`). */
function evaluateFluentSchema(lookup: ConstLookup, chain: FluentChain, options: BodySchemaOptions, path: string, depth: number): BodySchemaVerdict {
  const tsApi = lookup.ts;
  const { builder, modifiers } = chain;
  const inFileOf = (node: ts.Node): ConstLookup => ({ ...lookup, file: node.getSourceFile() });
  if ((FLUENT_JSON_SCHEMA.scalarBuilders as readonly string[]).includes(builder)) return CLOSED;
  if ((FLUENT_JSON_SCHEMA.combinators as readonly string[]).includes(builder)) {
    const list = chain.root.arguments[0] ? skipOuterExpressions(tsApi, chain.root.arguments[0]) : undefined;
    if (!list || !tsApi.isArrayLiteralExpression(list) || modifiers.some((m) => !isNeutralFluentModifier(m.name))) return UNKNOWN;
    for (const element of list.elements) {
      const verdict = evaluate(inFileOf(list), element, options, path, depth + 1);
      if (verdict.kind !== 'closed') return verdict;
    }
    return CLOSED;
  }
  if (builder === 'array') {
    let items: ts.Expression | undefined;
    for (const { name, call } of modifiers) {
      if (name === 'items') items = call.arguments[0];
      else if (!isNeutralFluentModifier(name)) return UNKNOWN;
    }
    if (!items) return { kind: 'open', path };
    const list = skipOuterExpressions(tsApi, items);
    for (const element of tsApi.isArrayLiteralExpression(list) ? list.elements : [items]) {
      const verdict = evaluate(inFileOf(items), element, options, `${path}[]`, depth + 1);
      if (verdict.kind !== 'closed') return verdict;
    }
    return CLOSED;
  }
  if (builder !== 'object') return UNKNOWN;
  let closedHere = false;
  const props: { readonly name: string; readonly value: ts.Expression | undefined }[] = [];
  for (const { name, call } of modifiers) {
    const [first, second] = call.arguments;
    if (name === 'prop') {
      props.push({ name: getStaticString(tsApi, first) ?? '?', value: second });
    } else if (name === 'additionalProperties' || name === 'unevaluatedProperties') {
      closedHere = isFalseLiteral(tsApi, first);
    } else if (name === 'patternProperties') {
      return { kind: 'open', path };
    } else if (name === 'raw') {
      const raw = first ? skipOuterExpressions(tsApi, first) : undefined;
      if (!raw || !tsApi.isObjectLiteralExpression(raw) || getObjectPropertyValue(tsApi, raw, 'properties')) return UNKNOWN;
      if (isFalseLiteral(tsApi, getObjectPropertyValue(tsApi, raw, 'additionalProperties'))) closedHere = true;
    } else if (!isNeutralFluentModifier(name)) {
      // `.extend(base)`, conditionals (`.ifThen`): not read.
      return UNKNOWN;
    }
  }
  if (!closedHere && !(options.removeAdditionalAll === true && props.length > 0)) return { kind: 'open', path };
  for (const prop of props) {
    // `.prop('meta')` with no schema accepts any value, objects included.
    if (!prop.value) return { kind: 'open', path: `${path}.${prop.name}` };
    const verdict = evaluate(inFileOf(prop.value), prop.value, options, `${path}.${prop.name}`, depth + 1);
    if (verdict.kind !== 'closed') return verdict;
  }
  return CLOSED;
}

/** `Type.X(...)` / `t.X(...)` with `Type` from TypeBox, or `Type.X` by its conventional name. */
function isTypeBoxBuilder(lookup: ConstLookup, callee: ts.Expression): boolean {
  const tsApi = lookup.ts;
  const root = tsApi.isPropertyAccessExpression(callee) ? skipOuterExpressions(tsApi, callee.expression) : callee;
  if (!tsApi.isIdentifier(root)) return false;
  const binding = getFileBindings(tsApi, lookup.file).imports.get(root.text);
  if (binding) return TYPEBOX_MODULES.test(binding.module);
  return root.text === 'Type';
}

/**
 * The `type` keyword: a name, or for a list (`['string', 'null']`) the kind that can carry fields
 * (`object`, then `array`), else its first (scalar) name.
 */
function readTypeName(tsApi: ConstLookup['ts'], node: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isStringLiteral(expr)) return expr.text;
  if (!tsApi.isArrayLiteralExpression(expr)) return undefined;
  const names = expr.elements.map((e) => skipOuterExpressions(tsApi, e)).map((e) => (tsApi.isStringLiteral(e) ? e.text : undefined));
  if (names.length === 0 || names.some((n) => n === undefined)) return undefined;
  if (names.includes('object')) return 'object';
  if (names.includes('array')) return 'array';
  return names[0];
}

const SHARED_SCHEMAS = {};

/**
 * The object literal registered with `x.addSchema({ $id, ... })` whose `$id` a `$ref` names
 * (`'userUpdate#'`, `'userUpdate'`); with the project index in any project file, else in this file.
 * `undefined` when none, several different ones, or the reference points inside a schema.
 */
function findSharedSchema(lookup: ConstLookup, ref: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const tsApi = lookup.ts;
  const refValue = resolveConstValue(lookup, ref);
  const refText = refValue.kind === 'value' ? skipOuterExpressions(tsApi, refValue.expression) : undefined;
  if (!refText || !tsApi.isStringLiteralLike(refText)) return undefined;
  const id = refText.text.endsWith('#') ? refText.text.slice(0, -1) : refText.text;
  if (id === '' || id.includes('#')) return undefined;
  const collect = (files: readonly ts.SourceFile[]): Map<string, ts.ObjectLiteralExpression[]> => {
    const byId = new Map<string, ts.ObjectLiteralExpression[]>();
    for (const file of files) {
      if (!file.text.includes('addSchema')) continue;
      forEachNodeOfKinds(tsApi, file, [tsApi.SyntaxKind.CallExpression], (node) => {
        if (tsApi.isCallExpression(node) && node.arguments.length === 1) {
          const callee = skipOuterExpressions(tsApi, node.expression);
          if (tsApi.isPropertyAccessExpression(callee) && callee.name.text === 'addSchema') {
            const value = resolveConstValue({ ...lookup, file }, node.arguments[0]!);
            const object = value.kind === 'value' ? skipOuterExpressions(tsApi, value.expression) : undefined;
            const idNode = object && tsApi.isObjectLiteralExpression(object) ? getObjectPropertyValue(tsApi, object, '$id') : undefined;
            const idText = idNode ? skipOuterExpressions(tsApi, idNode) : undefined;
            if (object && tsApi.isObjectLiteralExpression(object) && idText && tsApi.isStringLiteralLike(idText)) {
              const key = idText.text.endsWith('#') ? idText.text.slice(0, -1) : idText.text;
              byId.set(key, [...(byId.get(key) ?? []), object]);
            }
          }
        }
      });
    }
    return byId;
  };
  const byId = lookup.project ? lookup.project.memo(SHARED_SCHEMAS, () => collect(lookup.project!.files())) : collect([lookup.file]);
  const found = byId.get(id);
  return found && new Set(found).size === 1 ? found[0] : undefined;
}

function isFalseLiteral(tsApi: ConstLookup['ts'], node: ts.Expression | undefined): boolean {
  return node !== undefined && skipOuterExpressions(tsApi, node).kind === tsApi.SyntaxKind.FalseKeyword;
}
