import { describe, expect, it } from 'vitest';
import { findOwnershipFlows } from '../../src/flow/ownership-flows.js';
import { fileContext } from './flow-test-kit.js';

const handler = (lookup: string): string => `
import express from 'express';
import { Invoice } from './invoice.model';
const app = express();
app.get('/invoices/:id', requireAuth, async (req, res) => {
  res.json(await ${lookup});
});
`;

function flows(code: string, purpose: 'rule' | 'inventory'): string[] {
  return findOwnershipFlows(fileContext(handler(code)), { for: purpose }).map((f) => `${f.lookup.callText} <- ${f.flow.source.label}`);
}

describe('findOwnershipFlows', () => {
  it('finds an id the client chose in an unscoped lookup, for the rule and for the inventory', () => {
    expect(flows('Invoice.findById(req.params.id)', 'rule')).toEqual(['Invoice.findById <- req.params.id']);
    expect(flows('Invoice.findById(req.params.id)', 'inventory')).toEqual(['Invoice.findById <- req.params.id']);
  });

  it('leaves a lookup scoped by an owner value that is no id to the inventory (the rule cannot report it)', () => {
    const scoped = 'Invoice.findOne({ _id: req.params.id, owner: req.user.id })';
    expect(flows(scoped, 'rule')).toEqual([]);
    expect(flows(scoped, 'inventory')).toEqual(['Invoice.findOne <- req.params.id']);
  });

  it('keeps a lookup for the rule when its owner key is an id the client may reach', () => {
    const ownerFromBody = 'Invoice.findOne({ _id: req.params.id, userId: req.body.userId })';
    expect(flows(ownerFromBody, 'rule').sort()).toEqual(['Invoice.findOne <- req.body.userId', 'Invoice.findOne <- req.params.id']);
  });
});
