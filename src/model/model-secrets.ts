/**
 * The sensitive fields of the model a query is made on (`password`, `passwordHash`, `resetToken`:
 * `src/catalog/sensitive-fields.ts`), and which of them the model itself keeps out of responses:
 *
 * - Mongoose schemas (`new Schema({ password: { type: String, select: false } })`, a `toJSON`
 *   transform or method that mentions the field), Nest `@Prop({ select: false })` and typegoose `@prop`;
 * - TypeORM and MikroORM entities (`@Column({ select: false })`, `@Property({ hidden: true })`), and
 *   class-transformer `@Exclude()` (effective only under a `ClassSerializerInterceptor`);
 * - Sequelize `define`/`init` attributes with a `defaultScope` that excludes the field, sequelize-typescript `@DefaultScope`;
 * - Prisma models in `schema.prisma` (project mode), and the global `omit` of `new PrismaClient({ omit })`.
 *
 * The model is found from the receiver of the query (`User`, `this.userModel`, `this.repo`,
 * `getRepository(User)`, `prisma.user`). Per file, only declarations in the file count.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getDecoratorArguments, getDecoratorName, getDecorators, getObjectPropertyValue, getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { walkDescendants, forEachNodeOfKinds } from '../core/walk.js';
import { resolveNestName } from '../frameworks/nest-symbols.js';
import { RECORD_RETURNING_METHODS, isSensitiveFieldName, normalizeFieldName, withoutNonAccountFields } from '../catalog/sensitive-fields.js';
import { resolveConstValue } from './const-value.js';
import { findInjectedMember } from './injected-members.js';
import { findDeclarationInScope } from './scope-lookup.js';

export type HiddenBy = 'select: false' | 'toJSON' | '@Exclude()' | 'defaultScope' | 'omit';

export interface ModelSecrets {
  /** `User`, `user` (Prisma). */
  readonly name: string;
  /** Where the model is defined, for messages: `mongoose schema`, `entity`, `sequelize model`, `schema.prisma`. */
  readonly definedBy: string;
  /** The sensitive fields the model declares, as written. */
  readonly sensitive: readonly string[];
  /** How the model keeps some of them out of responses. */
  readonly hidden: ReadonlyMap<string, HiddenBy>;
}

export interface SecretsLookup {
  readonly ts: TsApi;
  readonly project?: ProjectIndex;
  readonly extraFields: readonly string[];
}

const MAX_DEPTH = 10;
const MODEL_FACTORY = /^(?:model|define)$/;
const REPOSITORY_GETTER = /^(?:getRepository|getMongoRepository|getCustomRepository|getTreeRepository)$/;
const prismaSchemaCache = new Map<string, string | null>();

/** The model behind a query receiver, when its definition is in view. */
export function getModelSecrets(lookup: SecretsLookup, file: ts.SourceFile, receiver: ts.Expression): ModelSecrets | undefined {
  const found = ofExpression(lookup, file, receiver, 0);
  if (!found) return undefined;
  const sensitive = withoutNonAccountFields(found.name, found.sensitive);
  return sensitive === found.sensitive ? found : { ...found, sensitive };
}

function ofExpression(lookup: SecretsLookup, file: ts.SourceFile, expression: ts.Expression, depth: number): ModelSecrets | undefined {
  const tsApi = lookup.ts;
  if (depth > MAX_DEPTH) return undefined;
  const expr = skipOuterExpressions(tsApi, expression);
  if (tsApi.isPropertyAccessExpression(expr)) {
    if (expr.expression.kind === tsApi.SyntaxKind.ThisKeyword) return ofInjected(lookup, file, expr, depth);
    const prisma = ofPrismaDelegate(lookup, file, expr);
    if (prisma) return prisma;
    return undefined;
  }
  if (tsApi.isCallExpression(expr)) {
    const callee = skipOuterExpressions(tsApi, expr.expression);
    const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (REPOSITORY_GETTER.test(name) && expr.arguments[0]) return ofExpression(lookup, file, expr.arguments[0], depth + 1);
    return undefined;
  }
  if (!tsApi.isIdentifier(expr)) return undefined;
  const local = findDeclarationInScope(tsApi, expr);
  if (local?.kind === 'variable' && !local.element) return ofDeclaration(lookup, file, local.node, depth + 1);
  if (local?.kind === 'parameter' && !local.element) return local.node.type ? ofTypeNode(lookup, file, local.node.type, depth + 1) : undefined;
  const symbol = resolveNestName({ ts: tsApi, project: lookup.project }, file, expr.text);
  if (symbol.kind !== 'declaration') return undefined;
  return ofDeclaration(lookup, symbol.file, symbol.node, depth + 1);
}

