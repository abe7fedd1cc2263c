/**
 * require-ownership-check per file (no type information): an authenticated route that addresses a
 * record by a client-supplied id and never relates it to the caller. Routes whose handler calls code
 * in another file stay silent here (the project run decides; see the typed test).
 */
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/require-ownership-check.js';
import { createRuleTester } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const NEVER = "the handler never uses the caller's identity";

const EXPRESS_HEAD = `import express from 'express';
import { requireAuth } from './middleware/auth';
import { Invoice } from './models/invoice';
const app = express();
`;

createRuleTester().run('require-ownership-check', testedRule, {
  valid: [
    // --- Express --------------------------------------------------------------------------------
    {
      // The lookup is scoped to the caller: the filter names the owner.
      name: 'express/mongoose: findOne scoped by owner',
      code: `${EXPRESS_HEAD}app.get('/invoices/:id', requireAuth, async (req, res) => {
  res.json(await Invoice.findOne({ _id: req.params.id, owner: req.user.id }));
});`,
    },
    {
      // The handler compares the record's owner with the caller and answers 403.
      name: 'express/mongoose: owner compared with req.user, then 403',
      code: `${EXPRESS_HEAD}app.delete('/invoices/:id', requireAuth, async (req, res) => {
  const invoice = await Invoice.findById(req.params.id);
  if (!invoice || String(invoice.owner) !== req.user.id) return res.status(403).end();
  await Invoice.findByIdAndDelete(req.params.id);
  res.status(204).end();
});`,
    },
    {
      // No authentication in the chain: require-auth-guard's business, not this rule's.
      name: 'express: unauthenticated route',
      code: `import express from 'express';
import { Invoice } from './models/invoice';
const app = express();
app.get('/invoices/:id', async (req, res) => {
  res.json(await Invoice.findById(req.params.id));
});`,
    },
    {
      // A role guard in the chain: an admin-only route is not BOLA.
      name: 'express: requireRole("admin") in the chain',
      code: `${EXPRESS_HEAD}import { requireRole } from './middleware/roles';
app.delete('/admin/invoices/:id', requireAuth, requireRole('admin'), async (req, res) => {
  await Invoice.findByIdAndDelete(req.params.id);
  res.status(204).end();
});`,
    },
    {
      // A middleware named for the role it requires, whatever status it answers with (proshop's
      // \`admin\` answers 401): an admin-only route is not BOLA.
      name: 'express: an admin middleware answering 401 in the chain',
      code: `import express from 'express';
import jwt from 'jsonwebtoken';
import { Order } from './models/order';
const app = express();
function protect(req, res, next) {
  try { req.user = jwt.verify(req.headers.authorization, process.env.JWT_SECRET); next(); }
  catch (e) { res.status(401).json({ message: 'Not authorized' }); }
}
function admin(req, res, next) {
  if (req.user && req.user.isAdmin) return next();
  res.status(401).json({ message: 'Not authorized as an admin' });
}
app.put('/orders/:id/deliver', protect, admin, async (req, res) => {
  const order = await Order.findById(req.params.id);
  order.isDelivered = true;
  res.json(await order.save());
});`,
    },
    {
      // An auth factory called with the rights it requires restricts the route to them
      // (node-express-boilerplate's auth('getUsers'), which also lets a user reach their own record).
      name: "express: auth('getUsers') names the rights the route requires",
      code: `import express from 'express';
import auth from './middleware/auth';
import { Invoice } from './models/invoice';
const app = express();
app.get('/invoices/:id', auth('getUsers'), async (req, res) => {
  res.json(await Invoice.findById(req.params.id));
});`,
    },
    {
      // /me addresses the caller's own record.
      name: 'express: /me route',
      code: `${EXPRESS_HEAD}app.get('/users/me/invoices/:id', requireAuth, async (req, res) => {
  res.json(await Invoice.findById(req.params.id));
});`,
    },
    {
      // The handler calls a service in another file: per file the service may check the owner.
      name: 'express: service in another file (per file, unknown)',
      code: `${EXPRESS_HEAD}import { assertCanRead } from './services/invoice-access';
app.get('/invoices/:id', requireAuth, async (req, res) => {
  const invoice = await Invoice.findById(req.params.id);
  await assertCanRead(invoice);
  res.json(invoice);
});`,
    },
    {
      // The id is the caller's own: `req.user.id` is not client input.
      name: 'express: lookup by req.user.id',
      code: `${EXPRESS_HEAD}app.get('/profile', requireAuth, async (req, res) => {
  res.json(await Invoice.findOne({ _id: req.user.invoiceId }));
});`,
    },
    {
      // The body field is not an id (a free-text search term).
      name: 'express: body field that is not an id',
      code: `${EXPRESS_HEAD}app.post('/invoices/search', requireAuth, async (req, res) => {
  res.json(await Invoice.findOne({ number: req.body.number, owner: req.user.id }));
});`,
    },
    {
      // A CASL ability decides: the caller's permissions are checked against the record.
      name: 'express: CASL ability.can',
      code: `${EXPRESS_HEAD}app.put('/invoices/:id', requireAuth, async (req, res) => {
  const invoice = await Invoice.findById(req.params.id);
  if (!req.ability.can('update', invoice)) return res.sendStatus(403);
  res.json(await invoice.save());
});`,
    },
    {
      // The handler destructures the caller from the request parameter.
      name: 'express: ({ params, user }) destructured caller',
      code: `${EXPRESS_HEAD}app.get('/invoices/:id', requireAuth, async ({ params, user }, res) => {
  const invoice = await Invoice.findById(params.id);
  if (invoice.owner !== user.id) return res.sendStatus(404);
  res.json(invoice);
});`,
    },
    {
      // The session holds the caller.
      name: 'express: req.session.userId scopes the update',
      code: `${EXPRESS_HEAD}app.patch('/invoices/:id', requireAuth, async (req, res) => {
  const result = await Invoice.updateOne({ _id: req.params.id, owner: req.session.userId }, { paid: true });
  res.json(result);
});`,
    },
    {
      // An ownership middleware in the chain authorizes the request.
      name: 'express: requireOwnership middleware',
      code: `${EXPRESS_HEAD}import { requireOwnership } from './middleware/ownership';
app.delete('/invoices/:id', requireAuth, requireOwnership(Invoice), async (req, res) => {
  await Invoice.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
});`,
    },
    // --- Prisma / Sequelize / TypeORM -----------------------------------------------------------
    {
      // Prisma where with the owner id: a scoped lookup.
      name: 'express/prisma: findFirst where id and userId',
      code: `import { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { authenticate } from './auth';
const prisma = new PrismaClient();
const router = Router();
router.get('/notes/:id', authenticate, async (req, res) => {
  const note = await prisma.note.findFirst({ where: { id: req.params.id, userId: req.auth.sub } });
  res.json(note);
});`,
    },
    {
      // Sequelize destroy scoped by tenant.
      name: 'express/sequelize: destroy where tenantId',
      code: `${EXPRESS_HEAD}app.delete('/invoices/:id', requireAuth, async (req, res) => {
  await Invoice.destroy({ where: { id: req.params.id, tenantId: req.user.tenantId } });
  res.sendStatus(204);
});`,
    },
    // --- NestJS ---------------------------------------------------------------------------------
    {
      // @CurrentUser() injects the caller; the service receives it.
      name: 'nest: @CurrentUser() passed to the repository filter',
      code: `import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CurrentUser } from './current-user.decorator';
import { Order } from './order.entity';

@Controller('orders')
@UseGuards(AuthGuard('jwt'))
export class OrdersController {
  constructor(@InjectRepository(Order) private readonly orders: Repository<Order>) {}

  @Get(':id')
  findOne(@Param('id') id: string, @CurrentUser() user: { id: string }) {
    return this.orders.findOne({ where: { id, customerId: user.id } });
  }
}`,
    },
    {
      // @Roles('admin') restricts the route to administrators.
      name: 'nest: @Roles("admin") on the method',
      code: `import { Controller, Delete, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Roles } from './roles.decorator';
import { Order } from './order.entity';

@Controller('orders')
@UseGuards(AuthGuard('jwt'))
export class OrdersController {
  constructor(@InjectRepository(Order) private readonly orders: Repository<Order>) {}

  @Delete(':id')
  @Roles('admin')
  remove(@Param('id') id: string) {
    return this.orders.delete(id);
  }
}`,
    },
    {
      // The controller delegates to a service in another file: per file nothing is known.
      name: 'nest: service in another file (per file)',
      code: `import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { OrdersService } from './orders.service';

@Controller('orders')
@UseGuards(AuthGuard('jwt'))
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.orders.findOne(id);
  }
}`,
    },
    {
      // @Req() req and req.user: the caller scopes the Prisma query.
      name: 'nest: @Req() req with req.user in the where',
      code: `import { Controller, Get, Param, Req, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { PrismaService } from './prisma.service';

@Controller('documents')
@UseGuards(AuthGuard('jwt'))
export class DocumentsController {
  constructor(private readonly prisma: PrismaService) {}

  @Get(':id')
  findOne(@Param('id') id: string, @Req() req: { user: { id: string } }) {
    return this.prisma.document.findFirst({ where: { id, authorId: req.user.id } });
  }
}`,
    },
    // --- Fastify --------------------------------------------------------------------------------
    {
      // request.user compared with the record's owner.
      name: 'fastify: request.user compared with the owner',
      code: `import Fastify from 'fastify';
import { Invoice } from './models/invoice';
const app = Fastify();
app.get('/invoices/:id', { onRequest: [app.authenticate] }, async (request, reply) => {
  const invoice = await Invoice.findByPk(request.params.id);
  if (invoice.userId !== request.user.sub) return reply.code(404).send();
  return invoice;
});`,
    },
    {
      // A role hook (`requireLibrarian`) restricts the route to staff: not BOLA.
      name: 'fastify: requireLibrarian hook in the chain',
      code: `import Fastify from 'fastify';
import { Member } from './models/member';
const app = Fastify();
app.patch('/members/:id', { onRequest: [app.authenticate, app.requireLibrarian] }, async (request) => {
  return Member.findByIdAndUpdate(request.params.id, { blocked: true });
});`,
    },
    {
      // A webhook's caller is a provider, not a user who could own records.
      name: 'express: signature-checked webhook updates by id',
      code: `${EXPRESS_HEAD}import { verifySignature } from './middleware/signature';
app.post('/webhooks/payments', verifySignature, async (req, res) => {
  await Invoice.updateOne({ _id: req.body.invoiceId }, { paid: true });
  res.sendStatus(204);
});`,
    },
    {
      // A POST that reads the parent record to add a child to it (a comment on any article) is open to every caller by design.
      name: 'express: POST reads the parent to add a child',
      code: `${EXPRESS_HEAD}app.post('/invoices/:id/comments', requireAuth, async (req, res) => {
  const invoice = await Invoice.findById(req.params.id);
  res.status(201).json({ invoice: invoice.id, text: String(req.body.text) });
});`,
    },
  ],
  invalid: [
    {
      name: 'express/mongoose: findById(req.params.id) behind requireAuth',
      code: `${EXPRESS_HEAD}app.get('/invoices/:id', requireAuth, async (req, res) => {
  res.json(await Invoice.findById(req.params.id));
});`,
      errors: [
        {
          messageId: 'missingOwnershipCheck',
          line: 6,
          data: {
            route: 'GET /invoices/:id',
            verb: 'loads',
            sink: 'Invoice.findById',
            source: 'req.params.id',
            evidence: NEVER,
          },
        },
      ],
    },
    {
      // The twin: a strategy name is not a right.
      name: "express: authenticate('jwt') only authenticates",
      code: `import express from 'express';
import { authenticate } from './middleware/auth';
import { Invoice } from './models/invoice';
const app = express();
app.get('/invoices/:id', authenticate('jwt'), async (req, res) => {
  res.json(await Invoice.findById(req.params.id));
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 6, data: { route: 'GET /invoices/:id', verb: 'loads', sink: 'Invoice.findById', source: 'req.params.id', evidence: NEVER } }],
    },
    {
      name: 'express/mongoose: findByIdAndDelete by a destructured param',
      code: `${EXPRESS_HEAD}app.delete('/invoices/:invoiceId', requireAuth, async (req, res) => {
  const { invoiceId } = req.params;
  await Invoice.findByIdAndDelete(invoiceId);
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 7, data: { route: 'DELETE /invoices/:invoiceId', verb: 'deletes', sink: 'Invoice.findByIdAndDelete', source: 'req.params.invoiceId', evidence: NEVER } }],
    },
    {
      name: 'express/mongoose: updateOne by _id from the body',
      code: `${EXPRESS_HEAD}app.post('/invoices/pay', requireAuth, async (req, res) => {
  await Invoice.updateOne({ _id: req.body.invoiceId }, { paid: true });
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 6 }],
    },
    {
      name: 'express/mongoose: findOne by accountId from the query',
      code: `${EXPRESS_HEAD}app.get('/statements', requireAuth, async (req, res) => {
  res.json(await Invoice.findOne({ accountId: req.query.accountId }));
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 6, data: { route: 'GET /statements', verb: 'loads', sink: 'Invoice.findOne', source: 'req.query.accountId', evidence: NEVER } }],
    },
    {
      // The owner key is set from client input: it scopes nothing.
      name: 'express/mongoose: owner key taken from the body',
      code: `${EXPRESS_HEAD}app.get('/invoices/:id', requireAuth, async (req, res) => {
  res.json(await Invoice.findOne({ userId: req.body.userId }));
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 6 }],
    },
    {
      name: 'express: a local helper that loads the record (followed)',
      code: `${EXPRESS_HEAD}async function loadInvoice(id) {
  return Invoice.findById(id);
}
app.get('/invoices/:id', requireAuth, async (req, res) => {
  res.json(await loadInvoice(req.params.id));
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 6, data: { route: 'GET /invoices/:id', verb: 'loads', sink: 'Invoice.findById', source: 'req.params.id', evidence: "neither the handler nor the 1 function it calls use the caller's identity" } }],
    },
    {
      name: 'express/prisma: delete where id',
      code: `import { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { authenticate } from './auth';
const prisma = new PrismaClient();
const router = Router();
router.delete('/notes/:id', authenticate, async (req, res) => {
  await prisma.note.delete({ where: { id: req.params.id } });
  res.status(204).end();
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 7, data: { route: 'DELETE /?/notes/:id', verb: 'deletes', sink: 'prisma.note.delete', source: 'req.params.id', evidence: NEVER } }],
    },
    {
      name: 'express/prisma: update where id with a Number() id',
      code: `import { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { authenticate } from './auth';
const prisma = new PrismaClient();
const router = Router();
router.put('/notes/:id', authenticate, async (req, res) => {
  const note = await prisma.note.update({ where: { id: Number(req.params.id) }, data: { title: String(req.body.title) } });
  res.json(note);
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 7 }],
    },
    {
      // One finding per route: the update, not the read that follows it.
      name: 'express/sequelize: findByPk and update(values, { where })',
      code: `${EXPRESS_HEAD}app.put('/invoices/:id', requireAuth, async (req, res) => {
  await Invoice.update({ paid: true }, { where: { id: req.params.id } });
  res.json(await Invoice.findByPk(req.params.id));
});`,
      errors: [
        { messageId: 'missingOwnershipCheck', line: 6, data: { route: 'PUT /invoices/:id', verb: 'updates', sink: 'Invoice.update', source: 'req.params.id', evidence: NEVER } },
      ],
    },
    {
      name: 'express/typeorm: repository.delete(id) with getRepository',
      code: `import { Router } from 'express';
import { getRepository } from 'typeorm';
import { passport } from './passport';
import { Ticket } from './ticket.entity';
const router = Router();
router.delete('/tickets/:id', passport.authenticate('jwt', { session: false }), async (req, res) => {
  await getRepository(Ticket).delete(req.params.id);
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 7, data: { route: 'DELETE /?/tickets/:id', verb: 'deletes', sink: 'getRepository(…).delete', source: 'req.params.id', evidence: NEVER } }],
    },
    {
      name: 'express/mongodb: collection.deleteOne by new ObjectId(id)',
      code: `import express from 'express';
import { ObjectId } from 'mongodb';
import { requireAuth } from './auth';
import { db } from './db';
const app = express();
app.delete('/files/:id', requireAuth, async (req, res) => {
  await db.collection('files').deleteOne({ _id: new ObjectId(req.params.id) });
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 7 }],
    },
    {
      name: 'nest: repository lookup in the controller, guarded class, no caller',
      code: `import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Controller('orders')
@UseGuards(AuthGuard('jwt'))
export class OrdersController {
  constructor(@InjectRepository(Order) private readonly orders: Repository<Order>) {}

  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.orders.findOneBy({ id });
  }
}`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 14, data: { route: 'GET /orders/:id', verb: 'loads', sink: 'this.orders.findOneBy', source: "@Param('id')", evidence: NEVER } }],
    },
    {
      name: 'nest: TypeORM findOne(id) before 0.3, then remove',
      code: `import { Controller, Delete, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Comment } from './comment.entity';

@Controller('comments')
@UseGuards(AuthGuard('jwt'))
export class CommentsController {
  constructor(@InjectRepository(Comment) private readonly comments: Repository<Comment>) {}

  @Delete(':id')
  async remove(@Param('id') id: string) {
    const comment = await this.comments.findOne(id);
    return this.comments.remove(comment);
  }
}`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 14, data: { route: 'DELETE /comments/:id', verb: 'loads', sink: 'this.comments.findOne', source: "@Param('id')", evidence: NEVER } }],
    },
    {
      // The parent is loaded by slug, then the child by id: one flaw, reported at the child.
      name: 'express: parent by slug then child by id, one finding',
      code: `${EXPRESS_HEAD}import { Line } from './models/line';
app.get('/invoices/:slug/lines/:lineId', requireAuth, async (req, res) => {
  const invoice = await Invoice.findOne({ slug: req.params.slug });
  const line = await Line.findById(req.params.lineId);
  res.json({ invoice: invoice.id, line });
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 8, data: { route: 'GET /invoices/:slug/lines/:lineId', verb: 'loads', sink: 'Line.findById', source: 'req.params.lineId', evidence: NEVER } }],
    },
    {
      name: 'nest: prisma update in the controller',
      code: `import { Body, Controller, Param, Patch, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from './jwt-auth.guard';
import { PrismaService } from './prisma.service';

@Controller('documents')
@UseGuards(JwtAuthGuard)
export class DocumentsController {
  constructor(private readonly prisma: PrismaService) {}

  @Patch(':id')
  rename(@Param('id') id: string, @Body('title') title: string) {
    return this.prisma.document.update({ where: { id }, data: { title } });
  }
}`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 12 }],
    },
    {
      name: 'fastify: findByPk behind an onRequest authenticate hook',
      code: `import Fastify from 'fastify';
import { Invoice } from './models/invoice';
const app = Fastify();
app.get('/invoices/:id', { onRequest: [app.authenticate] }, async (request) => {
  return Invoice.findByPk(request.params.id);
});`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 5, data: { route: 'GET /invoices/:id', verb: 'loads', sink: 'Invoice.findByPk', source: 'request.params.id', evidence: NEVER } }],
    },
    {
      name: 'express: router.use(requireAuth) protects the router, findByIdAndUpdate',
      code: `import { Router } from 'express';
import { requireAuth } from './auth';
import { Invoice } from './models/invoice';
const router = Router();
router.use(requireAuth);
router.patch('/invoices/:id', async (req, res) => {
  res.json(await Invoice.findByIdAndUpdate(req.params.id, { paid: Boolean(req.body.paid) }, { new: true }));
});
export default router;`,
      errors: [{ messageId: 'missingOwnershipCheck', line: 7 }],
    },
  ],
});
