/**
 * The OWNERSHIP state the `routes` inventory prints: `checked`, `missing`, `none` (no record addressed
 * by a client-supplied id) or `unknown`, from the same model `require-ownership-check` reads.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createProjectIndex } from '../../src/project/project-index.js';
import { getProjectRoutes } from '../../src/model/resolve-api-model.js';
import { getRouteOwnershipState } from '../../src/model/route-ownership.js';
import { DEFAULT_SETTINGS } from '../../src/settings/schema.js';

const APP = `import express from 'express';
import { requireAuth } from './auth.js';
import { Invoice } from './invoice.js';
const app = express();
app.get('/invoices', requireAuth, async (req, res) => { res.json(await Invoice.find({ owner: req.user.id })); });
app.get('/invoices/:id', requireAuth, async (req, res) => { res.json(await Invoice.findById(req.params.id)); });
app.delete('/invoices/:id', requireAuth, async (req, res) => { await Invoice.deleteOne({ _id: req.params.id, owner: req.user.id }); res.end(); });
app.get('/public/:id', async (req, res) => { res.json(await Invoice.findById(req.params.id)); });
`;
const AUTH = `export function requireAuth(req, res, next) { if (!req.headers.authorization) return res.status(401).end(); next(); }`;
const MODEL = `import mongoose from 'mongoose';\nexport const Invoice = mongoose.model('Invoice', new mongoose.Schema({ owner: String }));`;

function states(): Record<string, string> {
  const files: Record<string, string> = { '/app/src/app.ts': APP, '/app/src/auth.ts': AUTH, '/app/src/invoice.ts': MODEL };
  const sourceFiles = Object.entries(files).map(([name, text]) => ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true));
  const index = createProjectIndex({
    ts,
    sourceFiles,
    compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: true },
    fileExists: (f) => f in files,
  });
  return Object.fromEntries(getProjectRoutes(index).map((route) => [`${route.methods.join('|')} ${route.fullPath}`, getRouteOwnershipState(index, route, DEFAULT_SETTINGS).state]));
}

describe('route ownership state', () => {
  it('tells checked, missing, none and unknown apart', () => {
    expect(states()).toEqual({
      'GET /invoices': 'none',
      'GET /invoices/:id': 'missing',
      'DELETE /invoices/:id': 'checked',
      'GET /public/:id': 'unknown',
    });
  });
});
