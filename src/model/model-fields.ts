/**
 * The field names a written model declares, when its declaration is in view: the properties of an
 * entity or model class (`@Column() role`, `declare isAdmin: boolean`), the keys of a Mongoose
 * schema (`new Schema({ role: String })`) or of `sequelize.define('user', { role: ... })` /
 * `User.init({ role: ... })`. Messages cite the sensitive ones a client could set.
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../core/context.js';
import { getPropertyNameText, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { resolveNestName } from '../frameworks/nest-symbols.js';
import { resolveConstValue } from './const-value.js';
import { findInjectedMember } from './injected-members.js';
import type { ModelWrite } from './model-writes.js';

const MAX_DEPTH = 8;

/** The fields of the model a write stores into, or `undefined` when its declaration is not in view. */
export function getModelFieldNames(ctx: AnalysisContext, write: ModelWrite): ReadonlySet<string> | undefined {
  const tsApi = ctx.ts;
  const call = write.call;
  let target: ts.Expression | undefined;
  if (tsApi.isNewExpression(call)) target = call.expression;
  else {
    const callee = skipOuterExpressions(tsApi, call.expression);
    if (tsApi.isPropertyAccessExpression(callee)) target = callee.expression;
  }
  if (!target) return undefined;
  const fields = fieldsOf(ctx, ctx.sourceFile, target, 0);
  return fields && fields.size > 0 ? fields : undefined;
}

function fieldsOf(ctx: AnalysisContext, file: ts.SourceFile, expression: ts.Expression, depth: number): Set<string> | undefined {
  const tsApi = ctx.ts;
  if (depth > MAX_DEPTH) return undefined;
  const expr = skipOuterExpressions(tsApi, expression);
  if (tsApi.isPropertyAccessExpression(expr) && expr.expression.kind === tsApi.SyntaxKind.ThisKeyword) {
    return fieldsOfInjected(ctx, file, expr, depth);
  }
  if (!tsApi.isIdentifier(expr)) return undefined;
  const binding = resolveIdentifier(tsApi, expr);
  const declaration = binding?.declaration;
  if (declaration && tsApi.isClassDeclaration(declaration)) return fieldsOfClass(ctx, file, declaration, depth);
  if (declaration && tsApi.isParameter(declaration) && declaration.type) return fieldsOfType(ctx, file, declaration.type, depth);
  if (declaration && tsApi.isVariableDeclaration(declaration)) {
    if (declaration.type) {
      const byType = fieldsOfType(ctx, file, declaration.type, depth);
      if (byType) return byType;
    }
    if (declaration.initializer) return fieldsOfValue(ctx, file, declaration.initializer, depth);
    return undefined;
  }
  // an import: resolve it in project mode
  const symbol = resolveNestName({ ts: tsApi, project: ctx.project }, file, expr.text);
  if (symbol.kind !== 'declaration') return undefined;
  if (tsApi.isClassDeclaration(symbol.node)) return fieldsOfClass(ctx, symbol.file, symbol.node, depth + 1);
  if (tsApi.isVariableDeclaration(symbol.node) && symbol.node.initializer) return fieldsOfValue(ctx, symbol.file, symbol.node.initializer, depth + 1);
  return undefined;
}

/** `mongoose.model('User', userSchema)`, `sequelize.define('user', {...})`, `new User()`, `await User.findById(id)`. */
function fieldsOfValue(ctx: AnalysisContext, file: ts.SourceFile, value: ts.Expression, depth: number): Set<string> | undefined {
  const tsApi = ctx.ts;
  const expr = skipOuterExpressions(tsApi, value);
  if (tsApi.isNewExpression(expr)) return fieldsOf(ctx, file, expr.expression, depth + 1);
  if (!tsApi.isCallExpression(expr)) return undefined;
  const callee = skipOuterExpressions(tsApi, expr.expression);
  const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if ((name === 'model' || name === 'define') && expr.arguments[1]) return keysOfSchema(ctx, file, expr.arguments[1], depth + 1);
  if (name === 'getModelForClass' && expr.arguments[0]) return fieldsOf(ctx, file, expr.arguments[0], depth + 1);
  if (tsApi.isPropertyAccessExpression(callee)) return fieldsOf(ctx, file, callee.expression, depth + 1);
  return undefined;
}

