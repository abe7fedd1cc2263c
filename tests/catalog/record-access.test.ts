/**
 * Every row of the record-access catalog, with one sample that matches it and one near miss that
 * does not. In each sample, `▶` marks the call under test.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RECORD_LOOKUPS, ROLE_ITEM_NAME, IDENTITY_PARAMETER_DECORATOR, POLICY_CALL } from '../../src/catalog/record-access.js';
import { matchRecordLookup, type RecordLookup } from '../../src/model/record-lookups.js';

function lookupAt(code: string): RecordLookup | undefined {
  const offset = code.indexOf('▶');
  expect(offset, 'sample has a ▶ marker').toBeGreaterThanOrEqual(0);
  const sourceFile = ts.createSourceFile('sample.ts', code.replace('▶', ''), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let target: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (target) return;
    if (ts.isCallExpression(node) && node.getStart(sourceFile) === offset) {
      target = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  expect(target, 'a call starts at ▶').toBeDefined();
  return matchRecordLookup({ ts, file: sourceFile }, target!);
}

const MODEL = `import { Invoice } from './models/invoice';\n`;

const SAMPLES: Record<string, { match: string; miss: string }> = {
  'findById family': { match: `${MODEL}▶Invoice.findById(id);`, miss: `import { InvoiceService } from './services';\n▶InvoiceService.findById(id);` },
  findByIdAndUpdate: { match: `${MODEL}▶Invoice.findByIdAndUpdate(id, { paid: true });`, miss: `${MODEL}▶Invoice.findByIdAndUpdate('fixed-id', { paid: true });` },
  findByIdAndDelete: { match: `${MODEL}▶Invoice.findByIdAndDelete(id);`, miss: `const cache = new Map();\n▶cache.findByIdAndDelete(id);` },
  'model findOne by filter': { match: `${MODEL}▶Invoice.findOne({ _id: id });`, miss: `${MODEL}▶Invoice.findOne({ number });` },
  'update by filter': { match: `${MODEL}▶Invoice.updateOne({ _id: id }, { paid: true });`, miss: `${MODEL}▶Invoice.updateOne(filter, { paid: true });` },
  'delete by filter': { match: `${MODEL}▶Invoice.destroy({ where: { id } });`, miss: `${MODEL}▶Invoice.destroy({ where: { paid: false } });` },
  'sequelize Model.update(values, { where })': { match: `${MODEL}▶Invoice.update({ paid: true }, { where: { id } });`, miss: `${MODEL}▶Invoice.update({ paid: true }, { where: { status: 'open' } });` },
  'typeorm repository update(id, values)': {
    match: `class S { constructor(private readonly invoiceRepository: Repository<Invoice>) {}\n m(id) { return ▶this.invoiceRepository.update(id, { paid: true }); } }`,
    miss: `class S { constructor(private readonly invoiceRepository: Repository<Invoice>) {}\n m() { return ▶this.invoiceRepository.update({ paid: false }, { paid: true }); } }`,
  },
  'typeorm repository delete(id)': {
    match: `import { getRepository } from 'typeorm';\n▶getRepository(Invoice).delete(id);`,
    miss: `import { getRepository } from 'typeorm';\n▶getRepository(Invoice).delete([1, 2]);`,
  },
  'entity manager findOne(Entity, filter)': {
    match: `import { EntityManager } from 'typeorm';\nfunction f(em: EntityManager, id: string) { return ▶em.findOneBy(Invoice, { id }); }`,
    miss: `import { EntityManager } from 'typeorm';\nfunction f(em: EntityManager) { return ▶em.findOneBy(Invoice, { paid: true }); }`,
  },
  'entity manager delete(Entity, id)': {
    match: `import { EntityManager } from 'typeorm';\nfunction f(em: EntityManager, id: string) { return ▶em.delete(Invoice, id); }`,
    miss: `import { EntityManager } from 'typeorm';\nfunction f(em: EntityManager) { return ▶em.delete(Invoice, { paid: true }); }`,
  },
  'prisma read by where': { match: `const prisma = new PrismaClient();\n▶prisma.invoice.findUnique({ where: { id } });`, miss: `const prisma = new PrismaClient();\n▶prisma.invoice.findMany({ where: { id } });` },
  'prisma update by where': { match: `const prisma = new PrismaClient();\n▶prisma.invoice.update({ where: { id }, data });`, miss: `const prisma = new PrismaClient();\n▶prisma.invoice.update({ where: { email }, data });` },
  'prisma delete by where': { match: `const prisma = new PrismaClient();\n▶prisma.invoice.delete({ where: { id } });`, miss: `const prisma = new PrismaClient();\n▶prisma.invoice.delete(where);` },
};

describe('record lookups catalog', () => {
  it('has a sample pair for every row', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(RECORD_LOOKUPS.map((r) => r.name).sort());
  });
  for (const row of RECORD_LOOKUPS) {
    it(`${row.name}: matches its sample, not its near miss`, () => {
      const sample = SAMPLES[row.name]!;
      expect(lookupAt(sample.match)?.row.name).toBe(row.name);
      expect(lookupAt(sample.miss)?.row.name).not.toBe(row.name);
    });
  }

  it('records the owner key of a scoped filter', () => {
    expect(lookupAt(`${MODEL}▶Invoice.findOne({ _id: id, owner: user.id });`)?.scopedBy?.key).toBe('owner');
  });

  it('reads the id inside new ObjectId(id)', () => {
    const found = lookupAt(`import { ObjectId } from 'mongodb';\nconst files = db.collection('files');\n▶files.deleteOne({ _id: new ObjectId(id) });`);
    expect(found?.ids.map((e) => e.getText())).toEqual(['id']);
  });
});

describe('caller identity names', () => {
  it.each(['requireLibrarian', 'onlyStaff', 'isModerator', 'StaffGuard', 'LibrarianGuard'])('%s is a role item', (name) => {
    expect(ROLE_ITEM_NAME.test(name)).toBe(true);
  });
  it.each(['requireAuth', 'requireUser', 'ensureLoggedIn', 'JwtAuthGuard', 'AuthGuard', 'requireAuthenticated', 'PATAuthGuard', 'UserAuthGuard', 'UserJwtAuthGuard', 'CustomAuthenticationGuard'])('%s is not a role item', (name) => {
    expect(ROLE_ITEM_NAME.test(name)).toBe(false);
  });
  it.each(['CurrentUser', 'User', 'AuthUser', 'GetUser', 'ReqUser', 'Tenant'])('@%s() injects the caller', (name) => {
    expect(IDENTITY_PARAMETER_DECORATOR.test(name)).toBe(true);
  });
  it.each(['Param', 'Body', 'Query', 'Pagination'])('@%s() does not', (name) => {
    expect(IDENTITY_PARAMETER_DECORATOR.test(name)).toBe(false);
  });
  it.each(['can', 'authorize', 'checkOwnership', 'assertOwnership', 'enforce'])('%s(...) asks a policy', (name) => {
    expect(POLICY_CALL.test(name)).toBe(true);
  });
  it.each(['find', 'save', 'candidate', 'canonical'])('%s(...) does not', (name) => {
    expect(POLICY_CALL.test(name)).toBe(false);
  });
});
