#!/usr/bin/env node
/**
 * Generates a large, realistic API code base for the speed benchmark: Express, NestJS and Fastify
 * services side by side (routers, controllers, plugins, services, DTOs, models, schemas), with a
 * realistic mix of protected and unprotected routes, validated and unvalidated writes, fixed and
 * variable outbound URLs, generic and verbose error answers, and a few hardcoded secrets, so the
 * rules do real work.
 *
 * Deterministic: the same `--seed` and `--lines` always write the same bytes (a seeded PRNG, no
 * clock, no Math.random). Nothing here is ever run; `types/vendor.d.ts` declares the packages the
 * code imports, so `tsc --noEmit` type-checks it without node_modules.
 *
 *   node bench/generate-app.mjs [--lines 100000] [--seed 1337] [--out bench/.generated] [--workspaces 1]
 *
 * With `--workspaces N` (N > 1) it writes a monorepo: `packages/service-1..N`, each an app of
 * lines/N lines with its own tsconfig and seed (seed + i), and a root package.json listing the
 * workspaces, the shape `scan` analyzes as N projects (used by bench/memory.mjs and bench/cache.mjs).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const DEFAULT_OPTIONS = Object.freeze({ lines: 100_000, seed: 1337, out: path.join(here, '.generated'), workspaces: 1 });

/**
 * mulberry32: a small, fast, well-distributed 32-bit PRNG.
 * @param {number} seed
 * @returns {() => number} a function returning floats in [0, 1)
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @typedef {{ random: () => number, pick: <T>(items: readonly T[]) => T, chance: (p: number) => boolean, int: (min: number, max: number) => number }} Dice */

/**
 * @param {() => number} random
 * @returns {Dice}
 */
function createDice(random) {
  return {
    random,
    pick: (items) => items[Math.floor(random() * items.length)],
    chance: (p) => random() < p,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
  };
}

const AREAS = ['billing', 'catalog', 'fleet', 'support', 'partner', 'warehouse', 'payroll', 'loyalty', 'media', 'compliance', 'travel', 'clinic', 'energy', 'campus', 'retail', 'logistics', 'insurance', 'events'];
const NOUNS = ['invoice', 'shipment', 'ticket', 'article', 'coupon', 'supplier', 'booking', 'payment', 'profile', 'contract', 'device', 'route', 'report', 'voucher', 'asset', 'claim', 'order', 'lead', 'course', 'meter', 'parcel', 'review', 'quote', 'schedule', 'batch', 'policy', 'license', 'inspection', 'survey', 'refund'];
/** Field pool: name, zod, class-validator, mongoose, JSON schema, TS type. */
const FIELDS = [
  ['title', 'z.string().min(1).max(200)', 'IsString', 'String', "{ type: 'string', minLength: 1, maxLength: 200 }", 'string'],
  ['description', 'z.string().max(5000).optional()', 'IsString', 'String', "{ type: 'string', maxLength: 5000 }", 'string'],
  ['amountCents', 'z.number().int().min(0)', 'IsInt', 'Number', "{ type: 'integer', minimum: 0 }", 'number'],
  ['quantity', 'z.number().int().min(1).max(1000)', 'IsInt', 'Number', "{ type: 'integer', minimum: 1, maximum: 1000 }", 'number'],
  ['currency', "z.enum(['EUR', 'USD', 'GBP'])", 'IsString', 'String', "{ type: 'string', enum: ['EUR', 'USD', 'GBP'] }", 'string'],
  ['reference', 'z.string().min(3).max(64)', 'IsString', 'String', "{ type: 'string', minLength: 3, maxLength: 64 }", 'string'],
  ['notes', 'z.string().max(2000).optional()', 'IsString', 'String', "{ type: 'string', maxLength: 2000 }", 'string'],
  ['dueDate', 'z.string().datetime()', 'IsDateString', 'Date', "{ type: 'string', format: 'date-time' }", 'string'],
  ['priority', "z.enum(['low', 'normal', 'high'])", 'IsString', 'String', "{ type: 'string', enum: ['low', 'normal', 'high'] }", 'string'],
  ['email', 'z.string().email()', 'IsEmail', 'String', "{ type: 'string', format: 'email' }", 'string'],
  ['phone', 'z.string().min(6).max(20).optional()', 'IsString', 'String', "{ type: 'string', pattern: '^[+0-9 ]{6,20}$' }", 'string'],
  ['tags', 'z.array(z.string()).max(20).default([])', 'IsArray', '[String]', "{ type: 'array', items: { type: 'string' }, maxItems: 20 }", 'string[]'],
  ['weightGrams', 'z.number().int().min(0).optional()', 'IsInt', 'Number', "{ type: 'integer', minimum: 0 }", 'number'],
  ['countryCode', 'z.string().length(2)', 'IsString', 'String', "{ type: 'string', minLength: 2, maxLength: 2 }", 'string'],
  ['active', 'z.boolean().default(true)', 'IsBoolean', 'Boolean', "{ type: 'boolean' }", 'boolean'],
];
const SENSITIVE_FIELDS = [
  ['ownerId', 'String'],
  ['approved', 'Boolean'],
  ['role', 'String'],
  ['discountRate', 'Number'],
  ['verified', 'Boolean'],
];
const STATUSES = ['draft', 'open', 'pending', 'active', 'closed', 'archived'];
const PARTNER_HOSTS = ['api.partner-hub.example.com', 'rates.carrier-one.example', 'gateway.ledgerly.example', 'sync.crm-cloud.example', 'geo.mapsource.example'];
/** Fake, randomly shaped credentials: valid for nothing. */
const FAKE_SECRET_PREFIXES = ['sk_live_', 'xoxb-', 'SG.', 'ghp_', 'AKIA'];

/**
 * @param {string} text
 * @returns {string}
 */