function ofDeclaration(lookup: SecretsLookup, file: ts.SourceFile, node: ts.Node, depth: number): ModelSecrets | undefined {
  const tsApi = lookup.ts;
  if (tsApi.isClassDeclaration(node)) return ofClass(lookup, file, node);
  if (tsApi.isInterfaceDeclaration(node)) return ofMembers(lookup, node.name.text, 'interface', node.members, new Map());
  if (tsApi.isTypeAliasDeclaration(node)) return ofTypeNode(lookup, file, node.type, depth + 1);
  if (tsApi.isVariableDeclaration(node) && node.initializer) {
    const init = skipOuterExpressions(tsApi, node.initializer);
    if (tsApi.isCallExpression(init)) {
      const callee = skipOuterExpressions(tsApi, init.expression);
      const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : '';
      const modelName = getStaticString(tsApi, init.arguments[0]) ?? '';
      if (MODEL_FACTORY.test(name) && init.arguments[1]) {
        return name === 'define' ? ofSequelizeDefine(lookup, file, modelName, init) : ofMongooseSchema(lookup, file, modelName, init.arguments[1]);
      }
      if ((name === 'getModelForClass' || REPOSITORY_GETTER.test(name)) && init.arguments[0]) return ofExpression(lookup, file, init.arguments[0], depth + 1);
    }
    if (tsApi.isIdentifier(init)) return ofExpression(lookup, file, init, depth + 1);
    // const user = new User(body); const user = await User.findById(id)
    if (tsApi.isNewExpression(init)) return ofExpression(lookup, file, init.expression, depth + 1);
    const awaited = tsApi.isAwaitExpression(init) ? skipOuterExpressions(tsApi, init.expression) : init;
    if (tsApi.isCallExpression(awaited)) {
      const callee = skipOuterExpressions(tsApi, awaited.expression);
      if (tsApi.isPropertyAccessExpression(callee) && RECORD_RETURNING_METHODS.includes(callee.name.text)) return ofExpression(lookup, file, callee.expression, depth + 1);
    }
  }
  return undefined;
}

/** `@InjectModel(User.name) private readonly userModel: Model<UserDocument>`, `@InjectRepository(User) repo`, `repo: Repository<User>`. */
function ofInjected(lookup: SecretsLookup, file: ts.SourceFile, access: ts.PropertyAccessExpression, depth: number): ModelSecrets | undefined {
  const member = findInjectedMember(lookup.ts, access);
  if (!member) return undefined;
  if (member.kind === 'property') {
    return member.initializer ? ofExpression(lookup, file, member.initializer, depth + 1) : member.type ? ofTypeNode(lookup, file, member.type, depth + 1) : undefined;
  }
  for (const target of member.targets) {
    const found = ofExpression(lookup, file, target, depth + 1);
    if (found) return found;
  }
  return member.type ? ofTypeNode(lookup, file, member.type, depth + 1) : undefined;
}

