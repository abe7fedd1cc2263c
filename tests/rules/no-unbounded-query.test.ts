/**
 * no-unbounded-query in per-file mode (no type information): page sizes from the request that reach
 * a query's limit without an upper bound, and body parsers configured above the size threshold.
 */
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-unbounded-query.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils; the rule object is the same at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

ruleTester.run('no-unbounded-query', testedRule, {
  valid: [
    // --- Page sizes with an upper bound --------------------------------------------------------
    {
      // Math.min with a constant caps the page size.
      name: 'Math.min clamp before Mongoose limit',
      code: `import Post from '../models/Post.js';
app.get('/posts', async (req, res) => {
  const limit = Math.min(parseInt(req.query.limit, 10) || 20, 100);
  res.json(await Post.find().limit(limit));
});`,
    },
    {
      // A request value above the maximum is rejected before the query.
      name: 'reject above the maximum',
      code: `import Post from '../models/Post.js';
const MAX_PAGE = 100;
app.get('/posts', async (req, res) => {
  const limit = Number(req.query.limit ?? 20);
  if (limit > MAX_PAGE) return res.status(400).json({ error: 'limit too large' });
  res.json(await Post.find().limit(limit));
});`,
    },
    {
      // A request value above the maximum is replaced by it.
      name: 'reassign above the maximum',
      code: `import { prisma } from '../db.js';
app.get('/orders', async (req, res) => {
  let take = Number(req.query.take) || 25;
  if (take > 100) take = 100;
  res.json(await prisma.order.findMany({ take }));
});`,
    },
    {
      // A ternary keeps the value only below the bound.
      name: 'ternary bound',
      code: `import { Item } from '../models/index.js';
app.get('/items', async (req, res) => {
  const n = parseInt(req.query.n, 10);
  const limit = n <= 50 ? n : 50;
  res.json(await Item.findAll({ limit }));
});`,
    },
    {
      // A zod schema decides the page size (the schema is trusted to declare its maximum).
      name: 'zod parse of the query',
      code: `import { z } from 'zod';
import knex from '../db.js';
const Page = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
app.get('/events', async (req, res) => {
  const { limit } = Page.parse(req.query);
  res.json(await knex('events').select('*').limit(limit));
});`,
    },
    {
      // An imported helper the analysis cannot read may clamp: per-file mode stays silent.
      name: 'imported clamp helper',
      code: `import { pageSize } from '../lib/paging.js';
import Post from '../models/Post.js';
app.get('/posts', async (req, res) => {
  res.json(await Post.find().limit(pageSize(req.query.limit)));
});`,
    },
    {
      // A local helper that clamps is followed.
      name: 'local clamp helper',
      code: `function clampLimit(value) {
  const n = Number(value) || 20;
  return Math.min(Math.max(n, 1), 100);
}
app.get('/posts', async (req, res) => {
  res.json(await Post.find().limit(clampLimit(req.query.limit)));
});`,
    },
    {
      // The limit is a constant; the query string only picks the page.
      name: 'constant limit with a request page',
      code: `app.get('/posts', async (req, res) => {
  const page = Number(req.query.page) || 1;
  res.json(await Post.find().skip((page - 1) * 20).limit(20));
});`,
    },
    {
      // lodash take works on an array in memory, not on a query.
      name: 'lodash take',
      code: `import _ from 'lodash';
app.get('/tags', (req, res) => {
  res.json(_.take(TAGS, 10));
});`,
    },
    {
      // The request value is a filter, not the limit.
      name: 'request value in a where clause',
      code: `app.get('/users', async (req, res) => {
  res.json(await prisma.user.findMany({ where: { name: req.query.name }, take: 50 }));
});`,
    },
    {
      // Nest: the query DTO bounds the field with @Max.
      name: 'nest DTO field with @Max',
      code: `import { Controller, Get, Query } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
class ListQuery {
  @IsInt() @Min(1) @Max(100) limit: number = 20;
}
@Controller('items')
export class ItemsController {
  constructor(private readonly repo: Repository<Item>) {}
  @Get()
  list(@Query() query: ListQuery) {
    return this.repo.find({ take: query.limit });
  }
}`,
    },
    {
      // Nest: a custom pipe on the parameter may clamp it.
      name: 'nest custom pipe on a query parameter',
      code: `import { Controller, Get, Query } from '@nestjs/common';
@Controller('items')
export class ItemsController {
  constructor(private readonly repo: Repository<Item>) {}
  @Get()
  list(@Query('limit', PageSizePipe) limit: number) {
    return this.repo.find({ take: limit });
  }
}`,
    },
    {
      // SQL with a bound parameter for the limit after clamping.
      name: 'SQL LIMIT with a clamped value',
      code: `app.get('/logs', async (req, res) => {
  const n = Math.min(Number(req.query.n) || 50, 500);
  const { rows } = await pool.query(\`SELECT * FROM logs ORDER BY id DESC LIMIT \${n}\`);
  res.json(rows);
});`,
    },
    {
      // An Upstash rate limiter's limit() takes an identifier, not a row count.
      name: 'upstash ratelimit.limit',
      code: `import { Ratelimit } from '@upstash/ratelimit';
const ratelimit = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(5, '60 s') });
app.post('/login', async (req, res) => {
  const { success } = await ratelimit.limit(req.body.email);
  if (!success) return res.status(429).end();
  res.json(await login(req.body));
});`,
    },
    {
      // The clamped value is bounded even after arithmetic.
      name: 'arithmetic on a clamped value',
      code: `app.get('/posts', async (req, res) => {
  const limit = Math.min(+req.query.limit || 20, 100);
  res.json(await Post.find().limit(limit + 1));
});`,
    },
    {
      // express-validator bounds the query parameter in the route registration.
      name: 'express-validator query().isInt({ max }) at the route',
      code: `import { query } from 'express-validator';
router.get('/posts', query('limit').optional().isInt({ min: 1, max: 100 }), async (req, res) => {
  res.json(await Post.find().limit(Number(req.query.limit ?? 20)));
});`,
    },
    {
      // A Fastify route schema may declare the maximum (ajv enforces it before the handler).
      name: 'fastify route with a querystring schema',
      code: `export default async function routes(fastify) {
  fastify.get('/rows', { schema: { querystring: PageQuery } }, async (request) => {
    return prisma.row.findMany({ take: request.query.take });
  });
}`,
    },
    {
      // The route schema is written out, and it bounds the field.
      name: 'fastify route schema whose querystring limit has a maximum',
      code: `const listQuery = { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 100 } } };
export default async function routes(fastify) {
  fastify.get('/rows', { schema: { querystring: listQuery } }, async (request) => {
    return prisma.row.findMany({ take: request.query.limit });
  });
}`,
    },
    // --- Whole tables (reportUnpaginatedLists) -----------------------------------------------------
    {
      // Off by default: whole lists are reported only when the option asks for them.
      name: 'a whole table without the option',
      code: `import Post from '../models/Post.js';
app.get('/posts', async (req, res) => {
  res.json(await Post.find());
});`,
    },
    {
      // The list is capped.
      name: 'a capped list with the option',
      code: `import Post from '../models/Post.js';
app.get('/posts', async (req, res) => {
  res.json(await Post.find().sort({ createdAt: -1 }).limit(50));
});`,
      options: [{ reportUnpaginatedLists: true }],
    },
    {
      // Countries are a small lookup table, commonly sent whole.
      name: 'a lookup table with the option',
      code: `import Country from '../models/Country.js';
app.get('/countries', async (req, res) => {
  res.json(await Country.find());
});`,
      options: [{ reportUnpaginatedLists: true }],
    },
    {
      // The read is filtered by owner: it is not every row of the table.
      name: 'a filtered list with the option',
      code: `app.get('/orders', async (req, res) => {
  res.json(await prisma.order.findMany({ where: { userId: req.user.id } }));
});`,
      options: [{ reportUnpaginatedLists: true }],
    },
    {
      // A POST handler that returns a list is not a list endpoint.
      name: 'a whole table from a POST route with the option',
      code: `import Post from '../models/Post.js';
app.post('/posts/reindex', async (req, res) => {
  res.json(await Post.find());
});`,
      options: [{ reportUnpaginatedLists: true }],
    },
    {
      // A message that mentions the limit is not SQL text.
      name: 'an error message with the limit',
      code: `app.get('/logs', async (req, res) => {
  if (Number.isNaN(Number(req.query.n))) return res.status(400).send(\`Invalid limit \${req.query.n}\`);
  res.json(await listLogs());
});`,
    },
    {
      // The handler reads express-validator's result: the route's chains (registered elsewhere) checked the query.
      name: 'controller that reads validationResult',
      code: `import { validationResult } from 'express-validator';
export const listPosts = async (req, res) => {
  if (!validationResult(req).isEmpty()) return res.status(400).end();
  res.json(await Post.find().limit(Number(req.query.limit)));
};`,
    },
    // --- Body size limits at or below the threshold -------------------------------------------
    {
      // 1 MB is within the default threshold of 10 MB.
      name: 'express.json with a 1mb limit',
      code: `import express from 'express';
const app = express();
app.use(express.json({ limit: '1mb' }));`,
    },
    {
      // Exactly the threshold is allowed.
      name: 'bodyParser.json at the threshold',
      code: `const bodyParser = require('body-parser');
app.use(bodyParser.json({ limit: '10mb' }));`,
    },
    {
      // The threshold is an option: this project allows uploads of 60 MB.
      name: 'maxBodySize option raised',
      code: `import express from 'express';
app.use(express.json({ limit: '50mb' }));`,
      options: [{ maxBodySize: '60mb' }],
    },
    {
      // A limit read from the environment cannot be judged.
      name: 'limit from the environment',
      code: `import express from 'express';
app.use(express.json({ limit: process.env.BODY_LIMIT }));`,
    },
    {
      // Fastify's bodyLimit of 5 MB is below the threshold.
      name: 'fastify bodyLimit 5 MB',
      code: `import Fastify from 'fastify';
const app = Fastify({ logger: true, bodyLimit: 5 * 1024 * 1024 });`,
    },
  ],
  invalid: [
    {
      // The twin: the schema is written out and declares the field with no maximum, so ajv lets any number through.
      name: 'fastify route schema whose querystring limit has no maximum',
      code: `const listQuery = { type: 'object', properties: { limit: { type: 'integer', minimum: 1 } } };
export default async function routes(fastify) {
  fastify.get('/rows', { schema: { querystring: listQuery } }, async (request) => {
    return prisma.row.findMany({ take: request.query.limit });
  });
}`,
      errors: [{ messageId: 'unboundedLimit', line: 4, data: { source: 'request.query.limit', role: 'take', sink: 'prisma.row.findMany', via: '' } }],
    },
    {
      name: 'a GET handler that sends a whole Mongoose collection (option on)',
      code: `import Post from '../models/Post.js';
app.get('/posts', async (req, res) => {
  const posts = await Post.find().sort({ createdAt: -1 }).lean();
  res.json(posts);
});`,
      options: [{ reportUnpaginatedLists: true }],
      errors: [{ messageId: 'unpaginatedList', data: { source: 'Post.find()', sink: 'res.json', route: 'GET /posts', via: '' } }],
    },
    {
      name: 'a Nest GET method that returns a whole repository (option on)',
      code: `import { Controller, Get } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
@Controller('tickets')
export class TicketsController {
  constructor(@InjectRepository(Ticket) private readonly tickets: Repository<Ticket>) {}
  @Get()
  list() {
    return this.tickets.find({ order: { id: 'DESC' } });
  }
}`,
      options: [{ reportUnpaginatedLists: true }],
      errors: [{ messageId: 'unpaginatedList' }],
    },
    {
      name: 'unary plus and arithmetic are not bounds',
      code: `app.get('/posts', async (req, res) => {
  const { page = 1, limit = 10 } = req.query;
  const posts = await Post.find().skip((page - 1) * limit).limit(+limit * 1);
  res.json(posts);
});`,
      errors: [{ messageId: 'unboundedLimit', data: { source: 'req.query.limit', role: 'limit', sink: '.limit()', via: '' } }],
    },
    {
      name: 'req.query.limit straight into Mongoose limit',
      code: `import Post from '../models/Post.js';
app.get('/posts', async (req, res) => {
  res.json(await Post.find().limit(req.query.limit));
});`,
      errors: [{ messageId: 'unboundedLimit', data: { source: 'req.query.limit', role: 'limit', sink: '.limit()', via: '' } }],
    },
    {
      name: 'parseInt is not a bound',
      code: `import Post from '../models/Post.js';
app.get('/posts', async (req, res) => {
  const limit = parseInt(req.query.limit, 10) || 20;
  res.json(await Post.find().limit(limit));
});`,
      errors: [{ messageId: 'unboundedLimit', data: { source: 'req.query.limit', role: 'limit', sink: '.limit()', via: '' } }],
    },
    {
      name: 'prisma take from Number(query.take)',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
app.get('/orders', async (req, res) => {
  const { take, skip } = req.query;
  res.json(await prisma.order.findMany({ take: Number(take), skip: Number(skip) }));
});`,
      errors: [{ messageId: 'unboundedLimit', data: { source: 'req.query.take', role: 'take', sink: 'prisma.order.findMany', via: '' } }],
    },
    {
      name: 'Math.max is a lower bound only',
      code: `app.get('/items', async (req, res) => {
  const limit = Math.max(1, Number(req.query.limit));
  res.json(await Item.findAll({ limit, offset: 0 }));
});`,
      errors: [{ messageId: 'unboundedLimit' }],
    },
    {
      name: 'a lower-bound check does not bound',
      code: `app.get('/items', async (req, res) => {
  let limit = Number(req.query.limit);
  if (limit < 1) limit = 20;
  res.json(await knex('items').limit(limit));
});`,
      errors: [{ messageId: 'unboundedLimit' }],
    },
    {
      name: 'TypeORM query builder take',
      code: `export async function list(req, res) {
  const rows = await dataSource.getRepository(Item).createQueryBuilder('i').orderBy('i.id').take(Number(req.query.size) || 10).getMany();
  res.json(rows);
}
router.get('/items', list);`,
      errors: [{ messageId: 'unboundedLimit' }],
    },
    {
      name: 'Fastify request.query into a Sequelize limit',
      code: `export default async function routes(fastify) {
  fastify.get('/rows', async (request) => {
    const { pageSize = 20 } = request.query;
    return Row.findAndCountAll({ limit: pageSize, offset: 0 });
  });
}`,
      errors: [{ messageId: 'unboundedLimit', data: { source: 'request.query.pageSize', role: 'limit', sink: 'Row.findAndCountAll', via: '' } }],
    },
    {
      name: 'SQL template LIMIT',
      code: `app.get('/logs', async (req, res) => {
  const { rows } = await pool.query(\`SELECT * FROM logs ORDER BY id DESC LIMIT \${req.query.n}\`);
  res.json(rows);
});`,
      errors: [{ messageId: 'unboundedLimit', data: { source: 'req.query.n', role: 'LIMIT', sink: 'pool.query', via: '' } }],
    },
    {
      name: 'SQL concatenation LIMIT',
      code: `app.get('/logs', async (req, res) => {
  const n = parseInt(req.query.n);
  db.all('SELECT * FROM logs LIMIT ' + n, (err, rows) => res.json(rows));
});`,
      errors: [{ messageId: 'unboundedLimit' }],
    },
    {
      name: 'a helper in the same file passes the limit to the query',
      code: `async function listPosts(limit) {
  return Post.find().sort({ createdAt: -1 }).limit(limit);
}
app.get('/posts', async (req, res) => {
  res.json(await listPosts(Number(req.query.limit)));
});`,
      errors: [{ messageId: 'unboundedLimit', data: { source: 'req.query.limit', role: 'limit', sink: '.limit()', via: ' via `listPosts(Number(req.query.limit))` (GET /posts)' } }],
    },
    {
      name: 'nest @Query parameter with ParseIntPipe only',
      code: `import { Controller, Get, ParseIntPipe, Query } from '@nestjs/common';
@Controller('items')
export class ItemsController {
  constructor(private readonly repo: Repository<Item>) {}
  @Get()
  list(@Query('limit', ParseIntPipe) limit: number) {
    return this.repo.find({ take: limit });
  }
}`,
      errors: [{ messageId: 'unboundedLimit' }],
    },
    {
      name: 'nest DTO field without @Max',
      code: `import { Controller, Get, Query } from '@nestjs/common';
import { IsInt, Min } from 'class-validator';
class ListQuery {
  @IsInt() @Min(1) limit: number = 20;
}
@Controller('items')
export class ItemsController {
  constructor(private readonly repo: Repository<Item>) {}
  @Get()
  list(@Query() query: ListQuery) {
    return this.repo.find({ take: query.limit });
  }
}`,
      errors: [{ messageId: 'unboundedLimit' }],
    },
    {
      name: 'express.json with 50mb',
      code: `import express from 'express';
const app = express();
app.use(express.json({ limit: '50mb' }));`,
      errors: [{ messageId: 'largeBodyLimit', data: { sink: 'express.json', size: '50 MB', key: 'limit', value: "'50mb'", threshold: '10 MB' } }],
    },
    {
      name: 'bodyParser.urlencoded with a constant limit',
      code: `const bodyParser = require('body-parser');
const BODY_LIMIT = '100mb';
app.use(bodyParser.urlencoded({ extended: true, limit: BODY_LIMIT }));`,
      errors: [{ messageId: 'largeBodyLimit', data: { sink: 'bodyParser.urlencoded', size: '100 MB', key: 'limit', value: 'BODY_LIMIT', threshold: '10 MB' } }],
    },
    {
      name: 'Fastify bodyLimit of 1 GB',
      code: `import Fastify from 'fastify';
const app = Fastify({ bodyLimit: 1024 * 1024 * 1024 });`,
      errors: [{ messageId: 'largeBodyLimit', data: { sink: 'Fastify', size: '1 GB', key: 'bodyLimit', value: '1024 * 1024 * 1024', threshold: '10 MB' } }],
    },
    {
      name: 'Nest useBodyParser',
      code: `import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false });
  app.useBodyParser('json', { limit: '25mb' });
  await app.listen(3000);
}`,
      errors: [{ messageId: 'largeBodyLimit' }],
    },
    {
      name: 'express.raw with no limit',
      code: `import express from 'express';
app.post('/upload', express.raw({ type: '*/*', limit: Infinity }), upload);`,
      errors: [{ messageId: 'largeBodyLimit', data: { sink: 'express.raw', size: 'no limit', key: 'limit', value: 'Infinity', threshold: '10 MB' } }],
    },
    {
      name: 'Fastify route bodyLimit',
      code: `export default async function routes(fastify) {
  fastify.post('/import', { bodyLimit: 500 * 1024 * 1024 }, async (request) => importAll(request.body));
}`,
      errors: [{ messageId: 'largeBodyLimit' }],
    },
  ],
});
