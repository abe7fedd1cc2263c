/**
 * The `typeFallback` setting: off by default, so no rule creates the type checker (creating it binds
 * the whole program, which in `scan` cost more than the rules' per-file work). On, it lets
 * `no-sensitive-data-exposure` ask the checker about a record whose model is not in view.
 */
import * as ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import rule from '../../rules/no-sensitive-data-exposure.js';
import { createAnalysisContext } from '../../src/core/context.js';
import { resolveSettings, SettingsError } from '../../src/settings/schema.js';

const code = `
import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
export const router = express.Router();

router.get('/users', async (req, res) => {
  res.json(await prisma.user.findMany());
});
`;

function detectWith(settings: Record<string, unknown>): { getChecker: ReturnType<typeof vi.fn> } {
  const sourceFile = ts.createSourceFile('/app/src/users.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const getChecker = vi.fn(() => undefined);
  const ctx = createAnalysisContext({ ts, sourceFile, settings: resolveSettings(settings), getChecker });
  rule.detect(ctx, rule.defaultOptions);
  return { getChecker };
}

describe('typeFallback setting', () => {
  it('is a boolean, false unless set', () => {
    expect(resolveSettings({}).typeFallback).toBe(false);
    expect(resolveSettings({ typeFallback: true }).typeFallback).toBe(true);
    expect(() => resolveSettings({ typeFallback: 'yes' })).toThrow(SettingsError);
    expect(() => resolveSettings({ typeFallback: 'yes' })).toThrow(/"typeFallback" must be true or false/);
  });

  it('by default no-sensitive-data-exposure never asks for the type checker, even when the model is not in view', () => {
    expect(detectWith({}).getChecker).not.toHaveBeenCalled();
  });

  it('when on, the record whose model is not in view is asked about through the checker', () => {
    expect(detectWith({ typeFallback: true }).getChecker).toHaveBeenCalled();
  });
});
