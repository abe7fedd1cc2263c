/**
 * The part of the TypeScript compiler API the analysis uses, as a small object with fast properties.
 *
 * The `typescript` module object has over two thousand properties, so V8 keeps it in dictionary
 * mode: every `tsApi.isIdentifier(node)` is a hash-table lookup, and the optimizing compiler cannot
 * inline the one-line type guard behind it. The analysis makes such calls for nearly every node it
 * looks at, many times over, so `toTsApi` copies the members below into a plain object once per
 * TypeScript module (10 to 14% less time for `scan` of the generated 100,000-line bench app, see
 * `bench/README.md`).
 *
 * `TsApi` is typed as exactly these members, so using another one is a compile error: add its name
 * to `TS_API_MEMBERS`. Front ends (the ESLint adapter, the CLI loader) convert the namespace they
 * load; the core receives `ctx.ts` and never sees the module itself. A full namespace (as tests pass)
 * is a valid `TsApi` too, only slower.
 */
import type * as ts from 'typescript';

export const TS_API_MEMBERS = [
  'IndexKind', 'JsxEmit', 'ModuleKind', 'ModuleResolutionKind', 'NodeFlags', 'ScriptKind',
  'ScriptTarget', 'SyntaxKind', 'canHaveDecorators', 'canHaveModifiers', 'createCompilerHost',
  'createModuleResolutionCache', 'createProgram', 'createSourceFile', 'factory',
  'flattenDiagnosticMessageText', 'forEachChild', 'getDecorators', 'getLeadingCommentRanges',
  'getModifiers', 'isArrayBindingPattern', 'isArrayLiteralExpression', 'isArrayTypeNode',
  'isArrowFunction', 'isAsExpression', 'isAwaitExpression', 'isBinaryExpression',
  'isBindingElement', 'isBlock', 'isBreakOrContinueStatement', 'isBreakStatement',
  'isCallExpression', 'isCaseBlock', 'isCaseClause', 'isCatchClause', 'isClassDeclaration',
  'isClassExpression', 'isClassLike', 'isComputedPropertyName', 'isConditionalExpression',
  'isConstructorDeclaration', 'isContinueStatement', 'isDecorator', 'isDefaultClause',
  'isDeleteExpression', 'isDoStatement', 'isElementAccessExpression', 'isEnumDeclaration',
  'isEnumMember', 'isExportAssignment', 'isExportDeclaration', 'isExpression',
  'isExpressionStatement', 'isExternalModuleReference', 'isForInStatement', 'isForOfStatement',
  'isForStatement', 'isFunctionDeclaration', 'isFunctionExpression', 'isFunctionLike',
  'isGetAccessorDeclaration', 'isIdentifier', 'isIfStatement', 'isImportClause',
  'isImportDeclaration', 'isImportEqualsDeclaration', 'isImportSpecifier', 'isImportTypeNode',
  'isInterfaceDeclaration', 'isIntersectionTypeNode', 'isJsxAttribute', 'isJsxExpression',
  'isLabeledStatement', 'isLiteralTypeNode', 'isMappedTypeNode', 'isMetaProperty',
  'isMethodDeclaration', 'isModuleBlock', 'isModuleDeclaration', 'isNamedImports',
  'isNamespaceExport', 'isNamespaceImport', 'isNewExpression', 'isNoSubstitutionTemplateLiteral',
  'isNonNullExpression', 'isNumericLiteral', 'isObjectBindingPattern', 'isObjectLiteralExpression',
  'isOmittedExpression', 'isParameter', 'isParenthesizedExpression', 'isParenthesizedTypeNode',
  'isPostfixUnaryExpression', 'isPrefixUnaryExpression', 'isPrivateIdentifier',
  'isPropertyAccessExpression', 'isPropertyAssignment', 'isPropertyDeclaration',
  'isPropertySignature', 'isQualifiedName', 'isRegularExpressionLiteral', 'isReturnStatement',
  'isSatisfiesExpression', 'isSetAccessorDeclaration', 'isShorthandPropertyAssignment',
  'isSourceFile', 'isSpreadAssignment', 'isSpreadElement', 'isStatement', 'isStringLiteral',
  'isStringLiteralLike', 'isSwitchStatement', 'isTaggedTemplateExpression', 'isTemplateExpression',
  'isTemplateHead', 'isTemplateMiddle', 'isTemplateSpan', 'isTemplateTail', 'isThrowStatement',
  'isTryStatement', 'isTupleTypeNode', 'isTypeAliasDeclaration', 'isTypeAssertionExpression',
  'isTypeLiteralNode', 'isTypeOfExpression', 'isTypeQueryNode', 'isTypeReferenceNode',
  'isUnionTypeNode', 'isVariableDeclaration', 'isVariableDeclarationList', 'isVariableStatement',
  'isVoidExpression', 'isWhileStatement', 'isYieldExpression', 'parseConfigFileTextToJson',
  'parseJsonConfigFileContent', 'parseJsonText', 'resolveModuleName', 'sys', 'version',
] as const satisfies readonly (keyof typeof ts)[];

/**
 * Members TypeScript does not declare publicly that the analysis reads when present; copied when
 * the module has them, `undefined` otherwise (callers check).
 */
const INTERNAL_MEMBERS = ['getEmitModuleResolutionKind'] as const;

/** The TypeScript compiler API namespace, used as a value only through `ctx.ts`. */
export type TsApi = Pick<typeof ts, (typeof TS_API_MEMBERS)[number]>;

const facades = new WeakSet<object>();
const byNamespace = new WeakMap<object, TsApi>();

/** The members the analysis uses, copied from a TypeScript module into a fast object (once per module). */
export function toTsApi(namespace: TsApi): TsApi {
  if (facades.has(namespace)) return namespace;
  let api = byNamespace.get(namespace);
  if (!api) {
    const source = namespace as unknown as Record<string, unknown>;
    // One object built at once keeps fast properties; adding two hundred one by one does not.
    api = Object.fromEntries([...TS_API_MEMBERS, ...INTERNAL_MEMBERS].map((name) => [name, source[name]])) as unknown as TsApi;
    facades.add(api);
    byNamespace.set(namespace, api);
  }
  return api;
}