/** `Repository<User>`, `Model<UserDocument>`, `HydratedDocument<User>`, `User & Document`. */
function ofTypeNode(lookup: SecretsLookup, file: ts.SourceFile, type: ts.TypeNode, depth: number): ModelSecrets | undefined {
  const tsApi = lookup.ts;
  if (depth > MAX_DEPTH) return undefined;
  if (tsApi.isIntersectionTypeNode(type)) {
    for (const part of type.types) {
      const found = ofTypeNode(lookup, file, part, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!tsApi.isTypeReferenceNode(type) || !tsApi.isIdentifier(type.typeName)) return undefined;
  const inner = type.typeArguments?.[0];
  if (inner) return ofTypeNode(lookup, file, inner, depth + 1);
  const symbol = resolveNestName({ ts: tsApi, project: lookup.project }, file, type.typeName.text);
  if (symbol.kind !== 'declaration') return undefined;
  return ofDeclaration(lookup, symbol.file, symbol.node, depth + 1);
}

function ofClass(lookup: SecretsLookup, file: ts.SourceFile, node: ts.ClassDeclaration): ModelSecrets | undefined {
  const tsApi = lookup.ts;
  const hidden = new Map<string, HiddenBy>();
  for (const decorator of getDecorators(tsApi, node)) {
    if (getDecoratorName(tsApi, decorator) === 'DefaultScope') {
      for (const name of excludedNames(tsApi, decorator)) hidden.set(normalizeFieldName(name), 'defaultScope');
    }
  }
  const name = node.name?.text ?? 'model';
  const found = ofMembers(lookup, name, 'entity', node.members, hidden);
  // Sequelize `User.init({...}, { defaultScope })` and `toJSON()` methods that drop fields.
  for (const member of node.members) {
    if (tsApi.isMethodDeclaration(member) && getPropertyNameText(tsApi, member.name) === 'toJSON' && member.body) {
      for (const field of found?.sensitive ?? []) if (mentions(member.body.getText(), field)) hidden.set(normalizeFieldName(field), 'toJSON');
    }
  }
  applyFileLevelHiding(lookup, file, name, found?.sensitive ?? [], hidden);
  return found;
}

function ofMembers(
  lookup: SecretsLookup,
  name: string,
  definedBy: string,
  members: ts.NodeArray<ts.ClassElement | ts.TypeElement>,
  hidden: Map<string, HiddenBy>,
): ModelSecrets | undefined {
  const tsApi = lookup.ts;
  const sensitive: string[] = [];
  for (const member of members) {
    if (!tsApi.isPropertyDeclaration(member) && !tsApi.isPropertySignature(member)) continue;
    const field = getPropertyNameText(tsApi, member.name);
    if (!field || !isSensitiveFieldName(field, lookup.extraFields)) continue;
    sensitive.push(field);
    for (const decorator of getDecorators(tsApi, member)) {
      const decoratorName = getDecoratorName(tsApi, decorator) ?? '';
      if (decoratorName === 'Exclude') hidden.set(normalizeFieldName(field), '@Exclude()');
      const options = getDecoratorArguments(tsApi, decorator).find((a) => tsApi.isObjectLiteralExpression(a));
      if (options && tsApi.isObjectLiteralExpression(options)) {
        if (isFalse(tsApi, getObjectPropertyValue(tsApi, options, 'select')) || isTrue(tsApi, getObjectPropertyValue(tsApi, options, 'hidden'))) {
          hidden.set(normalizeFieldName(field), 'select: false');
        }
      }
    }
  }
  return { name, definedBy, sensitive, hidden };
}

/** `mongoose.model('User', userSchema)`: the schema's keys, `select: false`, toJSON transforms. */
function ofMongooseSchema(lookup: SecretsLookup, file: ts.SourceFile, modelName: string, schemaArg: ts.Expression): ModelSecrets | undefined {
  const tsApi = lookup.ts;
  const resolved = resolveConstValue({ ts: tsApi, file, project: lookup.project }, schemaArg);
  if (resolved.kind !== 'value') return undefined;
  const schemaFile = resolved.file;
  let expr = skipOuterExpressions(tsApi, resolved.expression);
  let options: ts.Expression | undefined;
  if (tsApi.isCallExpression(expr)) {
    // SchemaFactory.createForClass(User)
    const arg = expr.arguments[0];
    return arg ? ofExpression(lookup, schemaFile, arg, 1) : undefined;
  }
  if (tsApi.isNewExpression(expr) && expr.arguments?.[0]) {
    options = expr.arguments[1];
    expr = skipOuterExpressions(tsApi, expr.arguments[0]);
  }
  if (!tsApi.isObjectLiteralExpression(expr)) return undefined;
  const sensitive: string[] = [];
  const hidden = new Map<string, HiddenBy>();
  for (const property of expr.properties) {
    const field = property.name ? getPropertyNameText(tsApi, property.name) : undefined;
    if (!field || !isSensitiveFieldName(field, lookup.extraFields)) continue;
    sensitive.push(field);
    const value = tsApi.isPropertyAssignment(property) ? skipOuterExpressions(tsApi, property.initializer) : undefined;
    if (value && tsApi.isObjectLiteralExpression(value) && isFalse(tsApi, getObjectPropertyValue(tsApi, value, 'select'))) {
      hidden.set(normalizeFieldName(field), 'select: false');
    }
    // `private: true` is read by the common toJSON plugins (`schema.plugin(toJSON)`), which drop the field.
    if (value && tsApi.isObjectLiteralExpression(value) && isTrue(tsApi, getObjectPropertyValue(tsApi, value, 'private'))) {
      hidden.set(normalizeFieldName(field), 'toJSON');
    }
  }
  if (options) {
    const text = options.getText();
    for (const field of sensitive) if (/toJSON|toObject/.test(text) && mentions(text, field)) hidden.set(normalizeFieldName(field), 'toJSON');
  }
  // userSchema.set('toJSON', {...}), userSchema.methods.toJSON = function () {...}
  const schemaName = tsApi.isIdentifier(schemaArg) ? schemaArg.text : undefined;
  if (schemaName) applyFileLevelHiding(lookup, schemaFile, schemaName, sensitive, hidden);
  return { name: modelName || 'model', definedBy: 'mongoose schema', sensitive, hidden };
}

/** `sequelize.define('user', attributes, { defaultScope: { attributes: { exclude: [...] } } })`. */
function ofSequelizeDefine(lookup: SecretsLookup, file: ts.SourceFile, modelName: string, call: ts.CallExpression): ModelSecrets | undefined {
  const tsApi = lookup.ts;
  const attributes = call.arguments[1] ? skipOuterExpressions(tsApi, call.arguments[1]) : undefined;
  if (!attributes || !tsApi.isObjectLiteralExpression(attributes)) return undefined;
  const sensitive: string[] = [];
  for (const property of attributes.properties) {
    const field = property.name ? getPropertyNameText(tsApi, property.name) : undefined;
    if (field && isSensitiveFieldName(field, lookup.extraFields)) sensitive.push(field);
  }
  const hidden = new Map<string, HiddenBy>();
  const options = call.arguments[2];
  if (options) for (const name of excludedNames(tsApi, options)) hidden.set(normalizeFieldName(name), 'defaultScope');
  const variable = tsApi.isVariableDeclaration(call.parent) && tsApi.isIdentifier(call.parent.name) ? call.parent.name.text : modelName;
  applyFileLevelHiding(lookup, file, variable, sensitive, hidden);
  return { name: modelName || variable, definedBy: 'sequelize model', sensitive, hidden };
}

/**
 * Statements of the model's file that hide fields: `schema.set('toJSON', ...)`, `schema.methods.toJSON = ...`,
 * `Model.prototype.toJSON = ...`, `Model.init(attrs, { defaultScope })`, `Model.addScope('defaultScope', ...)`.
 */
function applyFileLevelHiding(lookup: SecretsLookup, file: ts.SourceFile, owner: string, sensitive: readonly string[], hidden: Map<string, HiddenBy>): void {
  const tsApi = lookup.ts;
  if (sensitive.length === 0) return;
  forEachNodeOfKinds(tsApi, file, [tsApi.SyntaxKind.CallExpression, tsApi.SyntaxKind.BinaryExpression], (node) => {
    if (tsApi.isCallExpression(node)) {
      const callee = skipOuterExpressions(tsApi, node.expression);
      if (!tsApi.isPropertyAccessExpression(callee) || !tsApi.isIdentifier(callee.expression) || callee.expression.text !== owner) return undefined;
      const method = callee.name.text;
      const first = getStaticString(tsApi, node.arguments[0]);
      if (method === 'set' && (first === 'toJSON' || first === 'toObject')) {
        const text = node.getText();
        for (const field of sensitive) if (mentions(text, field)) hidden.set(normalizeFieldName(field), 'toJSON');
      }
      if (method === 'init' && node.arguments[1]) for (const name of excludedNames(tsApi, node.arguments[1])) hidden.set(normalizeFieldName(name), 'defaultScope');
      if (method === 'addScope' && first === 'defaultScope') for (const name of excludedNames(tsApi, node)) hidden.set(normalizeFieldName(name), 'defaultScope');
      return undefined;
    }
    if (tsApi.isBinaryExpression(node) && node.operatorToken.kind === tsApi.SyntaxKind.EqualsToken) {
      const target = node.left.getText().replace(/\s+/g, '');
      if (target === `${owner}.methods.toJSON` || target === `${owner}.prototype.toJSON` || target === `${owner}.options.toJSON`) {
        const text = node.right.getText();
        for (const field of sensitive) if (mentions(text, field)) hidden.set(normalizeFieldName(field), 'toJSON');
      }
    }
    return undefined;
  });
}

/** `prisma.user` (or `this.prisma.user`): the `user` model of the project's `schema.prisma`, and the client's global `omit`. */
function ofPrismaDelegate(lookup: SecretsLookup, file: ts.SourceFile, access: ts.PropertyAccessExpression): ModelSecrets | undefined {
  const tsApi = lookup.ts;
  if (!lookup.project) return undefined;
  const modelName = access.name.text;
  const schema = findPrismaSchema(tsApi, file.fileName);
  if (!schema) return undefined;
  const block = new RegExp(`\\bmodel\\s+${modelName}\\s*\\{([^}]*)\\}`, 'i').exec(schema);
  if (!block) return undefined;
  const sensitive: string[] = [];
  for (const line of block[1]!.split('\n')) {
    const field = /^\s*([A-Za-z_]\w*)\s+[A-Za-z]/.exec(line)?.[1];
    if (field && isSensitiveFieldName(field, lookup.extraFields)) sensitive.push(field);
  }
  const hidden = new Map<string, HiddenBy>();
  // new PrismaClient({ omit: { user: { passwordHash: true } } })
  const root = skipOuterExpressions(tsApi, access.expression);
  if (tsApi.isIdentifier(root)) {
    const symbol = resolveNestName({ ts: tsApi, project: lookup.project }, file, root.text);
    const init = symbol.kind === 'declaration' && tsApi.isVariableDeclaration(symbol.node) ? symbol.node.initializer : undefined;
    const value = init ? skipOuterExpressions(tsApi, init) : undefined;
    const options = value && tsApi.isNewExpression(value) ? value.arguments?.[0] : undefined;
    const omit = options && tsApi.isObjectLiteralExpression(options) ? getObjectPropertyValue(tsApi, options, 'omit') : undefined;
    const forModel = omit && tsApi.isObjectLiteralExpression(omit) ? getObjectPropertyValue(tsApi, omit, modelName) : undefined;
    if (forModel && tsApi.isObjectLiteralExpression(forModel)) {
      for (const property of forModel.properties) {
        const field = property.name ? getPropertyNameText(tsApi, property.name) : undefined;
        if (field) hidden.set(normalizeFieldName(field), 'omit');
      }
    }
  }
  return { name: modelName, definedBy: 'schema.prisma', sensitive, hidden };
}

/** `prisma/schema.prisma` or `schema.prisma` in the file's folder or one of its parents (read once per path). */
function findPrismaSchema(tsApi: TsApi, fileName: string): string | undefined {
  let dir = fileName.replace(/[\\/][^\\/]*$/, '');
  for (let i = 0; i < 8 && dir; i++) {
    for (const candidate of [`${dir}/prisma/schema.prisma`, `${dir}/schema.prisma`]) {
      let text = prismaSchemaCache.get(candidate);
      if (text === undefined) {
        try {
          text = tsApi.sys.fileExists(candidate) ? (tsApi.sys.readFile(candidate) ?? null) : null;
        } catch {
          text = null;
        }
        prismaSchemaCache.set(candidate, text);
      }
      if (text) return text;
    }
    const parent = dir.replace(/[\\/][^\\/]*$/, '');
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** The strings of every `exclude: [...]` array under a node. */
function excludedNames(tsApi: TsApi, node: ts.Node): string[] {
  const names: string[] = [];
  walkDescendants(tsApi, node, (inner) => {
    if (tsApi.isPropertyAssignment(inner) && getPropertyNameText(tsApi, inner.name) === 'exclude') {
      const list = skipOuterExpressions(tsApi, inner.initializer);
      if (tsApi.isArrayLiteralExpression(list)) for (const e of list.elements) names.push(getStaticString(tsApi, e) ?? '');
    }
    return undefined;
  });
  return names.filter(Boolean);
}

function mentions(text: string, field: string): boolean {
  return new RegExp(`\\b${field}\\b`).test(text);
}

function isFalse(tsApi: TsApi, node: ts.Expression | undefined): boolean {
  return node !== undefined && skipOuterExpressions(tsApi, node).kind === tsApi.SyntaxKind.FalseKeyword;
}

function isTrue(tsApi: TsApi, node: ts.Expression | undefined): boolean {
  return node !== undefined && skipOuterExpressions(tsApi, node).kind === tsApi.SyntaxKind.TrueKeyword;
}