/** `new Schema({ role: String })` or a plain attributes object. */
function keysOfSchema(ctx: AnalysisContext, file: ts.SourceFile, schema: ts.Expression, depth: number): Set<string> | undefined {
  const tsApi = ctx.ts;
  const resolved = resolveConstValue({ ts: tsApi, file, project: ctx.project }, schema);
  if (resolved.kind !== 'value') return undefined;
  let expr = skipOuterExpressions(tsApi, resolved.expression);
  if (tsApi.isNewExpression(expr) && expr.arguments?.[0]) expr = skipOuterExpressions(tsApi, expr.arguments[0]);
  if (!tsApi.isObjectLiteralExpression(expr) || depth > MAX_DEPTH) return undefined;
  return keysOfObject(tsApi, expr);
}

function keysOfObject(tsApi: TsApi, object: ts.ObjectLiteralExpression): Set<string> {
  const keys = new Set<string>();
  for (const prop of object.properties) {
    const name = prop.name ? getPropertyNameText(tsApi, prop.name) : undefined;
    if (name) keys.add(name);
  }
  return keys;
}

/** Properties of a class, and the attributes of its `static init({...})` call (Sequelize). */
function fieldsOfClass(ctx: AnalysisContext, file: ts.SourceFile, node: ts.ClassDeclaration, depth: number): Set<string> {
  const tsApi = ctx.ts;
  const fields = new Set<string>();
  for (const member of node.members) {
    if (tsApi.isPropertyDeclaration(member)) {
      const name = getPropertyNameText(tsApi, member.name);
      if (name) fields.add(name);
    }
  }
  const className = node.name?.text;
  if (className) {
    for (const statement of file.statements) {
      if (!tsApi.isExpressionStatement(statement)) continue;
      const call = skipOuterExpressions(tsApi, statement.expression);
      if (!tsApi.isCallExpression(call) || !call.arguments[0]) continue;
      const callee = skipOuterExpressions(tsApi, call.expression);
      if (tsApi.isPropertyAccessExpression(callee) && callee.name.text === 'init' && tsApi.isIdentifier(callee.expression) && callee.expression.text === className) {
        for (const key of keysOfSchema(ctx, file, call.arguments[0], depth + 1) ?? []) fields.add(key);
      }
    }
  }
  return fields;
}

function fieldsOfType(ctx: AnalysisContext, file: ts.SourceFile, type: ts.TypeNode, depth: number): Set<string> | undefined {
  const tsApi = ctx.ts;
  if (!tsApi.isTypeReferenceNode(type)) return undefined;
  // Repository<User>, Model<UserDocument>, EntityRepository<Book>: the type argument
  const inner = type.typeArguments?.[0];
  if (inner && tsApi.isTypeReferenceNode(inner) && tsApi.isIdentifier(inner.typeName)) return fieldsOfTypeName(ctx, file, inner.typeName, depth);
  if (tsApi.isIdentifier(type.typeName)) return fieldsOfTypeName(ctx, file, type.typeName, depth);
  return undefined;
}

function fieldsOfTypeName(ctx: AnalysisContext, file: ts.SourceFile, name: ts.Identifier, depth: number): Set<string> | undefined {
  const tsApi = ctx.ts;
  const symbol = resolveNestName({ ts: tsApi, project: ctx.project }, file, name.text);
  if (symbol.kind !== 'declaration') return undefined;
  if (tsApi.isClassDeclaration(symbol.node)) return fieldsOfClass(ctx, symbol.file, symbol.node, depth + 1);
  if (tsApi.isInterfaceDeclaration(symbol.node)) {
    const fields = new Set<string>();
    for (const member of symbol.node.members) {
      const key = member.name ? getPropertyNameText(tsApi, member.name) : undefined;
      if (key) fields.add(key);
    }
    return fields;
  }
  return undefined;
}

/** `this.repo` injected with `@InjectRepository(User)`, or typed `Repository<User>` as a parameter or property. */
function fieldsOfInjected(ctx: AnalysisContext, file: ts.SourceFile, access: ts.PropertyAccessExpression, depth: number): Set<string> | undefined {
  const member = findInjectedMember(ctx.ts, access);
  if (!member) return undefined;
  // A declared property (`private readonly repo: Repository<User>`) says it by its type.
  if (member.kind === 'property') return member.type ? fieldsOfType(ctx, file, member.type, depth + 1) : undefined;
  for (const target of member.targets) {
    const fields = fieldsOf(ctx, file, target, depth + 1);
    if (fields) return fields;
  }
  return member.type ? fieldsOfType(ctx, file, member.type, depth + 1) : undefined;
}
