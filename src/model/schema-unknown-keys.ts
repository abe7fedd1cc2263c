/**
 * What a validation schema built with a schema library (zod, joi, yup, valibot, superstruct) does
 * with keys it does not declare, read from how it is built: the object builder (`z.object` strips,
 * `Joi.object` rejects, `yup.object` keeps) and the modifiers chained on it (`.passthrough()`,
 * `.unknown()`, `.noUnknown()`, `.strict()`), as listed in `SCHEMA_BUILDERS`.
 *
 * Schemas the analysis cannot read (declared in another file in per-file mode, or built by a helper)
 * are `unknown`; callers trust them rather than guess.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getObjectPropertyValue, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, isPackageSpecifier } from '../core/bindings.js';
import { SCHEMA_BUILDERS, type SchemaBuilderRow, type UnknownKeyPolicy, type ValidatorLibrary } from '../catalog/validators.js';
import { resolveConstValue, type ConstLookup } from './const-value.js';
import { findDeclarationInScope } from './scope-lookup.js';

export interface SchemaUnknownKeys {
  /** The library the schema was built with, when the builder was found. */
  readonly library?: ValidatorLibrary;
  readonly policy: UnknownKeyPolicy | 'unknown';
}

const UNKNOWN: SchemaUnknownKeys = { policy: 'unknown' };
const MAX_CHAIN = 64;

/** Modifiers that keep the object's policy (`.extend()`, `.pick()`, `.required()`, `.label()`, ...). */
function isNeutralModifier(name: string): boolean {
  return !/^(?:passthrough|catchall|loose|strict|strip|unknown|pattern|noUnknown|options|prefs|preferences)$/.test(name);
}

/** Reads the builder chain of `schema` (or of the constant it names). */
export function getSchemaUnknownKeys(lookup: ConstLookup, schema: ts.Expression): SchemaUnknownKeys {
  const tsApi = lookup.ts;
  const resolved = resolveConstValue(lookup, schema);
  if (resolved.kind !== 'value') return UNKNOWN;
  const file = resolved.file;
  // Walk the chain from the outermost call to the builder, collecting modifiers.
  const modifiers: { name: string; call: ts.CallExpression }[] = [];
  let current: ts.Expression = skipOuterExpressions(tsApi, resolved.expression);
  for (let i = 0; i < MAX_CHAIN; i++) {
    if (!tsApi.isCallExpression(current)) return UNKNOWN;
    const callee = skipOuterExpressions(tsApi, current.expression);
    const builder = findBuilder(lookup.ts, file, callee);
    if (builder) {
      let policy: UnknownKeyPolicy | undefined = (builder.row.objectBuilders as Readonly<Record<string, UnknownKeyPolicy>>)[builder.name];
      if (!policy) return { library: builder.row.library, policy: 'unknown' };
      for (let m = modifiers.length - 1; m >= 0; m--) {
        policy = applyModifier(tsApi, builder.row, modifiers[m]!.name, modifiers[m]!.call, policy);
      }
      return { library: builder.row.library, policy };
    }
    if (!tsApi.isPropertyAccessExpression(callee)) return UNKNOWN;
    modifiers.push({ name: callee.name.text, call: current });
    const inner = skipOuterExpressions(tsApi, callee.expression);
    // A chain may continue from another constant: `base.extend({...}).strict()` with `const base = z.object(...)`.
    if (tsApi.isIdentifier(inner)) {
      const base = getSchemaUnknownKeys({ ...lookup, file }, inner);
      if (base.policy === 'unknown' || !base.library) return base;
      const row = (SCHEMA_BUILDERS as readonly SchemaBuilderRow[]).find((r) => r.library === base.library);
      let policy: UnknownKeyPolicy = base.policy;
      for (let m = modifiers.length - 1; m >= 0; m--) {
        if (row) policy = applyModifier(tsApi, row, modifiers[m]!.name, modifiers[m]!.call, policy);
      }
      return { library: base.library, policy };
    }
    current = inner;
  }
  return UNKNOWN;
}

