/**
 * The edit that makes a Nest `ValidationPipe` whitelist (strip properties the DTO does not
 * decorate), for `no-mass-assignment`'s suggestion: `new ValidationPipe()` gets
 * `{ whitelist: true }`, an options literal gets `whitelist: true` (or its `whitelist: false`
 * flipped), and a bare class reference (`@UsePipes(ValidationPipe)`) becomes
 * `new ValidationPipe({ whitelist: true })`. Only for pipes written in the analyzed file whose
 * options are a literal there; anything else has no edit.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { TextEdit } from '../core/finding.js';
import { skipOuterExpressions } from '../core/ast.js';
import type { NestValidationPipeUse } from './nest-validation.js';

/** Narrowest first: the pipe closest to the body changes the least. */
const LEVEL_ORDER: readonly NestValidationPipeUse['level'][] = ['parameter', 'route', 'controller', 'global'];

/** The pipe to change and its edit: the narrowest non-whitelisting pipe written in `sourceFile`. */
export function getWhitelistSuggestion(
  tsApi: TsApi,
  sourceFile: ts.SourceFile,
  pipes: readonly NestValidationPipeUse[],
): { readonly pipe: NestValidationPipeUse; readonly edit: TextEdit } | undefined {
  const candidates = pipes
    .filter((pipe) => pipe.file === sourceFile && pipe.whitelist === false)
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  for (const pipe of candidates) {
    const edit = getWhitelistEdit(tsApi, sourceFile, pipe.node);
    if (edit) return { pipe, edit };
  }
  return undefined;
}

function getWhitelistEdit(tsApi: TsApi, sourceFile: ts.SourceFile, node: ts.Node): TextEdit | undefined {
  const text = sourceFile.text;
  if (tsApi.isIdentifier(node)) {
    return { start: node.getStart(sourceFile), end: node.getEnd(), text: `new ${node.text}({ whitelist: true })` };
  }
  if (!tsApi.isNewExpression(node)) return undefined;
  const args = node.arguments;
  if (!args) return { start: node.getEnd(), end: node.getEnd(), text: '({ whitelist: true })' };
  if (args.length === 0) return { start: args.pos, end: args.end, text: '{ whitelist: true }' };
  const options = skipOuterExpressions(tsApi, args[0]!);
  if (!tsApi.isObjectLiteralExpression(options)) return undefined;
  for (const prop of options.properties) {
    if (tsApi.isPropertyAssignment(prop) && prop.name.getText(sourceFile).replace(/['"]/g, '') === 'whitelist') {
      return prop.initializer.kind === tsApi.SyntaxKind.FalseKeyword
        ? { start: prop.initializer.getStart(sourceFile), end: prop.initializer.getEnd(), text: 'true' }
        : undefined;
    }
  }
  const first = options.properties[0];
  if (!first) return { start: options.getStart(sourceFile), end: options.getEnd(), text: '{ whitelist: true }' };
  const firstStart = first.getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
  const indent = text.slice(lineStart, firstStart);
  // A multi-line literal gets its own line; a one-line literal stays on one line.
  const separator = /^\s*$/.test(indent) ? `\n${indent}` : ' ';
  return { start: firstStart, end: firstStart, text: `whitelist: true,${separator}` };
}
