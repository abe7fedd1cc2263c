/**
 * The edit behind the "read it from the environment" suggestion: the literal becomes
 * `process.env.NAME` (or a template that keeps the text around the secret, `Bearer ${…}`), and a
 * hardcoded fallback is dropped (`process.env.X || 'dev'` becomes `process.env.X`).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { TextEdit } from '../core/finding.js';

/** Escapes cooked text for a template literal. */
function escapeTemplateText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

/**
 * The edit that replaces the secret of `literal` (at `secretStart`, `secret.length` long) with
 * `process.env.<envName>`, or `undefined` where an expression cannot stand (string enum members)
 * or the literal is a template part.
 */
export function getEnvReplacementEdit(
  tsApi: TsApi,
  sourceFile: ts.SourceFile,
  literal: ts.Node,
  secret: string,
  secretStart: number,
  envName: string,
): TextEdit | undefined {
  if (!tsApi.isStringLiteral(literal) && !tsApi.isNoSubstitutionTemplateLiteral(literal)) return undefined;
  const parent = literal.parent;
  if (!parent || tsApi.isEnumMember(parent)) return undefined;
  const value = literal.text;
  const read = `process.env.${envName}`;
  let text: string;
  if (secretStart === 0 && secret.length === value.length) {
    text = read;
  } else {
    const before = value.slice(0, secretStart);
    const after = value.slice(secretStart + secret.length);
    text = `\`${escapeTemplateText(before)}\${${read}}${escapeTemplateText(after)}\``;
  }
  if (tsApi.isJsxAttribute(parent)) text = `{${text}}`;
  return { start: literal.getStart(sourceFile), end: literal.getEnd(), text };
}

/** The edit that drops the hardcoded fallback of `env || 'literal'` / `env ?? 'literal'`. */
export function getRemoveFallbackEdit(sourceFile: ts.SourceFile, fallback: ts.BinaryExpression): TextEdit {
  return { start: fallback.getStart(sourceFile), end: fallback.getEnd(), text: fallback.left.getText(sourceFile) };
}

/**
 * The edit that drops the default an environment variable falls back to, so it must be set:
 * `z.string().default('x').min(32)` becomes `z.string().min(32)` in a schema that parses
 * `process.env`, and `const { X = 'x' } = process.env` becomes `const { X } = process.env`.
 */
export function getRemoveEnvDefaultEdit(tsApi: TsApi, envDefault: ts.CallExpression | ts.BindingElement): TextEdit {
  if (tsApi.isBindingElement(envDefault)) return { start: envDefault.name.getEnd(), end: envDefault.getEnd(), text: '' };
  const access = envDefault.expression as ts.PropertyAccessExpression;
  return { start: access.expression.getEnd(), end: envDefault.getEnd(), text: '' };
}