/** The library whose builder `callee` is: `z.object`, `Joi.object`, `object` imported from yup, `v.object`. */
function findBuilder(tsApi: TsApi, file: ts.SourceFile, callee: ts.Expression): { row: SchemaBuilderRow; name: string } | undefined {
  let name: string | undefined;
  let root: ts.Expression | undefined;
  if (tsApi.isIdentifier(callee)) {
    name = callee.text;
    root = callee;
  } else if (tsApi.isPropertyAccessExpression(callee)) {
    name = callee.name.text;
    root = skipOuterExpressions(tsApi, callee.expression);
  }
  if (!name || !root || !tsApi.isIdentifier(root)) return undefined;
  const binding = getFileBindings(tsApi, file).imports.get(root.text) ?? requireBinding(tsApi, root);
  if (!binding) return undefined;
  const row = (SCHEMA_BUILDERS as readonly SchemaBuilderRow[]).find((r) => r.modules.some((m) => isPackageSpecifier(binding.module, m)));
  if (!row) return undefined;
  // `import { object } from 'yup'` names the builder itself; `import * as z` / `import Joi` is the namespace.
  if (tsApi.isIdentifier(callee)) {
    const imported = binding.imported;
    return imported in row.objectBuilders ? { row, name: imported } : undefined;
  }
  // `z.object` over `import { z }`, `Joi.object` over `import Joi`, `yup.object` over `import * as yup`.
  if (binding.imported in row.objectBuilders) return undefined;
  return name in row.objectBuilders ? { row, name } : undefined;
}

/** `const Joi = require('joi')` inside a function or a file the binder did not see at top level. */
function requireBinding(tsApi: TsApi, identifier: ts.Identifier): { module: string; imported: string } | undefined {
  const declaration = findDeclarationInScope(tsApi, identifier);
  if (declaration?.kind !== 'variable' || !declaration.node.initializer) return undefined;
  const init = skipOuterExpressions(tsApi, declaration.node.initializer);
  if (tsApi.isCallExpression(init) && tsApi.isIdentifier(init.expression) && init.expression.text === 'require') {
    const arg = init.arguments[0];
    if (arg && tsApi.isStringLiteral(arg)) return { module: arg.text, imported: '*' };
  }
  return undefined;
}

function applyModifier(tsApi: TsApi, row: SchemaBuilderRow, name: string, call: ts.CallExpression, policy: UnknownKeyPolicy): UnknownKeyPolicy {
  if (isNeutralModifier(name)) return policy;
  const first = call.arguments[0] ? skipOuterExpressions(tsApi, call.arguments[0]) : undefined;
  const disabled = first?.kind === tsApi.SyntaxKind.FalseKeyword;
  // joi `.options({ allowUnknown: true })` / `.prefs({ stripUnknown: true })`
  if (name === 'options' || name === 'prefs' || name === 'preferences') {
    if (!first || !tsApi.isObjectLiteralExpression(first)) return policy;
    if (isTrueLiteral(tsApi, getObjectPropertyValue(tsApi, first, 'stripUnknown'))) return 'strip';
    if (isTrueLiteral(tsApi, getObjectPropertyValue(tsApi, first, 'allowUnknown'))) return 'keep';
    return policy;
  }
  const modifiers = row.modifiers as Readonly<Record<string, UnknownKeyPolicy>>;
  const effect = modifiers[name];
  if (!effect) return policy;
  if (disabled) {
    // `.unknown(false)` restores joi's default; `.noUnknown(false)` restores yup's.
    const builderDefault = (row.objectBuilders as Readonly<Record<string, UnknownKeyPolicy>>).object ?? policy;
    return builderDefault;
  }
  return effect;
}

function isTrueLiteral(tsApi: TsApi, node: ts.Expression | undefined): boolean {
  return node !== undefined && skipOuterExpressions(tsApi, node).kind === tsApi.SyntaxKind.TrueKeyword;
}