const pascal = (text) => text.charAt(0).toUpperCase() + text.slice(1);
/**
 * @param {string} camel
 * @returns {string}
 */
const kebab = (camel) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * @param {Dice} dice
 * @param {number} length
 * @returns {string}
 */
function fakeToken(dice, length) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(dice.random() * alphabet.length)];
  return out;
}

/** @typedef {{ camel: string, pascal: string, kebab: string, plural: string, fields: string[][], status: string[], host: string }} Domain */

/**
 * @param {Dice} dice
 * @param {Set<string>} used
 * @returns {Domain}
 */
function nextDomain(dice, used) {
  for (let attempt = 0; ; attempt++) {
    const noun = dice.pick(NOUNS);
    const base = `${dice.pick(AREAS)}${pascal(noun)}`;
    const camel = attempt < 50 ? base : `${base}${attempt}`;
    if (used.has(camel)) continue;
    used.add(camel);
    const fields = [];
    const pool = [...FIELDS];
    const count = dice.int(5, 9);
    while (fields.length < count) fields.push(pool.splice(Math.floor(dice.random() * pool.length), 1)[0]);
    return {
      camel,
      pascal: pascal(camel),
      kebab: kebab(camel),
      plural: `${camel}s`,
      fields,
      status: STATUSES.slice(0, dice.int(3, STATUSES.length)),
      host: dice.pick(PARTNER_HOSTS),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers: pure code every service has (mapping, totals, pagination), so files are not
// only routes.
// ---------------------------------------------------------------------------------------------

/**
 * @param {Domain} d
 * @param {Dice} dice
 * @returns {string}
 */
function pureHelpers(d, dice) {
  const threshold = dice.int(2, 50) * 100;
  return `
export interface ${d.pascal}Summary {
  total: number;
  byStatus: Record<string, number>;
  flagged: string[];
}

/** Counts records per status and flags the ones above the review threshold. */
export function summarize${d.pascal}s(records: Array<{ id: string; status: string; amountCents?: number }>): ${d.pascal}Summary {
  const byStatus: Record<string, number> = {};
  const flagged: string[] = [];
  for (const record of records) {
    byStatus[record.status] = (byStatus[record.status] ?? 0) + 1;
    if ((record.amountCents ?? 0) > ${threshold}) flagged.push(record.id);
  }
  return { total: records.length, byStatus, flagged };
}

export function next${d.pascal}Status(current: string, action: 'advance' | 'revert' | 'close'): string {
  const order = ${JSON.stringify(d.status).replace(/"/g, "'")};
  const index = order.indexOf(current);
  switch (action) {
    case 'advance':
      return order[Math.min(order.length - 1, index + 1)] ?? order[0];
    case 'revert':
      return order[Math.max(0, index - 1)] ?? order[0];
    case 'close':
    default:
      return order[order.length - 1];
  }
}

export function page${d.pascal}Query(page: unknown, size: unknown): { skip: number; limit: number } {
  const limit = Math.min(100, Math.max(1, Number(size) || 20));
  const current = Math.max(1, Number(page) || 1);
  return { skip: (current - 1) * limit, limit };
}
`;
}

// ---------------------------------------------------------------------------------------------
// Express modules
// ---------------------------------------------------------------------------------------------

/**
 * @param {Domain} d
 * @param {Dice} dice
 * @param {{ mount: 'auth-at-mount' | 'router-use' | 'per-route' | 'public-read' }} style
 * @returns {Record<string, string>}
 */
function expressModule(d, dice, style) {
  const sensitive = dice.pick(SENSITIVE_FIELDS);
  const model = `import { Schema, model } from 'mongoose';

const ${d.camel}Schema = new Schema(
  {
${d.fields.map((f) => `    ${f[0]}: { type: ${f[3]} },`).join('\n')}
    ${sensitive[0]}: { type: ${sensitive[1]} },
    owner: { type: Schema.Types.ObjectId, ref: 'User', index: true },
    status: { type: String, enum: ${JSON.stringify(d.status).replace(/"/g, "'")}, default: '${d.status[0]}' },
  },
  { timestamps: true },
);

${d.camel}Schema.index({ owner: 1, createdAt: -1 });

export const ${d.pascal} = model('${d.pascal}', ${d.camel}Schema);
`;

  const schema = `import { z } from 'zod';

export const create${d.pascal}Schema = z
  .object({
${d.fields.map((f) => `    ${f[0]}: ${f[1]},`).join('\n')}
  })
  .strict();

export const update${d.pascal}Schema = create${d.pascal}Schema.partial();

export interface ${d.pascal}Input {
${d.fields.map((f) => `  ${f[0]}?: ${f[5]};`).join('\n')}
}
`;

  const ssrfFlaw = dice.chance(0.08);
  const secretFlaw = dice.chance(0.05);
  const secretLine = secretFlaw
    ? `const PARTNER_TOKEN = process.env.${d.kebab.toUpperCase().replace(/-/g, '_')}_TOKEN ?? '${dice.pick(FAKE_SECRET_PREFIXES)}${fakeToken(dice, 28)}';`
    : `const PARTNER_TOKEN = process.env.${d.kebab.toUpperCase().replace(/-/g, '_')}_TOKEN ?? '';`;
  const service = `import axios from 'axios';
import { HttpError } from '../../shared/http-error.js';
import { ${d.pascal} } from './${d.kebab}.model.js';
import type { ${d.pascal}Input } from './${d.kebab}.schema.js';

const PARTNER_ORIGIN = 'https://${d.host}';
${secretLine}

export async function list${d.pascal}s(ownerId: string, skip: number, limit: number) {
  return ${d.pascal}.find({ owner: ownerId }).sort({ createdAt: -1 }).skip(skip).limit(limit).lean();
}

export async function get${d.pascal}(ownerId: string, id: string) {
  const found = await ${d.pascal}.findOne({ _id: id, owner: ownerId }).lean();
  if (!found) throw new HttpError(404, '${d.pascal} not found');
  return found;
}

/** \`input\` was parsed by create${d.pascal}Schema in the router. */
export async function create${d.pascal}(ownerId: string, input: ${d.pascal}Input) {
  return ${d.pascal}.create({ ...input, owner: ownerId });
}

export async function update${d.pascal}(ownerId: string, id: string, changes: ${d.pascal}Input) {
  const updated = await ${d.pascal}.findOneAndUpdate({ _id: id, owner: ownerId }, { $set: changes }, { new: true });
  if (!updated) throw new HttpError(404, '${d.pascal} not found');
  return updated;
}

export async function remove${d.pascal}(ownerId: string, id: string): Promise<void> {
  const result = await ${d.pascal}.deleteOne({ _id: id, owner: ownerId });
  if (result.deletedCount === 0) throw new HttpError(404, '${d.pascal} not found');
}

export async function sync${d.pascal}(ownerId: string, id: string) {
  const record = await get${d.pascal}(ownerId, id);
  const { data } = await axios.get(\`\${PARTNER_ORIGIN}/v2/${d.kebab}/\${encodeURIComponent(String(record._id))}\`, {
    headers: { authorization: \`Bearer \${PARTNER_TOKEN}\` },
    timeout: 5000,
  });
  return data;
}
${
  ssrfFlaw
    ? `
export async function fetch${d.pascal}Attachment(url: string) {
  const response = await axios.get(url, { responseType: 'arraybuffer', timeout: 10000 });
  return Buffer.from(response.data);
}
`
    : ''
}${pureHelpers(d, dice)}`;

  const perRoute = style.mount === 'per-route' ? 'requireAuth, ' : '';
  const massFlaw = dice.chance(0.12);
  const verboseFlaw = dice.chance(0.1);
  const missingGuard = style.mount === 'per-route' && dice.chance(0.3);
  const R = `${d.camel}Router`;
  const catchBlock = (what) =>
    verboseFlaw && what === 'sync'
      ? `  } catch (err) {
    res.status(502).json({ error: (err as Error).message });
  }`
      : `  } catch (err) {
    next(err);
  }`;
  const routes = [];
  routes.push(`${R}.get('/', ${style.mount === 'public-read' ? '' : perRoute}async (req, res, next) => {
  try {
    const { skip, limit } = page${d.pascal}Query(req.query.page, req.query.size);
    res.json(await list${d.pascal}s(req.user?.id ?? 'public', skip, limit));
${catchBlock('list')}
});`);
  routes.push(`${R}.get('/:id', ${style.mount === 'public-read' ? '' : perRoute}async (req, res, next) => {
  try {
    res.json(await get${d.pascal}(req.user?.id ?? 'public', req.params.id));
${catchBlock('get')}
});`);
  routes.push(`${R}.post('/', ${style.mount === 'public-read' ? 'requireAuth, ' : perRoute}validateBody(create${d.pascal}Schema), async (req, res, next) => {
  try {
    res.status(201).json(await create${d.pascal}(req.user!.id, req.body));
${catchBlock('create')}
});`);
  if (massFlaw) {
    routes.push(`${R}.patch('/:id', ${style.mount === 'public-read' ? 'requireAuth, ' : perRoute}async (req, res, next) => {
  try {
    const updated = await ${d.pascal}.findOneAndUpdate({ _id: req.params.id, owner: req.user!.id }, req.body, { new: true });
    res.json(updated);
${catchBlock('update')}
});`);
  } else {
    routes.push(`${R}.patch('/:id', ${style.mount === 'public-read' ? 'requireAuth, ' : perRoute}async (req, res, next) => {
  const parsed = update${d.pascal}Schema.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'Invalid ${d.camel}', issues: parsed.error.issues });
    return;
  }
  try {
    res.json(await update${d.pascal}(req.user!.id, req.params.id, parsed.data));
${catchBlock('update')}
});`);
  }
  routes.push(`${R}.delete('/:id', ${missingGuard ? '' : style.mount === 'public-read' ? 'requireAuth, ' : perRoute}async (req, res, next) => {
  try {
    await remove${d.pascal}(req.user!.id, req.params.id);
    res.status(204).end();
${catchBlock('delete')}
});`);
  routes.push(`${R}.post('/:id/sync', ${style.mount === 'public-read' ? 'requireAuth, ' : perRoute}async (req, res, next) => {
  try {
    res.json(await sync${d.pascal}(req.user!.id, req.params.id));
${catchBlock('sync')}
});`);
  routes.push(`${R}.post('/:id/status', ${style.mount === 'public-read' ? 'requireAuth, ' : perRoute}async (req, res, next) => {
  try {
    const current = await get${d.pascal}(req.user!.id, req.params.id);
    const action = req.body.action === 'revert' || req.body.action === 'close' ? req.body.action : 'advance';
    const status = next${d.pascal}Status(String(current.status), action);
    await ${d.pascal}.updateOne({ _id: req.params.id, owner: req.user!.id }, { status });
    res.json({ status });
${catchBlock('status')}
});`);
  if (ssrfFlaw) {
    routes.push(`${R}.post('/:id/attachments', ${style.mount === 'public-read' ? 'requireAuth, ' : perRoute}async (req, res, next) => {
  try {
    const bytes = await fetch${d.pascal}Attachment(req.body.url);
    res.status(201).json({ size: bytes.length });
${catchBlock('attach')}
});`);
  }

  const router = `import { Router } from 'express';
${perRoute || style.mount === 'public-read' || style.mount === 'router-use' ? "import { requireAuth } from '../../middleware/auth.js';\n" : ''}import { validateBody } from '../../middleware/validate.js';
import { ${d.pascal} } from './${d.kebab}.model.js';
import { create${d.pascal}Schema, update${d.pascal}Schema } from './${d.kebab}.schema.js';
import {
  create${d.pascal},
  ${ssrfFlaw ? `fetch${d.pascal}Attachment,\n  ` : ''}get${d.pascal},
  list${d.pascal}s,
  next${d.pascal}Status,
  page${d.pascal}Query,
  remove${d.pascal},
  sync${d.pascal},
  update${d.pascal},
} from './${d.kebab}.service.js';

export const ${R} = Router();
${style.mount === 'router-use' ? `\n${R}.use(requireAuth);\n` : ''}
${routes.join('\n\n')}
`;
  return {
    [`${d.kebab}.model.ts`]: model,
    [`${d.kebab}.schema.ts`]: schema,
    [`${d.kebab}.service.ts`]: service,
    [`${d.kebab}.router.ts`]: router,
  };
}

/**
 * @param {Array<{ d: Domain, style: { mount: string } }>} modules
 * @returns {Record<string, string>}
 */
function expressShared(modules) {
  const imports = modules.map(({ d }) => `import { ${d.camel}Router } from './modules/${d.kebab}/${d.kebab}.router.js';`).join('\n');
  const mounts = modules
    .map(({ d, style }) =>
      style.mount === 'auth-at-mount' ? `app.use('/api/${d.kebab}', requireAuth, ${d.camel}Router);` : `app.use('/api/${d.kebab}', ${d.camel}Router);`,
    )
    .join('\n');
  return {
    'app.ts': `import express from 'express';
import helmet from 'helmet';
import { requireAuth } from './middleware/auth.js';
import { errorHandler } from './middleware/error-handler.js';
${imports}

export const app = express();
app.disable('x-powered-by');
app.use(helmet());
app.use(express.json({ limit: '1mb' }));

app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

${mounts}

app.use(errorHandler);
`,
    'middleware/auth.ts': `import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export function requireAuth(req: Request, res: Response, next: NextFunction): void {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) {
    res.status(401).json({ error: 'Authentication required' });
    return;
  }
  try {
    const claims = jwt.verify(header.slice(7), process.env.JWT_SECRET ?? '');
    req.user = { id: String(claims.sub), role: claims.role };
    next();
  } catch {
    res.status(401).json({ error: 'Invalid token' });
  }
}
`,
    'middleware/validate.ts': `import type { NextFunction, Request, Response } from 'express';

export function validateBody(schema: { safeParse(input: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } } }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const result = schema.safeParse(req.body);
    if (!result.success) {
      res.status(400).json({ error: 'Invalid request body', issues: result.error?.issues });
      return;
    }
    req.body = result.data;
    next();
  };
}
`,
    'middleware/error-handler.ts': `import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../shared/http-error.js';

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: err.message });
    return;
  }
  console.error(req.method, req.path, err);
  res.status(500).json({ error: 'Internal server error' });
}
`,
    'shared/http-error.ts': `export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
`,
  };
}

// ---------------------------------------------------------------------------------------------
// NestJS modules
// ---------------------------------------------------------------------------------------------

/**
 * @param {Domain} d
 * @param {Dice} dice
 * @returns {Record<string, string>}
 */
function nestModule(d, dice) {
  const sensitive = dice.pick(SENSITIVE_FIELDS);
  const entity = `import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('${d.kebab.replace(/-/g, '_')}')
export class ${d.pascal}Entity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  ownerId!: string;

${d.fields.map((f) => `  @Column({ nullable: true })\n  ${f[0]}?: ${f[5]};\n`).join('\n')}
  @Column({ nullable: true })
  ${sensitive[0] === 'ownerId' ? 'flaggedBy' : sensitive[0]}?: ${sensitive[1] === 'Number' ? 'number' : sensitive[1] === 'Boolean' ? 'boolean' : 'string'};

  @Column({ default: '${d.status[0]}' })
  status!: string;

  @CreateDateColumn()
  createdAt!: Date;
}
`;
  const validatorImports = [...new Set(d.fields.map((f) => f[2]).concat(['IsOptional']))].sort();
  const dto = `import { ${validatorImports.join(', ')} } from 'class-validator';

export class Create${d.pascal}Dto {
${d.fields.map((f) => `  @IsOptional()\n  @${f[2]}()\n  ${f[0]}?: ${f[5]};\n`).join('\n')}}

export class Update${d.pascal}Dto {
${d.fields
  .slice(0, 3)
  .map((f) => `  @IsOptional()\n  @${f[2]}()\n  ${f[0]}?: ${f[5]};\n`)
  .join('\n')}}
`;
  const massFlaw = dice.chance(0.12);
  const ssrfFlaw = dice.chance(0.08);
  const verboseFlaw = dice.chance(0.1);
  const service = `import { HttpService } from '@nestjs/axios';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { firstValueFrom } from 'rxjs';
import { Repository } from 'typeorm';
import { Create${d.pascal}Dto, Update${d.pascal}Dto } from './${d.kebab}.dto.js';
import { ${d.pascal}Entity } from './${d.kebab}.entity.js';

@Injectable()
export class ${d.pascal}Service {
  constructor(
    @InjectRepository(${d.pascal}Entity) private readonly repo: Repository<${d.pascal}Entity>,
    private readonly http: HttpService,
  ) {}

  list(ownerId: string, skip: number, take: number): Promise<${d.pascal}Entity[]> {
    return this.repo.find({ where: { ownerId }, order: { createdAt: 'DESC' }, skip, take });
  }

  async get(ownerId: string, id: string): Promise<${d.pascal}Entity> {
    const found = await this.repo.findOne({ where: { id, ownerId } });
    if (!found) throw new NotFoundException('${d.pascal} not found');
    return found;
  }

  create(ownerId: string, dto: Create${d.pascal}Dto): Promise<${d.pascal}Entity> {
    return this.repo.save(this.repo.create({ ...dto, ownerId }));
  }

  async update(ownerId: string, id: string, dto: ${massFlaw ? `Partial<${d.pascal}Entity>` : `Update${d.pascal}Dto`}): Promise<${d.pascal}Entity> {
    await this.get(ownerId, id);
    await this.repo.update({ id, ownerId }, dto);
    return this.get(ownerId, id);
  }

  async remove(ownerId: string, id: string): Promise<void> {
    const result = await this.repo.delete({ id, ownerId });
    if (!result.affected) throw new NotFoundException('${d.pascal} not found');
  }

  async sync(ownerId: string, id: string): Promise<unknown> {
    const record = await this.get(ownerId, id);
    const { data } = await firstValueFrom(this.http.get(\`https://${d.host}/v1/${d.kebab}/\${encodeURIComponent(record.id)}\`));
    return data;
  }
${
  ssrfFlaw
    ? `
  async preview(url: string): Promise<string> {
    const { data } = await firstValueFrom(this.http.get(url, { responseType: 'text' }));
    return String(data).slice(0, 500);
  }
`
    : ''
}}
${pureHelpers(d, dice)}`;
  const isPublicRead = dice.chance(0.25);
  const controller = `import { Body, Controller, Delete, Get, HttpCode, InternalServerErrorException, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CurrentUser, type JwtUser } from '../../auth/current-user.decorator.js';
import { Public } from '../../auth/public.decorator.js';
import { Create${d.pascal}Dto, Update${d.pascal}Dto } from './${d.kebab}.dto.js';
import { ${d.pascal}Entity } from './${d.kebab}.entity.js';
import { ${d.pascal}Service, page${d.pascal}Query } from './${d.kebab}.service.js';

@Controller('${d.kebab}')
export class ${d.pascal}Controller {
  constructor(private readonly service: ${d.pascal}Service) {}
${isPublicRead ? '\n  @Public()' : ''}
  @Get()
  list(@CurrentUser() user: JwtUser, @Query('page') page?: string, @Query('size') size?: string): Promise<${d.pascal}Entity[]> {
    const { skip, limit } = page${d.pascal}Query(page, size);
    return this.service.list(user?.userId ?? 'public', skip, limit);
  }

  @Get(':id')
  get(@CurrentUser() user: JwtUser, @Param('id', ParseUUIDPipe) id: string): Promise<${d.pascal}Entity> {
    return this.service.get(user.userId, id);
  }

  @Post()
  create(@CurrentUser() user: JwtUser, @Body() dto: Create${d.pascal}Dto): Promise<${d.pascal}Entity> {
    return this.service.create(user.userId, dto);
  }

  @Patch(':id')
  update(@CurrentUser() user: JwtUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ${massFlaw ? `Partial<${d.pascal}Entity>` : `Update${d.pascal}Dto`}): Promise<${d.pascal}Entity> {
    return this.service.update(user.userId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: JwtUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.service.remove(user.userId, id);
  }

  @Post(':id/sync')
  async sync(@CurrentUser() user: JwtUser, @Param('id', ParseUUIDPipe) id: string): Promise<unknown> {
    try {
      return await this.service.sync(user.userId, id);
    } catch (err) {
      throw new InternalServerErrorException(${verboseFlaw ? '(err as Error).message' : `'Could not sync ${d.camel}'`});
    }
  }
${
  ssrfFlaw
    ? `
  @Post('preview')
  preview(@Body('url') url: string): Promise<string> {
    return this.service.preview(url);
  }
`
    : ''
}}
`;
  const mod = `import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ${d.pascal}Controller } from './${d.kebab}.controller.js';
import { ${d.pascal}Entity } from './${d.kebab}.entity.js';
import { ${d.pascal}Service } from './${d.kebab}.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([${d.pascal}Entity]), HttpModule],
  controllers: [${d.pascal}Controller],
  providers: [${d.pascal}Service],
})
export class ${d.pascal}Module {}
`;
  return {
    [`${d.kebab}.entity.ts`]: entity,
    [`${d.kebab}.dto.ts`]: dto,
    [`${d.kebab}.service.ts`]: service,
    [`${d.kebab}.controller.ts`]: controller,
    [`${d.kebab}.module.ts`]: mod,
  };
}

/**
 * @param {Domain[]} domains
 * @returns {Record<string, string>}
 */
function nestShared(domains) {
  return {
    'main.ts': `import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
  await app.listen(Number(process.env.PORT ?? 3000));
}

void bootstrap();
`,
    'app.module.ts': `import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JwtAuthGuard } from './auth/jwt-auth.guard.js';
${domains.map((d) => `import { ${d.pascal}Module } from './modules/${d.kebab}/${d.kebab}.module.js';`).join('\n')}

@Module({
  imports: [
    TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, autoLoadEntities: true }),
${domains.map((d) => `    ${d.pascal}Module,`).join('\n')}
  ],
  providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }],
})
export class AppModule {}
`,
    'auth/public.decorator.ts': `import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'isPublic';
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
`,
    'auth/current-user.decorator.ts': `import { createParamDecorator } from '@nestjs/common';

export interface JwtUser {
  userId: string;
  role: string;
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: any): JwtUser => ctx.switchToHttp().getRequest().user);
`,
    'auth/jwt-auth.guard.ts': `import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC_KEY } from './public.decorator.js';

@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  canActivate(context: any): any {
    if (this.reflector.getAllAndOverride(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    return super.canActivate(context);
  }
}
`,
  };
}

// ---------------------------------------------------------------------------------------------
// Fastify modules
// ---------------------------------------------------------------------------------------------

/**
 * @param {Domain} d
 * @param {Dice} dice
 * @param {{ secured: boolean }} style
 * @returns {Record<string, string>}
 */
function fastifyModule(d, dice, style) {
  const strict = !dice.chance(0.15);
  const ssrfFlaw = dice.chance(0.08);
  const verboseFlaw = dice.chance(0.1);
  const missingHook = !style.secured && dice.chance(0.3);
  const hook = style.secured ? '' : 'onRequest: [fastify.authenticate], ';
  const schemas = `export const create${d.pascal}Body = {
  type: 'object',
  required: [${d.fields
    .slice(0, 2)
    .map((f) => `'${f[0]}'`)
    .join(', ')}],${strict ? '\n  additionalProperties: false,' : ''}
  properties: {
${d.fields.map((f) => `    ${f[0]}: ${f[4]},`).join('\n')}
  },
} as const;

export const ${d.camel}Params = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

export interface ${d.pascal}Body {
${d.fields.map((f) => `  ${f[0]}?: ${f[5]};`).join('\n')}
}
`;
  const service = `import type { PrismaClient } from '@prisma/client';
import { request } from 'undici';
import type { ${d.pascal}Body } from './${d.kebab}.schemas.js';

export class ${d.pascal}Service {
  constructor(private readonly prisma: PrismaClient) {}

  list(ownerId: string, skip: number, take: number) {
    return this.prisma.${d.camel}.findMany({ where: { ownerId }, orderBy: { createdAt: 'desc' }, skip, take });
  }

  get(ownerId: string, id: string) {
    return this.prisma.${d.camel}.findFirst({ where: { id, ownerId } });
  }

  create(ownerId: string, body: ${d.pascal}Body) {
    return this.prisma.${d.camel}.create({ data: { ...body, ownerId } });
  }

  update(ownerId: string, id: string, body: ${d.pascal}Body) {
    return this.prisma.${d.camel}.updateMany({ where: { id, ownerId }, data: body });
  }

  remove(ownerId: string, id: string) {
    return this.prisma.${d.camel}.deleteMany({ where: { id, ownerId } });
  }

  async sync(id: string): Promise<unknown> {
    const { body } = await request(\`https://${d.host}/v3/${d.kebab}/\${encodeURIComponent(id)}\`);
    return body.json();
  }
${
  ssrfFlaw
    ? `
  async mirror(url: string): Promise<number> {
    const { statusCode } = await request(url, { method: 'HEAD' });
    return statusCode;
  }
`
    : ''
}}
${pureHelpers(d, dice)}`;
  const routes = `import type { FastifyInstance } from 'fastify';
import { create${d.pascal}Body, ${d.camel}Params, type ${d.pascal}Body } from './${d.kebab}.schemas.js';
import { ${d.pascal}Service, page${d.pascal}Query } from './${d.kebab}.service.js';

export default async function ${d.camel}Routes(fastify: FastifyInstance): Promise<void> {
  const service = new ${d.pascal}Service(fastify.prisma);

  fastify.get<{ Querystring: { page?: string; size?: string } }>('/', { ${hook}}, async (request) => {
    const { skip, limit } = page${d.pascal}Query(request.query.page, request.query.size);
    return service.list(request.user.sub, skip, limit);
  });

  fastify.get<{ Params: { id: string } }>('/:id', { ${hook}schema: { params: ${d.camel}Params } }, async (request, reply) => {
    const found = await service.get(request.user.sub, request.params.id);
    if (!found) return reply.code(404).send({ error: '${d.pascal} not found' });
    return found;
  });

  fastify.post<{ Body: ${d.pascal}Body }>('/', { ${hook}schema: { body: create${d.pascal}Body } }, async (request, reply) => {
    const created = await service.create(request.user.sub, request.body);
    return reply.code(201).send(created);
  });

  fastify.put<{ Params: { id: string }; Body: ${d.pascal}Body }>('/:id', { ${hook}schema: { params: ${d.camel}Params, body: create${d.pascal}Body } }, async (request) => {
    return service.update(request.user.sub, request.params.id, request.body);
  });

  fastify.delete<{ Params: { id: string } }>('/:id', { ${missingHook ? '' : hook}schema: { params: ${d.camel}Params } }, async (request, reply) => {
    await service.remove(request.user.sub, request.params.id);
    return reply.code(204).send();
  });

  fastify.post<{ Params: { id: string } }>('/:id/sync', { ${hook}}, async (request, reply) => {
    try {
      return await service.sync(request.params.id);
    } catch (err) {
      request.log.error({ err }, 'sync failed');
      return reply.code(502).send({ error: ${verboseFlaw ? '(err as Error).message' : "'Upstream unavailable'"} });
    }
  });
${
  ssrfFlaw
    ? `
  fastify.post<{ Body: { url: string } }>('/mirror', { ${hook}}, async (request) => {
    return { status: await service.mirror(request.body.url) };
  });
`
    : ''
}}
`;
  return {
    [`${d.kebab}.schemas.ts`]: schemas,
    [`${d.kebab}.service.ts`]: service,
    [`${d.kebab}.routes.ts`]: routes,
  };
}

/**
 * @param {Array<{ d: Domain, style: { secured: boolean } }>} modules
 * @param {Dice} dice
 * @returns {Record<string, string>}
 */
function fastifyShared(modules, dice) {
  const secured = modules.filter((m) => m.style.secured);
  const open = modules.filter((m) => !m.style.secured);
  return {
    'app.ts': `import Fastify, { type FastifyInstance } from 'fastify';
import authPlugin from './plugins/auth.js';
import prismaPlugin from './plugins/prisma.js';
${modules.map(({ d }) => `import ${d.camel}Routes from './modules/${d.kebab}/${d.kebab}.routes.js';`).join('\n')}

export async function buildApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: true });
  await app.register(prismaPlugin);
  await app.register(authPlugin);

  app.setErrorHandler((error, request, reply) => {
    if (error.validation) return reply.status(400).send({ error: 'Invalid request', message: error.message });
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: 'Internal Server Error' });
  });

  app.get('/health', async () => ({ status: 'ok' }));

  await app.register(
    async function securedApi(api) {
      api.addHook('onRequest', api.authenticate);
${secured.map(({ d }) => `      await api.register(${d.camel}Routes, { prefix: '/${d.kebab}' });`).join('\n')}
    },
    { prefix: '/api' },
  );

${open.map(({ d }) => `  await app.register(${d.camel}Routes, { prefix: '/api/${d.kebab}' });`).join('\n')}

  return app;
}
`,
    'plugins/auth.ts': `import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export default fp(async function authPlugin(fastify: FastifyInstance) {
  await fastify.register(fastifyJwt, { secret: process.env.JWT_SECRET ?? '${dice.chance(0.5) ? `jwt-${fakeToken(dice, 20)}` : ''}' });
  fastify.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await request.jwtVerify();
    } catch {
      await reply.code(401).send({ error: 'Unauthorized' });
    }
  });
});
`,
    'plugins/prisma.ts': `import { PrismaClient } from '@prisma/client';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(async function prismaPlugin(fastify: FastifyInstance) {
  const prisma = new PrismaClient();
  await prisma.$connect();
  fastify.decorate('prisma', prisma);
  fastify.addHook('onClose', async () => prisma.$disconnect());
});
`,
  };
}

// ---------------------------------------------------------------------------------------------
// Project files
// ---------------------------------------------------------------------------------------------

/** Packages the generated code imports, declared loosely so tsc checks the code without node_modules. */
const VENDOR_DECLARATIONS = `// Generated: loose declarations of the packages the benchmark app imports (nothing is installed).
declare module 'express' {
  const express: any;
  export default express;
  export const Router: any;
  export type Router = any;
  export type Request = any;
  export type Response = any;
  export type NextFunction = any;
}
declare module 'helmet' {
  const helmet: any;
  export default helmet;
}
declare module 'jsonwebtoken' {
  const jwt: any;
  export default jwt;
}
declare module 'mongoose' {
  export const Schema: any;
  export type Schema = any;
  export const model: any;
}
declare module 'zod' {
  export const z: any;
}
declare module 'axios' {
  const axios: any;
  export default axios;
}
declare module 'rxjs' {
  export const firstValueFrom: any;
}
declare module 'typeorm' {
  export const Column: any;
  export const CreateDateColumn: any;
  export const Entity: any;
  export const PrimaryGeneratedColumn: any;
  export type Repository<T> = any;
  export const Repository: any;
}
declare module 'class-validator' {
  export const IsArray: any;
  export const IsBoolean: any;
  export const IsDateString: any;
  export const IsEmail: any;
  export const IsInt: any;
  export const IsOptional: any;
  export const IsString: any;
}
declare module '@nestjs/common' {
  export const Body: any;
  export const Controller: any;
  export const Delete: any;
  export const Get: any;
  export const HttpCode: any;
  export const Injectable: any;
  export const InternalServerErrorException: any;
  export const Module: any;
  export const NotFoundException: any;
  export const Param: any;
  export const ParseUUIDPipe: any;
  export const Patch: any;
  export const Post: any;
  export const Query: any;
  export const SetMetadata: any;
  export const ValidationPipe: any;
  export const createParamDecorator: any;
}
declare module '@nestjs/core' {
  export const APP_GUARD: any;
  export const NestFactory: any;
  export const Reflector: any;
  export type Reflector = any;
}
declare module '@nestjs/passport' {
  export const AuthGuard: any;
}
declare module '@nestjs/typeorm' {
  export const InjectRepository: any;
  export const TypeOrmModule: any;
}
declare module '@nestjs/axios' {
  export const HttpModule: any;
  export const HttpService: any;
  export type HttpService = any;
}
declare module 'fastify' {
  type Handler = (request: any, reply: any) => any;
  interface RouteShorthand {
    <T = any>(path: string, handler: Handler): any;
    <T = any>(path: string, options: any, handler: Handler): any;
  }
  export interface FastifyInstance {
    get: RouteShorthand;
    post: RouteShorthand;
    put: RouteShorthand;
    patch: RouteShorthand;
    delete: RouteShorthand;
    route<T = any>(options: any): any;
    register(plugin: any, options?: any): any;
    addHook(name: string, hook: any): any;
    decorate(name: string, value: any): any;
    setErrorHandler(handler: (error: any, request: any, reply: any) => any): any;
    [member: string]: any;
  }
  export type FastifyRequest = any;
  export type FastifyReply = any;
  const Fastify: (options?: any) => FastifyInstance;
  export default Fastify;
}
declare module 'fastify-plugin' {
  const fp: any;
  export default fp;
}
declare module '@fastify/jwt' {
  const fastifyJwt: any;
  export default fastifyJwt;
}
declare module '@prisma/client' {
  export const PrismaClient: any;
  export type PrismaClient = any;
}
declare module 'undici' {
  export const request: any;
}
declare namespace Express {
  interface Request {
    user?: { id: string; role?: string };
  }
}
`;

/**
 * @param {string} text
 * @returns {number}
 */
const countLines = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/**
 * Builds the file map of the app (relative path -> text), without writing.
 * @param {{ lines: number, seed: number }} options
 * @returns {{ files: Map<string, string>, lines: number, modules: { express: number, nest: number, fastify: number } }}
 */
export function buildApp(options) {
  const dice = createDice(createRandom(options.seed));
  const used = new Set();
  /** @type {Map<string, string>} */
  const files = new Map();
  let lines = 0;
  /**
   * @param {string} file
   * @param {string} text
   * @returns {void}
   */
  const add = (file, text) => {
    files.set(file, text);
    lines += countLines(text);
  };

  /** @type {Array<{ d: Domain, style: { mount: 'auth-at-mount' | 'router-use' | 'per-route' | 'public-read' } }>} */
  const expressModules = [];
  /** @type {Domain[]} */
  const nestModules = [];
  /** @type {Array<{ d: Domain, style: { secured: boolean } }>} */
  const fastifyModules = [];

  // Framework files that depend on the module list are added at the end; reserve their size.
  const reserve = 600;
  let turn = 0;
  while (lines + reserve < options.lines) {
    const d = nextDomain(dice, used);
    const framework = ['express', 'nest', 'fastify'][turn++ % 3];
    if (framework === 'express') {
      const style = { mount: dice.pick(/** @type {const} */ (['auth-at-mount', 'auth-at-mount', 'router-use', 'per-route', 'public-read'])) };
      expressModules.push({ d, style });
      for (const [name, text] of Object.entries(expressModule(d, dice, style))) add(`src/express/modules/${d.kebab}/${name}`, text);
    } else if (framework === 'nest') {
      nestModules.push(d);
      for (const [name, text] of Object.entries(nestModule(d, dice))) add(`src/nest/modules/${d.kebab}/${name}`, text);
    } else {
      const style = { secured: dice.chance(0.7) };
      fastifyModules.push({ d, style });
      for (const [name, text] of Object.entries(fastifyModule(d, dice, style))) add(`src/fastify/modules/${d.kebab}/${name}`, text);
    }
  }
  for (const [name, text] of Object.entries(expressShared(expressModules))) add(`src/express/${name}`, text);
  for (const [name, text] of Object.entries(nestShared(nestModules))) add(`src/nest/${name}`, text);
  for (const [name, text] of Object.entries(fastifyShared(fastifyModules, dice))) add(`src/fastify/${name}`, text);
  add('types/vendor.d.ts', VENDOR_DECLARATIONS);
  add(
    'tsconfig.json',
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          types: ['node'],
          strict: false,
          strictNullChecks: true,
          experimentalDecorators: true,
          skipLibCheck: true,
          noEmit: true,
        },
        include: ['src', 'types'],
      },
      null,
      2,
    )}\n`,
  );
  add(
    'package.json',
    `${JSON.stringify(
      { name: 'api-guard-bench-app', private: true, type: 'module', description: `Generated by bench/generate-app.mjs (seed ${options.seed}); never run.` },
      null,
      2,
    )}\n`,
  );
  return { files, lines, modules: { express: expressModules.length, nest: nestModules.length, fastify: fastifyModules.length } };
}

/**
 * Builds a monorepo of `workspaces` apps (see the header), without writing.
 * @param {{ lines: number, seed: number, workspaces: number }} options
 * @returns {{ files: Map<string, string>, lines: number, modules: { express: number, nest: number, fastify: number } }}
 */
export function buildMonorepo(options) {
  /** @type {Map<string, string>} */
  const files = new Map();
  const modules = { express: 0, nest: 0, fastify: 0 };
  let lines = 0;
  for (let i = 0; i < options.workspaces; i++) {
    const app = buildApp({ lines: Math.ceil(options.lines / options.workspaces), seed: options.seed + i });
    for (const [file, text] of app.files) {
      files.set(`packages/service-${i + 1}/${file}`, file === 'package.json' ? text.replace('"api-guard-bench-app"', `"service-${i + 1}"`) : text);
    }
    lines += app.lines;
    modules.express += app.modules.express;
    modules.nest += app.modules.nest;
    modules.fastify += app.modules.fastify;
  }
  files.set('package.json', `${JSON.stringify({ name: 'api-guard-bench-monorepo', private: true, workspaces: ['packages/*'] }, null, 2)}\n`);
  return { files, lines, modules };
}

/**
 * Writes the app to `options.out`, replacing what was there.
 * @param {{ lines: number, seed: number, out: string, workspaces?: number }} options
 * @returns {{ out: string, files: number, lines: number, modules: { express: number, nest: number, fastify: number } }}
 */
export function generateApp(options) {
  const workspaces = options.workspaces ?? 1;
  const { files, lines, modules } = workspaces > 1 ? buildMonorepo({ ...options, workspaces }) : buildApp(options);
  rmSync(options.out, { recursive: true, force: true });
  for (const [file, text] of files) {
    const target = path.join(options.out, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return { out: options.out, files: files.size, lines, modules };
}

/**
 * @param {string[]} argv
 * @returns {{ lines: number, seed: number, out: string, workspaces: number }}
 */
export function parseGenerateArgs(argv) {
  const options = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--lines' || arg === '--seed' || arg === '--workspaces') {
      const number = Number(value);
      if (!Number.isInteger(number) || number <= 0) throw new Error(`${arg} needs a positive integer, got ${JSON.stringify(value)}`);
      options[arg.slice(2)] = number;
      i++;
    } else if (arg === '--out') {
      if (!value) throw new Error('--out needs a directory');
      options.out = path.resolve(value);
      i++;
    } else {
      throw new Error(`unknown option ${arg} (known: --lines N, --seed N, --out DIR, --workspaces N)`);
    }
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const result = generateApp(parseGenerateArgs(process.argv.slice(2)));
    console.log(
      `generated ${result.lines} lines in ${result.files} files (${result.modules.express} Express, ${result.modules.nest} Nest, ${result.modules.fastify} Fastify modules) in ${path.relative(process.cwd(), result.out) || '.'}`,
    );
  } catch (error) {
    console.error(`generate-app: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
