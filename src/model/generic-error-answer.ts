/**
 * The edits that replace a caught error sent to the client with a generic answer and a log line,
 * for `no-verbose-errors`'s suggestion:
 *
 *     catch (err) { res.status(500).send(err.message); }
 *  →  catch (err) { console.error(err); res.status(500).send('Internal Server Error'); }
 *
 * Only where that is a local, safe change: the payload is the caught error itself or a property
 * read from it (`err`, `err.message`, `err.stack`), sent with `send` or `json` in a statement of a
 * block, and the error variable is a catch variable or a parameter of a function around the
 * statement. An object built around the error (`{ ok: false, error: err.message }`) has no edit:
 * its other fields are the handler's own contract.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { TextEdit } from '../core/finding.js';
import { skipOuterExpressions } from '../core/ast.js';

const GENERIC_MESSAGE = 'Internal Server Error';

export function getGenericErrorAnswer(
  tsApi: TsApi,
  sourceFile: ts.SourceFile,
  sinkCall: ts.Node,
  payload: ts.Expression,
): { readonly error: string; readonly logged: boolean; readonly edits: readonly TextEdit[] } | undefined {
  if (!tsApi.isCallExpression(sinkCall) || sinkCall.getSourceFile() !== sourceFile || sinkCall.arguments.length !== 1) return undefined;
  if (sinkCall.arguments[0] !== payload) return undefined;
  const callee = sinkCall.expression;
  if (!tsApi.isPropertyAccessExpression(callee) || (callee.name.text !== 'send' && callee.name.text !== 'json')) return undefined;
  const errorName = getRootIdentifier(tsApi, payload);
  if (!errorName) return undefined;
  const statement = sinkCall.parent;
  if (!statement || !(tsApi.isExpressionStatement(statement) || tsApi.isReturnStatement(statement)) || statement.expression !== sinkCall) return undefined;
  if (!statement.parent || !tsApi.isBlock(statement.parent) || !declaresErrorAround(tsApi, statement, errorName.text)) return undefined;
  const text = sourceFile.text;
  const start = statement.getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = text.slice(lineStart, start);
  const logLine = /^\s*$/.test(indent) ? `console.error(${errorName.text});\n${indent}` : `console.error(${errorName.text}); `;
  const answer = callee.name.text === 'json' ? `{ error: '${GENERIC_MESSAGE}' }` : `'${GENERIC_MESSAGE}'`;
  const replaceAnswer: TextEdit = { start: payload.getStart(sourceFile), end: payload.getEnd(), text: answer };
  // An earlier `logger.error(err)` in the block already logs it.
  if (isLoggedBefore(tsApi, statement, errorName.text)) return { error: errorName.text, logged: true, edits: [replaceAnswer] };
  return { error: errorName.text, logged: false, edits: [{ start, end: start, text: logLine }, replaceAnswer] };
}

const LOG_CALL = /(?:^|\.)(?:log|error|warn|fatal|report|capture\w*|notify)$/i;

/** True when a statement before `statement` in its block passes `name` to a logging-like call. */
function isLoggedBefore(tsApi: TsApi, statement: ts.Statement, name: string): boolean {
  const block = statement.parent as ts.Block;
  for (const earlier of block.statements) {
    if (earlier === statement) return false;
    if (!tsApi.isExpressionStatement(earlier)) continue;
    const call = skipOuterExpressions(tsApi, earlier.expression);
    if (!tsApi.isCallExpression(call)) continue;
    const calleeText = call.expression.getText(statement.getSourceFile());
    if (LOG_CALL.test(calleeText) && call.arguments.some((a) => tsApi.isIdentifier(a) && a.text === name)) return true;
  }
  return false;
}

/** `err` in `err`, `err.message`, `(err as Error).stack`; `undefined` for anything else. */
function getRootIdentifier(tsApi: TsApi, expression: ts.Expression): ts.Identifier | undefined {
  let current = skipOuterExpressions(tsApi, expression);
  for (let depth = 0; depth < 8; depth++) {
    if (tsApi.isIdentifier(current)) return current;
    if (!tsApi.isPropertyAccessExpression(current)) return undefined;
    current = skipOuterExpressions(tsApi, current.expression);
  }
  return undefined;
}

/** True when `name` is the catch variable or a parameter of a function that encloses `node`. */
function declaresErrorAround(tsApi: TsApi, node: ts.Node, name: string): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (tsApi.isCatchClause(current)) {
      const variable = current.variableDeclaration;
      if (variable && tsApi.isIdentifier(variable.name) && variable.name.text === name) return true;
    }
    if (tsApi.isFunctionLike(current) && current.parameters.some((p) => tsApi.isIdentifier(p.name) && p.name.text === name)) return true;
  }
  return false;
}
