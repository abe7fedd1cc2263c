import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { NestValidationPipeUse } from '../../src/model/nest-validation.js';
import { getWhitelistSuggestion } from '../../src/model/validation-pipe-whitelist.js';

/** The code after the suggested edit to the pipe expression `pipeText` in `code`. */
function suggest(code: string, pipeText: string, whitelist: boolean | 'unknown' = false): string | undefined {
  const file = ts.createSourceFile('/app/rooms.controller.ts', code, ts.ScriptTarget.Latest, true);
  let node: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (!node && n.getText(file) === pipeText && (ts.isNewExpression(n) || ts.isIdentifier(n))) node = n;
    n.forEachChild(visit);
  };
  visit(file);
  const pipe: NestValidationPipeUse = { node: node!, file, level: 'route', text: pipeText, whitelist, forbidNonWhitelisted: false, transform: false };
  const found = getWhitelistSuggestion(ts as never, file, [pipe]);
  return found && code.slice(0, found.edit.start) + found.edit.text + code.slice(found.edit.end);
}

describe('the whitelist suggestion for a ValidationPipe', () => {
  it('adds the options to a pipe constructed without any', () => {
    expect(suggest('@UsePipes(new ValidationPipe())', 'new ValidationPipe()')).toBe('@UsePipes(new ValidationPipe({ whitelist: true }))');
    expect(suggest('@UsePipes(new ValidationPipe)', 'new ValidationPipe')).toBe('@UsePipes(new ValidationPipe({ whitelist: true }))');
  });

  it('constructs a pipe given as a class', () => {
    expect(suggest('@UsePipes(ValidationPipe)', 'ValidationPipe')).toBe('@UsePipes(new ValidationPipe({ whitelist: true }))');
  });

  it('adds the option to a literal, or turns whitelist: false on', () => {
    expect(suggest('@UsePipes(new ValidationPipe({ transform: true }))', 'new ValidationPipe({ transform: true })')).toBe(
      '@UsePipes(new ValidationPipe({ whitelist: true, transform: true }))',
    );
    expect(suggest('@UsePipes(new ValidationPipe({}))', 'new ValidationPipe({})')).toBe('@UsePipes(new ValidationPipe({ whitelist: true }))');
    expect(suggest('@UsePipes(new ValidationPipe({ whitelist: false }))', 'new ValidationPipe({ whitelist: false })')).toBe(
      '@UsePipes(new ValidationPipe({ whitelist: true }))',
    );
  });

  it('offers nothing for options it cannot read, or a pipe already unknown', () => {
    // Options from a variable may be shared with other pipes: editing them is not local.
    expect(suggest('@UsePipes(new ValidationPipe(pipeOptions))', 'new ValidationPipe(pipeOptions)')).toBeUndefined();
    expect(suggest('@UsePipes(new ValidationPipe({ transform: true }))', 'new ValidationPipe({ transform: true })', 'unknown')).toBeUndefined();
  });
});
