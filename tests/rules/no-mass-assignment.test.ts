import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-mass-assignment.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils; the rule object is the same at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

const EXAMPLES = '`role` or `isAdmin`';

/** A Nest app whose controller takes an array body through `ParseArrayPipe` with `pipeOptions`. */
function tagsApp(pipeOptions: string): string {
  return `import { Body, Controller, Module, ParseArrayPipe, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsString } from 'class-validator';
class CreateTagDto {
  @IsString()
  name!: string;
}
@Controller('tags')
export class TagsController {
  constructor(private readonly prisma: PrismaService) {}
  @Post('bulk')
  createMany(@Body(new ParseArrayPipe(${pipeOptions})) tags: CreateTagDto[]) {
    return this.prisma.tag.createMany({ data: tags });
  }
}
@Module({ controllers: [TagsController] })
class AppModule {}
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));
  await app.listen(3000);
}
void bootstrap();`;
}

/** A Nest app whose bootstrap first creates an app to read configuration: `throwaway` is how that app is used. */
function configFirstApp(throwaway: string): string {
  return `import { Body, Controller, Module, Post, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { IsString } from 'class-validator';
class CreateNoteDto {
  @IsString()
  text!: string;
}
@Controller('notes')
export class NotesController {
  constructor(private readonly prisma: PrismaService) {}
  @Post()
  create(@Body() dto: CreateNoteDto) {
    return this.prisma.note.create({ data: dto });
  }
}
@Module({ controllers: [NotesController] })
class AppModule {}
async function bootstrap() {
  const configApp = await NestFactory.create(AppModule);
  const logLevel = configApp.get(ConfigService).get('LOG_LEVEL');
  ${throwaway}
  const app = await NestFactory.create(AppModule, { logger: logLevel ? [logLevel] : undefined });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));
  await app.listen(3000);
}
void bootstrap();`;
}

ruleTester.run('no-mass-assignment', testedRule, {
  valid: [
    {
      // The first app only reads configuration and is closed: the app that listens whitelists (ghostfolio; round-3 triage).
      name: 'nest/prisma: an app created to read configuration, then closed',
      code: configFirstApp('await configApp.close();'),
    },
    {
      // ParseArrayPipe runs ValidationPipe on each item with the options it is given.
      name: 'nest/prisma: array body through ParseArrayPipe with whitelist',
      code: tagsApp('{ items: CreateTagDto, whitelist: true, forbidNonWhitelisted: true }'),
    },
    {
      // The helper returns a plain object (a lean query), not a document: assigning into it writes no model.
      name: 'express/mongoose: a helper that returns a lean object',
      code: `import { Project } from '../models/project';
async function loadProjectView(id) {
  return Project.findById(id).lean();
}
router.patch('/projects/:id/preview', async (req, res) => {
  const view = await loadProjectView(req.params.id);
  Object.assign(view, req.body);
  res.json(view);
});`,
    },
    // --- Express + Mongoose -----------------------------------------------------------------
    {
      // zod strips keys its object does not declare; the parsed value is what is written.
      name: 'express/mongoose: zod parse result is written',
      code: `import { z } from 'zod';
import { Router } from 'express';
import { User } from '../models/user';
const router = Router();
const SignUp = z.object({ email: z.string().email(), name: z.string() });
router.post('/users', async (req, res) => {
  const input = SignUp.parse(req.body);
  res.status(201).json(await User.create({ ...input, role: 'member' }));
});`,
    },
    {
      // safeParse(...).data is the stripped value.
      name: 'express/mongoose: zod safeParse data is written',
      code: `import { z } from 'zod';
import { Post } from '../models/post';
const PostInput = z.object({ title: z.string(), body: z.string() });
router.post('/posts', async (req, res) => {
  const parsed = PostInput.safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error.flatten());
  res.status(201).json(await Post.create(parsed.data));
});`,
    },
    {
      // joi rejects undeclared keys by default, and value is what is written.
      name: 'express/mongoose: joi validate value',
      code: `const Joi = require('joi');
const Monitor = require('../models/Monitor');
const monitorSchema = Joi.object({ name: Joi.string().required(), url: Joi.string().uri() });
router.put('/:id', async (req, res) => {
  const { value, error } = monitorSchema.validate(req.body);
  if (error) return res.status(400).json({ error: 'invalid' });
  res.json(await Monitor.findOneAndUpdate({ _id: req.params.id, org: req.user.org }, value, { new: true }));
});`,
    },
    {
      // joi rejects undeclared keys, and the route returns before writing when it does.
      name: 'express/mongoose: joi guard, then the body itself is written',
      code: `const Joi = require('joi');
const Monitor = require('../models/Monitor');
const monitorSchema = Joi.object({ name: Joi.string(), intervalSeconds: Joi.number() });
router.patch('/:id', async (req, res) => {
  const { error } = monitorSchema.validate(req.body);
  if (error) return res.status(400).end();
  await Monitor.updateOne({ _id: req.params.id }, req.body);
  res.status(204).end();
});`,
    },
    {
      // yup with stripUnknown drops undeclared keys.
      name: 'express/mongoose: yup validate with stripUnknown',
      code: `const yup = require('yup');
const Incident = require('../models/Incident');
const incidentSchema = yup.object({ title: yup.string(), status: yup.string() });
router.patch('/:id', async (req, res) => {
  const changes = await incidentSchema.validate(req.body, { stripUnknown: true });
  res.json(await Incident.findOneAndUpdate({ _id: req.params.id }, changes, { new: true }));
});`,
    },
    {
      // A yup object with noUnknown() strips undeclared keys when it casts.
      name: 'express/mongoose: yup noUnknown schema',
      code: `import * as yup from 'yup';
import { Profile } from '../models/profile';
const profileSchema = yup.object({ bio: yup.string().max(500) }).noUnknown();
router.put('/me', async (req, res) => {
  const data = await profileSchema.validate(req.body);
  res.json(await Profile.findOneAndUpdate({ user: req.user.id }, data));
});`,
    },
    {
      // Named fields picked one by one.
      name: 'express/mongoose: explicit object of named fields',
      code: `const User = require('../models/User');
router.put('/me', async (req, res) => {
  await User.updateOne({ _id: req.user.id }, { name: req.body.name, bio: req.body.bio });
  res.status(204).end();
});`,
    },
    {
      // Destructuring named fields is an allowlist.
      name: 'express/mongoose: destructured named fields',
      code: `import { Cookbook } from '../models/cookbook';
router.post('/cookbooks', async (req, res) => {
  const { title, description } = req.body;
  res.status(201).json(await Cookbook.create({ title, description, ownerId: req.user.id }));
});`,
    },
    {
      // lodash pick keeps only the listed fields.
      name: 'express/mongoose: lodash pick',
      code: `import pick from 'lodash/pick';
import { User } from '../models/user';
const EDITABLE = ['displayName', 'bio'];
router.patch('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  await user.set(pick(req.body, ['displayName', 'bio'])).save();
  res.json(user);
});`,
    },
    {
      // A single boolean derived from the body is not an object of fields.
      name: 'express/mongoose: one derived field',
      code: `const Monitor = require('../models/Monitor');
router.post('/:id/pause', async (req, res) => {
  await Monitor.updateOne({ _id: req.params.id, org: req.user.org }, { paused: req.body.paused !== false });
  res.status(204).end();
});`,
    },
    {
      // A read: finding documents by the body is another matter (NoSQL injection), not a write.
      name: 'express/mongoose: a query, not a write',
      code: `const User = require('../models/User');
router.post('/search', async (req, res) => {
  res.json(await User.find(req.body).limit(20));
});`,
    },
    {
      // cache.set, res.locals, a Map, an array and a log line are not models.
      name: 'express: look-alike writes that are not models',
      code: `const cache = new Map();
const recent = [];
router.post('/drafts', (req, res) => {
  cache.set(req.user.id, req.body);
  res.locals.draft = req.body;
  recent.push(req.body);
  const index = new Map(Object.entries(req.body));
  logger.info(Object.assign({}, { route: 'drafts' }, req.body));
  res.json({ size: index.size });
});`,
    },
    {
      // Object.assign into a fresh object is a copy, not a model write; the copy is only logged.
      name: 'express: Object.assign into a plain object for logging',
      code: `router.post('/events', (req, res) => {
  const entry = Object.assign({}, defaults, req.body);
  console.log(JSON.stringify(entry));
  res.status(202).end();
});`,
    },
    {
      // express-validator's matchedData returns only the fields the chains validated.
      name: 'express: express-validator matchedData',
      code: `import { body, matchedData, validationResult } from 'express-validator';
import { Article } from '../models/article';
router.post('/articles', body('title').isString(), body('text').isString(), async (req, res) => {
  if (!validationResult(req).isEmpty()) return res.status(400).end();
  res.status(201).json(await Article.create(matchedData(req)));
});`,
    },
    {
      // checkExact() rejects fields no chain names: the gate after it then stands for a whole-body check.
      name: 'express: express-validator chains under checkExact, then an error gate',
      code: `import { body, checkExact } from 'express-validator';
import { handleValidationErrors } from '../middleware/validation';
import { Vendor } from '../models/vendor';
router.post('/vendors', checkExact([body('name').isString(), body('email').isEmail()]), handleValidationErrors, async (req, res) => {
  res.status(201).json(await Vendor.create(req.body));
});`,
    },
    {
      // A validate middleware that replaces req.body with the parsed value is a validator, whatever else it calls.
      name: 'express: a local validate(schema) that replaces req.body',
      code: `import { z } from 'zod';
import { Vendor } from '../models/vendor';
const VendorInput = z.object({ name: z.string() });
const validateBody = (schema) => (req, res, next) => {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) return res.status(422).json(parsed.error.issues);
  req.body = parsed.data;
  next();
};
router.post('/vendors', validateBody(VendorInput), async (req, res) => {
  res.status(201).json(await Vendor.create(req.body));
});`,
    },
    {
      // celebrate validates the body with joi (undeclared keys rejected) before the handler.
      name: 'express: celebrate body validation',
      code: `import { celebrate, Joi, Segments } from 'celebrate';
import { Order } from '../models/order';
router.post('/orders', celebrate({ [Segments.BODY]: Joi.object({ sku: Joi.string().required(), qty: Joi.number() }) }), async (req, res) => {
  res.status(201).json(await Order.create(req.body));
});`,
    },
    {
      // An array literal of objects with named fields holds those fields only, as the object does alone.
      name: 'express/mongoose: insertMany of an array literal of named fields',
      code: `import { Post } from '../models/post';
router.post('/posts/bulk', async (req, res) => {
  res.status(201).json(await Post.insertMany([{ title: req.body.title, text: req.body.text }, { title: 'draft' }]));
});`,
    },
    {
      // The validation middleware held by a constant is the same middleware.
      name: 'express: celebrate middleware held by a constant',
      code: `import express from 'express';
import { celebrate, Joi, Segments } from 'celebrate';
import { Order } from './models/order';
const app = express();
const orderBody = celebrate({ [Segments.BODY]: Joi.object({ sku: Joi.string().required(), qty: Joi.number() }) });
app.post('/orders', orderBody, async (req, res) => {
  res.status(201).json(await Order.create(req.body));
});`,
    },
    {
      // A validation middleware from another file is trusted per file.
      name: 'express: named validation middleware',
      code: `import { validateBody } from '../middleware/validate';
import { createTagSchema } from '../schemas';
import { Tag } from '../models/tag';
router.post('/tags', validateBody(createTagSchema), async (req, res) => {
  res.status(201).json(await Tag.create(req.body));
});`,
    },
    {
      // The handler is declared through a pass-through catchAsync(); the route validates the body before it.
      name: 'express/mongoose: handler declared through a local catchAsync, behind validateBody',
      code: `const express = require('express');
const mongoose = require('mongoose');
const Joi = require('joi');
const app = express();
const User = mongoose.model('User', new mongoose.Schema({ email: String, role: String }));
const catchAsync = (fn) => (req, res, next) => { Promise.resolve(fn(req, res, next)).catch(next); };
const register = catchAsync(async (req, res) => { res.status(201).json(await User.create(req.body)); });
const validateBody = (schema) => (req, res, next) => { const { value, error } = schema.validate(req.body); if (error) return res.status(400).json({ error: 'invalid' }); req.body = value; next(); };
app.post('/signup', validateBody(Joi.object({ email: Joi.string().email() })), register);`,
    },
    {
      // express-async-handler and a wrapAsync function declaration only forward the request; celebrate validates first.
      name: 'express/mongoose: handlers declared through express-async-handler and wrapAsync, behind celebrate',
      code: `import asyncHandler from 'express-async-handler';
import { celebrate, Joi, Segments } from 'celebrate';
import { Order } from '../models/order';
function wrapAsync(fn) {
  return function (req, res, next) {
    fn(req, res, next).catch(next);
  };
}
const createOrder = asyncHandler(async (req, res) => {
  res.status(201).json(await Order.create(req.body));
});
const importOrder = wrapAsync(async (req, res) => {
  res.status(201).json(await Order.create(req.body));
});
const OrderBody = Joi.object({ sku: Joi.string().required(), qty: Joi.number() });
router.post('/orders', celebrate({ [Segments.BODY]: OrderBody }), createOrder);
router.post('/orders/import', celebrate({ [Segments.BODY]: OrderBody }), importOrder);`,
    },
    {
      // lodash pick keeps only the listed fields (express-rest-boilerplate's shape, a document saved at once).
      name: 'express/mongoose: new Model(pick(req.body, [...])).save()',
      code: `const { pick } = require('lodash');
const User = require('../models/user.model');
router.post('/users', async (req, res) => {
  const user = await new User(pick(req.body, ['email', 'name'])).save();
  res.status(201).json(user);
});`,
    },
    {
      // express-validation 3.x and later (the named export) run joi with its defaults: undeclared keys are rejected.
      name: 'express/mongoose: express-validation 3.x validate with a joi object',
      code: `const { validate, Joi } = require('express-validation');
const User = require('../models/user.model');
const createUser = { body: Joi.object({ email: Joi.string().email().required(), name: Joi.string() }) };
router.post('/users', validate(createUser), async (req, res) => {
  res.status(201).json(await User.create(req.body));
});`,
    },
    {
      // express-validation 1.x with allowUnknownBody turned off in the schema's options: joi rejects undeclared keys.
      name: 'express/mongoose: express-validation 1.x with allowUnknownBody: false',
      code: `const validate = require('express-validation');
const Joi = require('joi');
const User = require('../models/user.model');
const createUser = { options: { allowUnknownBody: false }, body: { email: Joi.string().email().required(), name: Joi.string() } };
router.post('/users', validate(createUser), async (req, res) => {
  res.status(201).json(await User.create(req.body));
});`,
    },
    {
      // An imported mapper may narrow; per file the rule cannot see it.
      name: 'express: body through a helper from another file',
      code: `import { toUserAttributes } from '../mappers/user';
import { User } from '../models/user';
router.post('/users', async (req, res) => {
  res.status(201).json(await User.create(toUserAttributes(req.body)));
});`,
    },
    {
      // The write happens in a service of another file; per file there is no sink here.
      name: 'express: body passed to a service',
      code: `import * as usersService from '../services/users.service';
router.post('/users', async (req, res) => {
  res.status(201).json(await usersService.createUser(req.body));
});`,
    },
    {
      // Server-side values only.
      name: 'express/mongoose: server-built document',
      code: `const bcrypt = require('bcrypt');
const User = require('../models/User');
router.post('/register', async (req, res) => {
  const { email, password, name } = req.body;
  const user = await User.create({ email, name: String(name).slice(0, 80), passwordHash: await bcrypt.hash(password, 12), role: 'owner' });
  res.status(201).json({ id: user.id });
});`,
    },
    {
      // Each element narrowed to named fields.
      name: 'express/sequelize: items mapped to named fields',
      code: `import { OrderItem } from '../models/order-item';
router.post('/orders/:id/items', async (req, res) => {
  const rows = req.body.items.map((item) => ({ orderId: Number(req.params.id), sku: item.sku, qty: Number(item.qty) }));
  res.status(201).json(await OrderItem.bulkCreate(rows));
});`,
    },
    {
      // Sequelize writes only the listed fields.
      name: 'express/sequelize: create with a fields allowlist',
      code: `import { Comment } from '../models/comment';
router.post('/comments', async (req, res) => {
  res.status(201).json(await Comment.create(req.body, { fields: ['body', 'recipeId'] }));
});`,
    },
    {
      // A validator listed in the settings counts.
      name: 'express/sequelize: validator from the settings',
      code: `import { Profile } from '../models/profile';
router.put('/profile', async (req, res) => {
  res.json(await Profile.update(sanitizeProfile(req.body), { where: { userId: req.user.id } }));
});`,
      settings: { 'api-guard': { validators: ['sanitizeProfile'] } },
    },
    {
      // The rule's own validators option counts too.
      name: 'express/sequelize: validator from the rule options',
      code: `import { Profile } from '../models/profile';
router.put('/profile', async (req, res) => {
  res.json(await Profile.update(toSafeProfile(req.body), { where: { userId: req.user.id } }));
});`,
      options: [{ validators: ['/^toSafe[A-Z]/'] }],
    },
    {
      // ajv with additionalProperties: false rejects undeclared keys; the handler returns on failure.
      name: 'express/knex: ajv guard with a closed schema',
      code: `import Ajv from 'ajv';
import knex from 'knex';
const db = knex({ client: 'pg' });
const ajv = new Ajv();
const validateContact = ajv.compile({ type: 'object', additionalProperties: false, properties: { email: { type: 'string' } } });
router.post('/contacts', async (req, res) => {
  if (!validateContact(req.body)) return res.status(400).json(validateContact.errors);
  await db('contacts').insert(req.body);
  res.status(201).end();
});`,
    },
    // --- Fastify ------------------------------------------------------------------------------
    {
      // additionalProperties: false at every object level: Fastify's ajv strips or rejects the rest.
      name: 'fastify/prisma: closed JSON body schema',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export default async function routes(fastify) {
  fastify.post('/vehicles', {
    schema: { body: { type: 'object', additionalProperties: false, required: ['vin'], properties: { vin: { type: 'string' }, label: { type: 'string' } } } },
  }, async (request, reply) => reply.code(201).send(await prisma.vehicle.create({ data: { ...request.body, fleetId: request.user.fleetId } })));
}`,
    },
    {
      // A closed TypeBox object, also at the nested level.
      name: 'fastify/prisma: closed TypeBox body',
      code: `import { Type } from '@sinclair/typebox';
const GeofenceBody = Type.Object({
  name: Type.String(),
  center: Type.Object({ lat: Type.Number(), lng: Type.Number() }, { additionalProperties: false }),
}, { additionalProperties: false });
export default async function routes(fastify) {
  fastify.route({
    method: 'POST',
    url: '/geofences',
    schema: { body: GeofenceBody },
    handler: async (request) => fastify.prisma.geofence.create({ data: { ...request.body, fleetId: request.user.fleetId } }),
  });
}`,
    },
    {
      // A conditional spread adds either nothing (a falsy flag) or the literal's own keys
      // (kutt, fastify_20stock, a Fastify SaaS API; round-3 triage).
      name: 'fastify/prisma: conditional spreads of literals with named keys',
      code: `export default async function routes(app) {
  app.post('/products', async (request, reply) => {
    const { name, price, supplierId, isPremium, entryPrice } = request.body;
    const product = await app.prisma.product.create({
      data: { name, price, ...(supplierId && { supplier: { connect: { id: supplierId } } }), ...(isPremium && { entryPrice }) },
    });
    return reply.status(201).send({ id: product.id });
  });
}`,
    },
    {
      // fluent-json-schema chains closed at every object level (through a constant holding part of
      // the chain); a combinator and an array of closed objects; a chain the rule cannot read (extend) is trusted.
      name: 'fastify/knex: closed fluent-json-schema bodies',
      code: `const S = require('fluent-json-schema');
const Address = S.object().prop('city', S.string()).additionalProperties(false);
const insert = {
  body: S.object()
    .prop('article', S.object().prop('title', S.string().required()).prop('address', Address.required()).additionalProperties(false))
    .prop('tags', S.array().items(S.object().prop('label', S.string()).additionalProperties(false)))
    .prop('kind', S.anyOf([S.string(), S.number()]))
    .additionalProperties(false),
};
const extended = { body: S.object().extend(insert.body) };
async function articles(server) {
  server.post('/articles', { schema: insert }, async (req) => server.knex('articles').insert(req.body.article));
  server.put('/articles/:id', { schema: extended }, async (req) => server.knex('articles').where('id', req.params.id).update(req.body.article));
}
module.exports = articles;`,
    },
    {
      // fastify-type-provider-zod: a zod schema as the route's body schema strips (or, strict, rejects) undeclared keys.
      name: 'fastify/mongoose: zod body schemas, plain and strict',
      code: `import { z } from 'zod';
import { User } from '../models/user';
const ProfileBody = z.object({ displayName: z.string() });
const EmailBody = z.object({ email: z.string().email() }).strict();
export default async function routes(app) {
  app.put('/profile', { schema: { body: ProfileBody } }, async (request) => User.updateOne({ _id: request.user.sub }, request.body));
  app.put('/email', { schema: { body: EmailBody } }, async (request) => User.updateOne({ _id: request.user.sub }, request.body));
}`,
    },
    {
      // The body schema is imported; per file the rule cannot tell whether it is closed.
      name: 'fastify/sequelize: imported body schema',
      code: `import { deviceBody } from '../schemas/device';
import { Device } from '../models/device';
export default async function routes(fastify) {
  fastify.post('/devices', { schema: { body: deviceBody } }, async (request) => Device.create(request.body));
}`,
    },
    {
      // ajv configured with removeAdditional: 'all' strips undeclared properties of every object schema.
      name: "fastify/sequelize: removeAdditional 'all' in the same file",
      code: `import Fastify from 'fastify';
import { Device } from './models/device';
const app = Fastify({ ajv: { customOptions: { removeAdditional: 'all' } } });
app.post('/devices', { schema: { body: { type: 'object', properties: { serial: { type: 'string' } } } } }, async (request) => Device.create(request.body));`,
    },
    {
      // Named fields only.
      name: 'fastify/prisma: data built from named fields',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export default async function routes(fastify) {
  fastify.post('/trips', async (request) => {
    const { vehicleId, driverId } = request.body;
    return prisma.trip.create({ data: { vehicleId, driverId, fleetId: request.user.fleetId, startedAt: new Date() } });
  });
}`,
    },
    // --- NestJS -------------------------------------------------------------------------------
    {
      // A decorated DTO class with a whitelisting pipe on the parameter.
      name: 'nest/typeorm: DTO with a whitelisting parameter pipe',
      code: `import { Body, Controller, Post, ValidationPipe } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsInt, IsString } from 'class-validator';
import { Repository } from 'typeorm';
import { Room } from './room.entity';
export class CreateRoomDto {
  @IsString() name: string;
  @IsInt() floor: number;
}
@Controller('rooms')
export class RoomsController {
  constructor(@InjectRepository(Room) private readonly rooms: Repository<Room>) {}
  @Post()
  create(@Body(new ValidationPipe({ whitelist: true })) dto: CreateRoomDto) {
    return this.rooms.save(this.rooms.create(dto));
  }
}`,
    },
    {
      // A whitelisting pipe at controller level strips properties without decorators, entity or DTO alike.
      name: 'nest/typeorm: entity body under a controller whitelisting pipe',
      code: `import { Body, Controller, Post, UsePipes, ValidationPipe } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';
@Entity()
export class Shift {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() startsAt: Date;
}
@Controller('shifts')
@UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }))
export class ShiftsController {
  constructor(@InjectRepository(Shift) private readonly shifts: Repository<Shift>) {}
  @Post()
  create(@Body() shift: Shift) {
    return this.shifts.insert(shift);
  }
}`,
    },
    {
      // Per file, a global pipe in main.ts may whitelist this DTO: the rule stays silent.
      name: 'nest/prisma: DTO class whose global pipes are in another file',
      code: `import { Body, Controller, Patch } from '@nestjs/common';
import { IsBoolean, IsOptional } from 'class-validator';
import { PrismaService } from '../prisma.service';
export class UpdatePreferencesDto {
  @IsOptional() @IsBoolean() smsReminders?: boolean;
}
@Controller('profile')
export class ProfileController {
  constructor(private readonly prisma: PrismaService) {}
  @Patch('preferences')
  update(@Body() dto: UpdatePreferencesDto) {
    return this.prisma.patient.update({ where: { id: 'me' }, data: dto });
  }
}`,
    },
    {
      // The DTO is imported; per file it may be a validated class.
      name: 'nest/mongoose: imported DTO class',
      code: `import { Body, Controller, Post } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CreateCatDto } from './dto/create-cat.dto';
import { Cat } from './cat.schema';
@Controller('cats')
export class CatsController {
  constructor(@InjectModel(Cat.name) private readonly cats: Model<Cat>) {}
  @Post()
  create(@Body() dto: CreateCatDto) {
    return new this.cats(dto).save();
  }
}`,
    },
    {
      // One named property of the body, written into a field.
      name: 'nest/typeorm: a single body property',
      code: `import { Body, Controller, Param, Patch } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Room } from './room.entity';
@Controller('rooms')
export class RoomsController {
  constructor(@InjectRepository(Room) private readonly rooms: Repository<Room>) {}
  @Patch(':id/name')
  rename(@Param('id') id: string, @Body('name') name: string) {
    return this.rooms.update(id, { name: String(name).slice(0, 40) });
  }
}`,
    },
    {
      // A new list of named-field objects assigned to a relation: the body's other fields go nowhere.
      name: 'nest/typeorm: a relation assigned a list of named fields',
      code: `import { Body, Controller, Param, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Article } from './article.entity';
interface CreateCommentDto {
  body: string;
}
@Controller('articles')
export class ArticlesController {
  constructor(@InjectRepository(Article) private readonly articleRepository: Repository<Article>) {}
  @Post(':slug/comments')
  async createComment(@Param('slug') slug: string, @Body() commentData: CreateCommentDto) {
    const article = await this.articleRepository.findOneBy({ slug });
    article.comments = [{ body: commentData.body }];
    return this.articleRepository.save(article);
  }
}`,
    },
    {
      // One named field is copied into a new entity, which joins another entity's relation array: the body's other fields go nowhere.
      name: 'nest/typeorm: a named field copied into an entity pushed into a relation',
      code: `import { Body, Controller, Param, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Article } from './article.entity';
import { Comment } from './comment.entity';
interface CreateCommentDto {
  body: string;
}
@Controller('articles')
export class ArticlesController {
  constructor(@InjectRepository(Article) private readonly articleRepository: Repository<Article>) {}
  @Post(':slug/comments')
  async createComment(@Param('slug') slug: string, @Body() commentData: CreateCommentDto) {
    const article = await this.articleRepository.findOneBy({ slug });
    const comment = new Comment();
    comment.body = commentData.body;
    article.comments.push(comment);
    return this.articleRepository.save(article);
  }
}`,
    },
    // --- Other ORMs ---------------------------------------------------------------------------
    {
      // MikroORM assign from a zod-parsed value.
      name: 'express/mikro-orm: assign of a parsed value',
      code: `import { wrap } from '@mikro-orm/core';
import { z } from 'zod';
const BookPatch = z.object({ title: z.string().optional() });
router.patch('/books/:id', async (req, res) => {
  const book = await req.em.findOneOrFail(Book, req.params.id);
  wrap(book).assign(BookPatch.parse(req.body));
  await req.em.flush();
  res.json(book);
});`,
    },
    {
      // Objection patch with picked fields.
      name: 'express/objection: patch with named fields',
      code: `import { Person } from '../models/person';
router.patch('/people/:id', async (req, res) => {
  res.json(await Person.query().patchAndFetchById(req.params.id, { firstName: req.body.firstName, lastName: req.body.lastName }));
});`,
    },
    // --- Allowlists written by hand ------------------------------------------------------------
    {
      // The keys come from a constant list: the object holds only those.
      name: 'express/mongoose: allowlist loop over a constant list',
      code: `import { User } from '../models/user';
const EDITABLE = ['displayName', 'bio', 'avatarUrl'];
router.patch('/me', async (req, res) => {
  const updates = {};
  for (const key of EDITABLE) {
    if (req.body[key] !== undefined) updates[key] = req.body[key];
  }
  res.json(await User.findByIdAndUpdate(req.user.id, updates, { new: true }));
});`,
    },
    {
      // The entries are built from a constant list of field names.
      name: 'express/mongoose: Object.fromEntries over a constant list',
      code: `import { User } from '../models/user';
const FIELDS = ['displayName', 'bio'];
router.patch('/me', async (req, res) => {
  res.json(await User.findByIdAndUpdate(req.user.id, Object.fromEntries(FIELDS.map((f) => [f, req.body[f]]))));
});`,
    },
    {
      // The whole body stored as the value of one named field (an audit payload), not as the record.
      name: 'express/sequelize: body kept as one field of an audit row',
      code: `import { AuditEvent } from '../models/audit-event';
router.post('/webhooks/billing', async (req, res) => {
  await AuditEvent.create({ kind: 'billing-webhook', payload: req.body, receivedAt: new Date() });
  res.status(202).end();
});`,
    },
    {
      // Object.assign of named fields only.
      name: 'express/mongoose: Object.assign of named fields onto a document',
      code: `import { User } from '../models/user';
router.put('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  Object.assign(user, { displayName: req.body.displayName, bio: req.body.bio });
  await user.save();
  res.json(user);
});`,
    },
    {
      // Mongoose's path form sets one named field.
      name: 'express/mongoose: document set of one path',
      code: `import { User } from '../models/user';
router.put('/me/nickname', async (req, res) => {
  const user = await User.findById(req.user.id);
  user.set('nickname', String(req.body.nickname).slice(0, 30));
  await user.save();
  res.json(user);
});`,
    },
    // --- More validators ----------------------------------------------------------------------
    {
      // class-validator's validate with whitelist strips the instance in place before it is written.
      name: 'express/typeorm: plainToInstance then validate with whitelist',
      code: `import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AppDataSource } from '../data-source';
router.post('/users', async (req, res) => {
  const dto = plainToInstance(CreateUserDto, req.body);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) return res.status(400).json(errors);
  res.status(201).json(await AppDataSource.getRepository(User).save(dto));
});`,
    },
    {
      // excludeExtraneousValues keeps only @Expose()d properties.
      name: 'express/typeorm: plainToInstance with excludeExtraneousValues',
      code: `import { plainToInstance } from 'class-transformer';
import { AppDataSource } from '../data-source';
router.post('/users', async (req, res) => {
  const dto = plainToInstance(CreateUserDto, req.body, { excludeExtraneousValues: true });
  res.status(201).json(await AppDataSource.getRepository(User).save(dto));
});`,
    },
    {
      // valibot's object strips undeclared keys.
      name: 'express/prisma: valibot parse',
      code: `import * as v from 'valibot';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const NoteInput = v.object({ title: v.string(), text: v.string() });
router.post('/notes', async (req, res) => {
  res.status(201).json(await prisma.note.create({ data: { ...v.parse(NoteInput, req.body), authorId: req.user.id } }));
});`,
    },
    {
      // superstruct's mask keeps only the struct's keys.
      name: 'express/knex: superstruct mask',
      code: `import { mask, object, string } from 'superstruct';
import knex from 'knex';
const db = knex({ client: 'pg' });
const Contact = object({ email: string(), name: string() });
router.post('/contacts', async (req, res) => {
  await db('contacts').insert(mask(req.body, Contact));
  res.status(201).end();
});`,
    },
    {
      // TypeBox's Value.Parse cleans properties the schema does not declare.
      name: 'fastify/prisma: TypeBox Value.Parse',
      code: `import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
const Tag = Type.Object({ label: Type.String() });
export default async function routes(fastify) {
  fastify.post('/tags', async (request) => fastify.prisma.tag.create({ data: Value.Parse(Tag, request.body) }));
}`,
    },
    {
      // Prisma data picked with lodash.
      name: 'express/prisma: lodash pick into data',
      code: `import { pick } from 'lodash';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
router.put('/posts/:id', async (req, res) => {
  res.json(await prisma.post.update({ where: { id: req.params.id }, data: pick(req.body, ['title', 'text']) }));
});`,
    },
    {
      // A nested write made of named fields.
      name: 'express/prisma: nested create of named fields',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
router.post('/signup', async (req, res) => {
  const { email, bio } = req.body;
  res.status(201).json(await prisma.user.create({ data: { email, profile: { create: { bio } } } }));
});`,
    },
    {
      // Route options declared once and reused: the schema is closed.
      name: 'fastify/sequelize: route options in a constant',
      code: `import { Device } from '../models/device';
const createDevice = { schema: { body: { type: 'object', additionalProperties: false, properties: { serial: { type: 'string' } } } } };
export default async function routes(fastify) {
  fastify.post('/devices', createDevice, async (request) => Device.create(request.body));
}`,
    },
    {
      // A whitelisting pipe on the route method.
      name: 'nest/mongoose: DTO with a method-level whitelisting pipe',
      code: `import { Body, Controller, Post, UsePipes, ValidationPipe } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { IsString } from 'class-validator';
import { Model } from 'mongoose';
export class CreateCatDto {
  @IsString() name: string;
}
@Controller('cats')
export class CatsController {
  constructor(@InjectModel('Cat') private readonly catModel: Model<any>) {}
  @Post()
  @UsePipes(new ValidationPipe({ whitelist: true }))
  create(@Body() dto: CreateCatDto) {
    return this.catModel.create(dto);
  }
}`,
    },
    // --- Look-alikes --------------------------------------------------------------------------
    {
      // A service named "manager" is not an entity manager.
      name: 'express: a task manager, not an entity manager',
      code: `class TaskManager {
  create(input) { return { id: 1, ...input }; }
}
const manager = new TaskManager();
router.post('/tasks', (req, res) => {
  res.json(manager.create(req.body));
});`,
    },
    {
      // A read with the body as the filter (another rule's business), and an update of server fields.
      name: 'express/mongodb: find by the body, update server fields',
      code: `router.post('/sessions/touch', async (req, res) => {
  const sessions = req.app.locals.db.collection('sessions');
  const session = await sessions.findOne({ token: String(req.body.token) });
  await sessions.updateOne({ _id: session._id }, { $set: { lastSeenAt: new Date() } });
  res.status(204).end();
});`,
    },
    {
      // Firestore update of named fields.
      name: 'express/firestore: update of named fields',
      code: `import { firestore } from '../firebase';
router.put('/profiles/me', async (req, res) => {
  await firestore.collection('profiles').doc(req.user.uid).update({ displayName: String(req.body.displayName) });
  res.status(204).end();
});`,
    },
    {
      // Drizzle insert of named fields.
      name: 'express/drizzle: insert of named fields',
      code: `import { db } from '../db';
import { posts } from '../db/schema';
router.post('/posts', async (req, res) => {
  const { title, text } = req.body;
  res.status(201).json(await db.insert(posts).values({ title, text, authorId: req.user.id }).returning());
});`,
    },
    {
      // A query builder filtered by the body, writing a server value.
      name: 'express/knex: where from the body, update of a server field',
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
router.post('/logins', async (req, res) => {
  await db('users').where({ email: String(req.body.email) }).update({ last_login_at: new Date() });
  res.status(204).end();
});`,
    },
    {
      // The model object a factory builds receives named fields only.
      name: 'fastify/knex: a model built by a factory, given named fields',
      code: `const fastify = require('fastify');
const app = fastify();
function createArticlesModel(knex) {
  return {
    updateArticle: async function (id, article) {
      await knex('articles').update(article).where('id', id);
    },
  };
}
const articlesModel = createArticlesModel(app.knex);
app.put('/articles/:id', async (req) => articlesModel.updateArticle(req.params.id, { title: req.body.article.title }));`,
    },
    {
      // A cache entry, not a model: redis keeps the draft as text.
      name: 'express: body cached as JSON text in redis',
      code: `import { createClient } from 'redis';
const redis = createClient();
router.post('/drafts', async (req, res) => {
  await redis.set(\`draft:\${req.user.id}\`, JSON.stringify(req.body), { EX: 3600 });
  res.status(202).end();
});`,
    },
    {
      // Joi.attempt returns the validated value (undeclared keys rejected).
      name: 'express/sequelize: Joi.attempt',
      code: `import Joi from 'joi';
import { Invite } from '../models/invite';
const inviteSchema = Joi.object({ email: Joi.string().email().required() });
router.post('/invites', async (req, res) => {
  res.status(201).json(await Invite.create({ ...Joi.attempt(req.body, inviteSchema), invitedBy: req.user.id }));
});`,
    },
    {
      // forbidNonWhitelisted rejects a body with undeclared properties.
      name: 'nest/prisma: parameter pipe with forbidNonWhitelisted',
      code: `import { Body, Controller, Post, ValidationPipe } from '@nestjs/common';
import { IsString } from 'class-validator';
import { PrismaService } from '../prisma.service';
export class OpenDisputeDto {
  @IsString() reason: string;
}
@Controller('disputes')
export class DisputesController {
  constructor(private readonly prisma: PrismaService) {}
  @Post()
  open(@Body(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true })) dto: OpenDisputeDto) {
    return this.prisma.dispute.create({ data: { ...dto, patientId: 'me' } });
  }
}`,
    },
  ],
  invalid: [
    {
      // fastify-realworld: the model object comes from a factory (require('./model')(knex)); its method writes what it is given.
      name: 'fastify/knex: a model built by a factory, given the body',
      code: `const fastify = require('fastify');
const app = fastify();
function createArticlesModel(knex) {
  return {
    updateArticle: async function (id, article) {
      await knex('articles').update(article).where('id', id);
    },
  };
}
const articlesModel = createArticlesModel(app.knex);
app.put('/articles/:id', async (req) => articlesModel.updateArticle(req.params.id, req.body.article));`,
      errors: [{ messageId: 'unvalidatedBody', line: 6 }],
    },
    {
      // The twin: the constant holds a celebrate schema that keeps undeclared keys.
      name: 'express: celebrate middleware held by a constant, with .unknown(true)',
      code: `import express from 'express';
import { celebrate, Joi, Segments } from 'celebrate';
import { Order } from './models/order';
const app = express();
const orderBody = celebrate({ [Segments.BODY]: Joi.object({ sku: Joi.string().required() }).unknown(true) });
app.post('/orders', orderBody, async (req, res) => {
  res.status(201).json(await Order.create(req.body));
});`,
      errors: [{ messageId: 'permissiveValidation', line: 7 }],
    },
    // --- Express + Mongoose -----------------------------------------------------------------
    {
      name: 'express/mongoose: Model.create(req.body)',
      code: `const express = require('express');
const User = require('../models/User');
const router = express.Router();
router.post('/users', async (req, res) => {
  res.status(201).json(await User.create(req.body));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 5, data: { source: 'req.body', sink: 'User.create', examples: EXAMPLES } }],
    },
    {
      name: 'express/mongoose: new Model(req.body) then save',
      code: `const Incident = require('../models/Incident');
router.post('/incidents', async (req, res) => {
  const incident = new Incident(req.body);
  incident.org = req.user.org;
  await incident.save();
  res.status(201).json(incident);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'new Incident', examples: EXAMPLES } }],
    },
    {
      name: 'express/mongoose: findByIdAndUpdate with the body',
      code: `const Monitor = require('../models/Monitor');
router.patch('/:id', async (req, res) => {
  const monitor = await Monitor.findByIdAndUpdate(req.params.id, req.body, { new: true, runValidators: true });
  res.json(monitor);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'Monitor.findByIdAndUpdate', examples: EXAMPLES } }],
    },
    {
      name: 'express/mongoose: $set of the body',
      code: `const Organization = require('../models/Organization');
router.put('/org', async (req, res) => {
  await Organization.updateOne({ _id: req.user.org }, { $set: req.body });
  res.status(204).end();
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'Organization.updateOne', examples: EXAMPLES } }],
    },
    {
      // The server-controlled field does not help: the spread lets everything else through.
      name: 'express/mongoose: spread with a server field',
      code: `const Monitor = require('../models/Monitor');
router.post('/', async (req, res) => {
  const monitor = await Monitor.create({ ...req.body, org: req.user.org });
  res.status(201).json(monitor);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'Monitor.create', examples: EXAMPLES } }],
    },
    {
      name: 'express/mongoose: Object.assign onto a found document, then save',
      code: `import { User } from '../models/user';
router.put('/me', async (req, res) => {
  const user = await User.findById(req.user.id);
  Object.assign(user, req.body);
  await user.save();
  res.json(user);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body', sink: 'Object.assign', examples: EXAMPLES } }],
    },
    {
      // The result of the assignment is the same entity: its save is not a second flaw.
      name: 'fastify/typeorm: const entity = Object.assign(new Entity(), body), then repository.save of it',
      code: `import { dataSource } from '../db';
import { Attachment } from '../entities/attachment';
const attachments = dataSource.getRepository(Attachment);
export default async function routes(fastify) {
  fastify.post('/attachments', async (request) => {
    const attachment = Object.assign(new Attachment(), request.body);
    attachment.createdAt = new Date();
    return attachments.save(attachment);
  });
}`,
      errors: [{ messageId: 'unvalidatedBody', line: 6, data: { source: 'request.body', sink: 'Object.assign', examples: EXAMPLES } }],
    },
    {
      name: 'fastify/typeorm: repository.save(Object.assign(new Entity(), body))',
      code: `import { dataSource } from '../db';
import { Attachment } from '../entities/attachment';
const attachments = dataSource.getRepository(Attachment);
export default async function routes(fastify) {
  fastify.post('/attachments', async (request) => attachments.save(
    Object.assign(new Attachment(), request.body),
  ));
}`,
      errors: [{ messageId: 'unvalidatedBody', line: 6, data: { source: 'request.body', sink: 'Object.assign', examples: EXAMPLES } }],
    },
    {
      // The assignment is the flaw; saving the same entity afterwards is reported with it, not again.
      name: 'fastify/typeorm: Object.assign onto an entity, then repository.save of it',
      code: `import { dataSource } from '../db';
import { Attachment } from '../entities/attachment';
const attachments = dataSource.getRepository(Attachment);
export default async function routes(fastify) {
  fastify.patch('/attachments/:id', async (request) => {
    const attachment = await attachments.findOneByOrFail({ id: request.params.id });
    Object.assign(attachment, request.body);
    return attachments.save(attachment);
  });
}`,
      errors: [{ messageId: 'unvalidatedBody', line: 7, data: { source: 'request.body', sink: 'Object.assign', examples: EXAMPLES } }],
    },
    {
      // The record comes from a finder helper of the file (every return is a found document).
      name: 'express/sequelize: update() of a record returned by a local finder helper',
      code: `import { Project } from '../models/project';
async function findOwnedProject(id, ownerId) {
  const project = await Project.findOne({ where: { id, ownerId } });
  if (!project) throw new NotFoundError('Project');
  return project;
}
router.patch('/projects/:id', async (req, res) => {
  const project = await findOwnedProject(req.params.id, req.user.id);
  await project.update(req.body);
  res.json(project);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 9, data: { source: 'req.body', sink: 'project.update', examples: EXAMPLES } }],
    },
    {
      // The same through a method of the class: the Nest service pattern `const u = await this.findOne(id)`.
      name: 'nest/typeorm: Object.assign onto the entity this.findOne() returns',
      code: `import { Body, Controller, Injectable, NotFoundException, Param, Patch } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Article } from './article.entity';
@Controller('articles')
export class ArticlesController {
  constructor(@InjectRepository(Article) private readonly articles: Repository<Article>) {}
  private async findOne(id: string) {
    const article = await this.articles.findOneBy({ id });
    if (!article) throw new NotFoundException();
    return article;
  }
  @Patch(':id')
  async update(@Param('id') id: string, @Body() changes: any) {
    const article = await this.findOne(id);
    Object.assign(article, changes);
    return this.articles.save(article);
  }
}`,
      errors: [{ messageId: 'nestBodyUnvalidated', line: 16 }],
    },
    {
      // ParseArrayPipe without whitelist validates each item but keeps undeclared properties; the
      // global whitelisting ValidationPipe skips an array body.
      name: 'nest/prisma: array body through ParseArrayPipe without whitelist',
      code: tagsApp('{ items: CreateTagDto }'),
      errors: [{ messageId: 'nestBodyUnvalidated', line: 13, suggestions: [{ messageId: 'addWhitelist', output: tagsApp('{ whitelist: true, items: CreateTagDto }') }] }],
    },
    {
      name: 'express/mongoose: doc.set(body) on a document saved later',
      code: `router.put('/settings', async (req, res) => {
  const settings = req.user.settings;
  settings.set(req.body);
  await settings.save();
  res.json(settings);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'settings.set', examples: EXAMPLES } }],
    },
    {
      // A rest element after removing some fields is a denylist: every other field gets through.
      name: 'express/mongoose: rest after a denylist',
      code: `import { User } from '../models/user';
router.put('/me', async (req, res) => {
  const { role, isAdmin, ...changes } = req.body;
  res.json(await User.findOneAndUpdate({ _id: req.user.id }, changes, { new: true }));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body', sink: 'User.findOneAndUpdate', examples: EXAMPLES } }],
    },
    {
      name: 'express/mongoose: through a variable and a local helper',
      code: `import { Post } from '../models/post';
function withAuthor(input, authorId) {
  return { ...input, authorId };
}
router.post('/posts', async (req, res) => {
  const payload = req.body;
  res.status(201).json(await Post.create(withAuthor(payload, req.user.id)));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 7, data: { source: 'req.body', sink: 'Post.create', examples: EXAMPLES } }],
    },
    {
      // The twin of the array of named fields: the body itself is an element.
      name: 'express/mongoose: insertMany of an array literal holding the body',
      code: `import { Post } from '../models/post';
router.post('/posts/bulk', async (req, res) => {
  res.status(201).json(await Post.insertMany([req.body, { title: 'draft' }]));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'Post.insertMany', examples: EXAMPLES } }],
    },
    {
      // A member of the body written as a whole object.
      name: 'express/mongoose: insertMany of a body array',
      code: `import { Post } from '../models/post';
router.post('/posts/bulk', async (req, res) => {
  res.status(201).json(await Post.insertMany(req.body.posts));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body.posts', sink: 'Post.insertMany', examples: EXAMPLES } }],
    },
    {
      // yup keeps undeclared keys unless stripUnknown or noUnknown says otherwise.
      name: 'express/mongoose: yup validate without stripUnknown',
      code: `import * as yup from 'yup';
import { Incident } from '../models/incident';
const incidentSchema = yup.object({ title: yup.string(), severity: yup.string() });
router.post('/incidents', async (req, res) => {
  const input = await incidentSchema.validate(req.body);
  res.status(201).json(await Incident.create(input));
});`,
      errors: [
        {
          messageId: 'permissiveValidation',
          line: 6,
          data: { source: 'req.body', sink: 'Incident.create', validator: 'incidentSchema.validate', examples: EXAMPLES },
        },
      ],
    },
    {
      // A passthrough zod schema as the route's body schema keeps every undeclared key.
      name: 'fastify/mongoose: zod passthrough body schema',
      code: `import { z } from 'zod';
import { User } from '../models/user';
const PreferencesBody = z.object({ theme: z.string() }).passthrough();
export default async function routes(app) {
  app.put('/preferences', { schema: { body: PreferencesBody } }, async (request) => User.updateOne({ _id: request.user.sub }, request.body));
}`,
      errors: [{ messageId: 'permissiveValidation', line: 5, data: { source: 'request.body', sink: 'User.updateOne', validator: 'PreferencesBody', examples: EXAMPLES } }],
    },
    {
      // express-validator chains check the fields they name; the gate only answers 422 for them.
      name: 'express: express-validator chains and a local handleValidationErrors gate',
      code: `import { body, validationResult } from 'express-validator';
import { Vendor } from '../models/vendor';
function handleValidationErrors(req, res, next) {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(422).json({ errors: errors.array() });
  next();
}
router.post('/vendors', [body('email').isEmail(), body('trade').isString()], handleValidationErrors, async (req, res) => {
  res.status(201).json(await Vendor.create(req.body));
});`,
      errors: [{ messageId: 'permissiveValidation', line: 9, data: { source: 'req.body', sink: 'Vendor.create', validator: 'handleValidationErrors', examples: EXAMPLES } }],
    },
    {
      // The gate out of view, passed by name beside the chains: still only a gate.
      name: 'express: express-validator chains and an imported validation gate',
      code: `import { body } from 'express-validator';
import { handleValidationErrors } from '../middleware/validation';
import { Vendor } from '../models/vendor';
router.post('/vendors', body('email').isEmail(), handleValidationErrors, async (req, res) => {
  res.status(201).json(await Vendor.create(req.body));
});`,
      errors: [{ messageId: 'permissiveValidation', line: 5, data: { source: 'req.body', sink: 'Vendor.create', validator: 'handleValidationErrors', examples: EXAMPLES } }],
    },
    {
      // The common validate([...chains]) factory: runs the chains, then reads validationResult.
      name: 'express: a validate([...chains]) factory around express-validator',
      code: `import { body, validationResult } from 'express-validator';
import { Vendor } from '../models/vendor';
const validate = (validations) => async (req, res, next) => {
  await Promise.all(validations.map((validation) => validation.run(req)));
  if (validationResult(req).isEmpty()) return next();
  res.status(400).json({ errors: validationResult(req).array() });
};
router.put('/vendors/:id', validate([body('name').isString()]), async (req, res) => {
  res.json(await Vendor.findByIdAndUpdate(req.params.id, req.body, { new: true }));
});`,
      errors: [{ messageId: 'permissiveValidation', line: 9, data: { source: 'req.body', sink: 'Vendor.findByIdAndUpdate', validator: 'validate', examples: EXAMPLES } }],
    },
    {
      name: 'express/mongoose: zod passthrough',
      code: `import { z } from 'zod';
import { Team } from '../models/team';
const TeamInput = z.object({ name: z.string() }).passthrough();
router.post('/teams', async (req, res) => {
  res.status(201).json(await Team.create(TeamInput.parse(req.body)));
});`,
      errors: [{ messageId: 'permissiveValidation', line: 5, data: { source: 'req.body', sink: 'Team.create', validator: 'TeamInput.parse', examples: EXAMPLES } }],
    },
    {
      // zod's safeParse strips keys in its result only; the body itself keeps them.
      name: 'express/mongoose: zod safeParse as a check, then the raw body is written',
      code: `import { z } from 'zod';
import { Team } from '../models/team';
const TeamInput = z.object({ name: z.string() });
router.post('/teams', async (req, res) => {
  if (!TeamInput.safeParse(req.body).success) return res.status(400).end();
  res.status(201).json(await Team.create(req.body));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 6, data: { source: 'req.body', sink: 'Team.create', examples: EXAMPLES } }],
    },
    {
      name: 'express/mongoose: joi schema that allows unknown keys',
      code: `import Joi from 'joi';
import { Team } from '../models/team';
const teamSchema = Joi.object({ name: Joi.string() }).unknown(true);
router.post('/teams', async (req, res) => {
  const { value } = teamSchema.validate(req.body);
  res.status(201).json(await Team.create(value));
});`,
      errors: [{ messageId: 'permissiveValidation', line: 6, data: { source: 'req.body', sink: 'Team.create', validator: 'teamSchema.validate', examples: EXAMPLES } }],
    },
    {
      // A copy of the body is still the body.
      name: 'express/mongoose: Object.assign copy, then written',
      code: `import { Device } from '../models/device';
router.post('/devices', async (req, res) => {
  const attrs = Object.assign({}, req.body, { registeredAt: new Date() });
  res.status(201).json(await Device.create(attrs));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body', sink: 'Device.create', examples: EXAMPLES } }],
    },
    {
      name: 'express/mongoose: body parsed from JSON text',
      code: `import { Device } from '../models/device';
router.post('/devices/import', async (req, res) => {
  const parsed = JSON.parse(req.body.payload);
  res.status(201).json(await Device.create(parsed));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body.payload', sink: 'Device.create', examples: EXAMPLES } }],
    },
    {
      // The message cites the sensitive fields the schema declares.
      name: 'express/mongoose: sensitive fields of a schema in the same file',
      code: `import mongoose from 'mongoose';
const accountSchema = new mongoose.Schema({ email: String, balance: Number, tenantId: String });
const Account = mongoose.model('Account', accountSchema);
router.post('/accounts', async (req, res) => {
  res.status(201).json(await Account.create(req.body));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 5, data: { source: 'req.body', sink: 'Account.create', examples: '`balance` or `tenantId`' } }],
    },
    {
      name: 'express/mongoose: sensitiveFields option',
      code: `const Wallet = require('../models/Wallet');
router.post('/wallets', async (req, res) => {
  res.status(201).json(await Wallet.create(req.body));
});`,
      options: [{ sensitiveFields: ['balance'] }],
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'Wallet.create', examples: '`balance`' } }],
    },
    {
      // Nest + Mongoose through an injected model.
      name: 'nest/mongoose: new this.model(body) with an any body',
      code: `import { Body, Controller, Post } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
@Controller('cats')
export class CatsController {
  constructor(@InjectModel('Cat') private readonly catModel: Model<any>) {}
  @Post()
  create(@Body() body: any) {
    return new this.catModel(body).save();
  }
}`,
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 9,
          data: {
            source: '@Body() body',
            sink: 'new this.catModel',
            detail: '`any` is not a class (any or untyped), so ValidationPipe receives Object and validates nothing',
            examples: EXAMPLES,
          },
        },
      ],
    },
    // --- Express + Sequelize ----------------------------------------------------------------
    {
      name: 'express/sequelize: Model.build(req.body)',
      code: `import { Cookbook } from '../models/cookbook';
router.post('/cookbooks/drafts', async (req, res) => {
  const cookbook = Cookbook.build(req.body);
  await cookbook.save();
  res.status(201).json(cookbook);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'Cookbook.build', examples: EXAMPLES } }],
    },
    {
      name: 'express/sequelize: instance.update(req.body) on a found row',
      code: `import { Recipe } from '../models/recipe';
router.put('/recipes/:id', async (req, res) => {
  const recipe = await Recipe.findByPk(req.params.id);
  res.json(await recipe.update(req.body));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body', sink: 'recipe.update', examples: EXAMPLES } }],
    },
    {
      name: 'express/sequelize: Model.update(body, { where })',
      code: `import { User } from '../models/user';
router.put('/users/:id', async (req, res) => {
  const [count] = await User.update(req.body, { where: { id: req.params.id } });
  res.json({ count });
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'User.update', examples: EXAMPLES } }],
    },
    {
      name: 'express/sequelize: findOrCreate defaults',
      code: `const { Tag } = require('../models');
router.post('/tags', async (req, res) => {
  const [tag] = await Tag.findOrCreate({ where: { name: req.body.name }, defaults: req.body });
  res.json(tag);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'Tag.findOrCreate', examples: EXAMPLES } }],
    },
    {
      name: 'express/sequelize: db.Model from a models index',
      code: `const db = require('../models');
router.post('/projects', async (req, res) => {
  res.status(201).json(await db.Project.create({ ...req.body, ownerId: req.user.id }));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'db.Project.create', examples: EXAMPLES } }],
    },
    {
      // A fields option computed from the request is not an allowlist.
      name: 'express/sequelize: fields taken from the request',
      code: `import { Comment } from '../models/comment';
router.post('/comments', async (req, res) => {
  res.status(201).json(await Comment.create(req.body, { fields: req.body.fields }));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'Comment.create', examples: EXAMPLES } }],
    },
    {
      name: 'express/sequelize: extra write method from the options',
      code: `import { Ledger } from '../models/ledger';
router.post('/ledger', async (req, res) => {
  res.status(201).json(await Ledger.record(req.body));
});`,
      options: [{ modelWriteMethods: ['record'] }],
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'Ledger.record', examples: EXAMPLES } }],
    },
    {
      name: 'express: dotted extra sink from the settings',
      code: `import { ProfileStore } from '../stores/profile';
router.put('/profile', async (req, res) => {
  await ProfileStore.put(req.user.id, req.body);
  res.status(204).end();
});`,
      settings: { 'api-guard': { modelWriteMethods: ['ProfileStore.put'] } },
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'ProfileStore.put', examples: EXAMPLES } }],
    },
    {
      // celebrate with allowUnknown lets any key through.
      name: 'express: celebrate with allowUnknown',
      code: `import { celebrate, Joi, Segments } from 'celebrate';
import { Order } from '../models/order';
router.post('/orders', celebrate({ [Segments.BODY]: Joi.object({ sku: Joi.string() }) }, { allowUnknown: true }), async (req, res) => {
  res.status(201).json(await Order.create(req.body));
});`,
      errors: [{ messageId: 'permissiveValidation', line: 4, data: { source: 'req.body', sink: 'Order.create', validator: 'celebrate', examples: EXAMPLES } }],
    },
    {
      // The same catchAsync-declared handler, registered with no validation.
      name: 'express/mongoose: handler declared through a local catchAsync, no validation',
      code: `const express = require('express');
const mongoose = require('mongoose');
const app = express();
const User = mongoose.model('User', new mongoose.Schema({ email: String, role: String }));
const catchAsync = (fn) => (req, res, next) => { Promise.resolve(fn(req, res, next)).catch(next); };
const register = catchAsync(async (req, res) => { res.status(201).json(await User.create(req.body)); });
app.post('/signup', register);`,
      errors: [{ messageId: 'unvalidatedBody', line: 6, data: { source: 'req.body', sink: 'User.create', examples: '`role`' } }],
    },
    {
      // express-async-handler and wrapAsync forward to the handler; the route in front of them validates nothing.
      name: 'express/mongoose: handlers declared through express-async-handler and wrapAsync, no validation',
      code: `import asyncHandler from 'express-async-handler';
import { Order } from '../models/order';
function wrapAsync(fn) {
  return function (req, res, next) {
    fn(req, res, next).catch(next);
  };
}
const createOrder = asyncHandler(async (req, res) => {
  res.status(201).json(await Order.create(req.body));
});
const importOrder = wrapAsync(async (req, res) => {
  res.status(201).json(await Order.create(req.body));
});
router.post('/orders', createOrder);
router.post('/orders/import', importOrder);`,
      errors: [
        { messageId: 'unvalidatedBody', line: 9, data: { source: 'req.body', sink: 'Order.create', examples: EXAMPLES } },
        { messageId: 'unvalidatedBody', line: 12, data: { source: 'req.body', sink: 'Order.create', examples: EXAMPLES } },
      ],
    },
    {
      // omit is a denylist: it drops \`role\` and keeps every other field the client sends.
      name: 'express/mongoose: new Model(omit(req.body, ...)).save()',
      code: `const { omit } = require('lodash');
const User = require('../models/user.model');
router.post('/users', async (req, res) => {
  const user = await new User(omit(req.body, 'role')).save();
  res.status(201).json(user);
});`,
      errors: [
        { messageId: 'denylistOnly', line: 4, data: { source: 'req.body', sink: 'new User', helper: 'omit', examples: '`isAdmin` or `admin`' } },
      ],
    },
    {
      // The same through a variable, with the lodash namespace and a list of dropped fields.
      name: 'express/prisma: _.omit of several fields into data',
      code: `import _ from 'lodash';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
router.put('/me', async (req, res) => {
  const changes = _.omit(req.body, ['role', 'isAdmin', 'admin']);
  res.json(await prisma.user.update({ where: { id: req.user.id }, data: { ...changes, updatedAt: new Date() } }));
});`,
      errors: [
        {
          messageId: 'denylistOnly',
          line: 6,
          data: { source: 'req.body', sink: 'prisma.user.update', helper: '_.omit', examples: '`permissions` or `verified`' },
        },
      ],
    },
    {
      // express-validation 1.x (the module itself) runs joi with allowUnknownBody, true by default: undeclared keys pass.
      name: 'express/mongoose: express-validation 1.x validate with its default options',
      code: `const validate = require('express-validation');
const Joi = require('joi');
const User = require('../models/user.model');
const createUser = { body: { email: Joi.string().email().required(), name: Joi.string() } };
router.post('/users', validate(createUser), async (req, res) => {
  res.status(201).json(await User.create(req.body));
});`,
      errors: [{ messageId: 'permissiveValidation', line: 6, data: { source: 'req.body', sink: 'User.create', validator: 'validate', examples: EXAMPLES } }],
    },
    {
      // express-validation 3.x with joi's allowUnknown in its third argument.
      name: 'express/mongoose: express-validation 3.x validate with allowUnknown',
      code: `const { validate, Joi } = require('express-validation');
const User = require('../models/user.model');
const createUser = { body: Joi.object({ email: Joi.string().email().required(), name: Joi.string() }) };
router.post('/users', validate(createUser, {}, { allowUnknown: true }), async (req, res) => {
  res.status(201).json(await User.create(req.body));
});`,
      errors: [{ messageId: 'permissiveValidation', line: 5, data: { source: 'req.body', sink: 'User.create', validator: 'validate', examples: EXAMPLES } }],
    },
    // --- TypeORM, Knex, Objection, MikroORM with Express ------------------------------------
    {
      name: 'express/typeorm: repository from the data source',
      code: `import { AppDataSource } from '../data-source';
import { User } from '../entity/User';
router.post('/users', async (req, res) => {
  const users = AppDataSource.getRepository(User);
  res.status(201).json(await users.save(req.body));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 5, data: { source: 'req.body', sink: 'users.save', examples: EXAMPLES } }],
    },
    {
      name: 'express/typeorm: repository merge onto an existing entity',
      code: `import { AppDataSource } from '../data-source';
import { Post } from '../entity/Post';
const postRepository = AppDataSource.getRepository(Post);
router.put('/posts/:id', async (req, res) => {
  const post = await postRepository.findOneByOrFail({ id: req.params.id });
  postRepository.merge(post, req.body);
  res.json(await postRepository.save(post));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 6, data: { source: 'req.body', sink: 'postRepository.merge', examples: EXAMPLES } }],
    },
    {
      name: 'express/typeorm: query builder values',
      code: `import { AppDataSource } from '../data-source';
import { Invoice } from '../entity/Invoice';
router.post('/invoices', async (req, res) => {
  await AppDataSource.createQueryBuilder().insert().into(Invoice).values(req.body).execute();
  res.status(201).end();
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body', sink: 'AppDataSource.createQueryBuilder(…).insert(…).into(…).values', examples: EXAMPLES } }],
    },
    {
      name: 'express/knex: insert of the body',
      code: `import knex from 'knex';
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
router.post('/contacts', async (req, res) => {
  const [row] = await db('contacts').insert(req.body).returning('*');
  res.status(201).json(row);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body', sink: 'db(…).insert', examples: EXAMPLES } }],
    },
    {
      // An ajv schema without additionalProperties: false accepts any other key.
      name: 'express/knex: ajv guard with an open schema',
      code: `import Ajv from 'ajv';
import knex from 'knex';
const db = knex({ client: 'pg' });
const ajv = new Ajv();
const validateContact = ajv.compile({ type: 'object', properties: { email: { type: 'string' } } });
router.post('/contacts', async (req, res) => {
  if (!validateContact(req.body)) return res.status(400).json(validateContact.errors);
  await db('contacts').insert(req.body);
  res.status(201).end();
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 8, data: { source: 'req.body', sink: 'db(…).insert', examples: EXAMPLES } }],
    },
    {
      name: 'express/objection: query().patch(body)',
      code: `import { Person } from '../models/person';
router.patch('/people/:id', async (req, res) => {
  res.json(await Person.query().findById(req.params.id).patch(req.body));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'Person.query(…).findById(…).patch', examples: EXAMPLES } }],
    },
    {
      name: 'express/mikro-orm: em.assign(entity, body)',
      code: `router.patch('/books/:id', async (req, res) => {
  const em = req.em;
  const book = await em.findOneOrFail(Book, req.params.id);
  em.assign(book, req.body);
  await em.flush();
  res.json(book);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body', sink: 'em.assign', examples: EXAMPLES } }],
    },
    // --- Prisma (Express) ---------------------------------------------------------------------
    {
      name: 'express/prisma: data is the body',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
router.put('/me', async (req, res) => {
  res.json(await prisma.user.update({ where: { id: req.user.id }, data: req.body }));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body', sink: 'prisma.user.update', examples: EXAMPLES } }],
    },
    {
      name: 'express/prisma: data spreads the body',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
router.post('/payment-methods', async (req, res) => {
  res.status(201).json(await prisma.paymentMethod.create({ data: { ...req.body, userId: req.user.id } }));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body', sink: 'prisma.paymentMethod.create', examples: EXAMPLES } }],
    },
    {
      name: 'express/prisma: upsert in a transaction',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
router.put('/settings', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { userId: req.user.id }, create: { ...req.body, userId: req.user.id }, update: req.body });
  });
  res.status(204).end();
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 5, data: { source: 'req.body', sink: 'tx.setting.upsert', examples: EXAMPLES } }],
    },
    // --- Fastify ------------------------------------------------------------------------------
    {
      name: 'fastify/prisma: route without a body schema',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export default async function vehicleRoutes(fastify) {
  fastify.post('/vehicles', async (request, reply) => {
    const vehicle = await prisma.vehicle.create({ data: { ...request.body, fleetId: request.user.fleetId } });
    return reply.code(201).send(vehicle);
  });
}`,
      errors: [{ messageId: 'unvalidatedBody', line: 5, data: { source: 'request.body', sink: 'prisma.vehicle.create', examples: EXAMPLES } }],
    },
    {
      name: 'fastify/prisma: body schema without additionalProperties: false',
      code: `export default async function vehicleRoutes(fastify) {
  const { prisma } = fastify;
  fastify.put('/vehicles/:id', {
    schema: { body: { type: 'object', properties: { plate: { type: 'string' }, label: { type: 'string' } } } },
  }, async (request) => prisma.vehicle.update({ where: { id: request.params.id }, data: request.body }));
}`,
      errors: [{ messageId: 'openBodySchema', line: 5, data: { source: 'request.body', sink: 'prisma.vehicle.update', schemaPath: 'body', examples: EXAMPLES } }],
    },
    {
      // The twin: the first app also listens, with no ValidationPipe, so it serves the route unvalidated.
      name: 'nest/prisma: a first app that is served too',
      code: configFirstApp('await configApp.listen(3001);'),
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 14,
          data: { source: '@Body() dto', sink: 'this.prisma.note.create', detail: 'no ValidationPipe applies to `CreateNoteDto`', examples: EXAMPLES },
        },
      ],
    },
    {
      // The twin: the right side of the conditional spread is the body itself.
      name: 'fastify/prisma: conditional spread of the body',
      code: `export default async function routes(app) {
  app.patch('/products/:id', async (request) => {
    const { isDraft } = request.body;
    return app.prisma.product.update({ where: { id: request.params.id }, data: { updatedAt: new Date(), ...(!isDraft && request.body) } });
  });
}`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'request.body', sink: 'app.prisma.product.update', examples: EXAMPLES } }],
    },
    {
      // fluent-json-schema keeps undeclared properties unless .additionalProperties(false) closes the
      // level: open at the top, open inside a closed top, and a property with no schema at all.
      name: 'fastify/knex: open fluent-json-schema bodies',
      code: `import S from 'fluent-json-schema';
const insert = { body: S.object().prop('article', S.object().prop('title', S.string()).additionalProperties(false)) };
const update = { body: S.object().prop('article', S.object().prop('title', S.string())).additionalProperties(false) };
const patch = { body: S.object().prop('article', S.object().prop('title', S.string()).prop('meta').additionalProperties(false)).additionalProperties(false) };
export default async function articles(server) {
  server.post('/articles', { schema: insert }, async (req) => server.knex('articles').insert(req.body.article));
  server.put('/articles/:id', { schema: update }, async (req) => server.knex('articles').where('id', req.params.id).update(req.body.article));
  server.patch('/articles/:id', { schema: patch }, async (req) => server.knex('articles').where('id', req.params.id).update(req.body.article));
}`,
      errors: [
        { messageId: 'openBodySchema', line: 6, data: { source: 'req.body.article', sink: 'server.knex(…).insert', schemaPath: 'body', examples: EXAMPLES } },
        { messageId: 'openBodySchema', line: 7, data: { source: 'req.body.article', sink: 'server.knex(…).where(…).update', schemaPath: 'body.article', examples: EXAMPLES } },
        { messageId: 'openBodySchema', line: 8, data: { source: 'req.body.article', sink: 'server.knex(…).where(…).update', schemaPath: 'body.article.meta', examples: EXAMPLES } },
      ],
    },
    {
      // Closed at the top, open inside: a client can add fields to the nested object.
      name: 'fastify/prisma: TypeBox body open at a nested object',
      code: `import { Type } from '@sinclair/typebox';
const AddressBody = Type.Object({ label: Type.String(), address: Type.Object({ city: Type.String() }) }, { additionalProperties: false });
export default async function routes(fastify) {
  fastify.route({
    method: 'POST',
    url: '/addresses',
    schema: { body: AddressBody },
    handler: async (request) => fastify.prisma.address.create({ data: request.body }),
  });
}`,
      errors: [{ messageId: 'openBodySchema', line: 8, data: { source: 'request.body', sink: 'fastify.prisma.address.create', schemaPath: 'body.address', examples: EXAMPLES } }],
    },
    {
      name: 'fastify/sequelize: Model.create(request.body)',
      code: `import type { FastifyInstance } from 'fastify';
import { Device } from '../models/device.js';
export default async function deviceRoutes(fastify: FastifyInstance) {
  fastify.post('/devices', async (request, reply) => {
    const device = await Device.create(request.body as Record<string, unknown>);
    return reply.code(201).send(device);
  });
}`,
      errors: [{ messageId: 'unvalidatedBody', line: 5, data: { source: 'request.body', sink: 'Device.create', examples: EXAMPLES } }],
    },
    {
      name: 'fastify/sequelize: instance set on a found row',
      code: `import { Device } from '../models/device.js';
export default async function deviceRoutes(fastify) {
  fastify.patch('/devices/:id', async (request) => {
    const device = await Device.findByPk(request.params.id);
    device.set(request.body);
    return device.save();
  });
}`,
      errors: [{ messageId: 'unvalidatedBody', line: 5, data: { source: 'request.body', sink: 'device.set', examples: EXAMPLES } }],
    },
    // --- NestJS -------------------------------------------------------------------------------
    {
      name: 'nest/typeorm: Partial<Entity> body',
      code: `import { Body, Controller, Param, Patch } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Appointment } from './appointment.entity';
@Controller('appointments')
export class AppointmentsController {
  constructor(@InjectRepository(Appointment) private readonly appointments: Repository<Appointment>) {}
  @Patch(':id')
  reschedule(@Param('id') id: string, @Body() changes: Partial<Appointment>) {
    return this.appointments.update({ id }, changes);
  }
}`,
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 10,
          data: {
            source: '@Body() changes',
            sink: 'this.appointments.update',
            detail: '`Partial<Appointment>` is not a class (a utility type), so ValidationPipe receives Object and validates nothing',
            examples: EXAMPLES,
          },
        },
      ],
    },
    {
      // TypeORM's DeepPartial is a type alias: always imported, compiled to Object like Partial<Entity>.
      name: 'nest/typeorm: DeepPartial<Entity> body imported from typeorm',
      code: `import { Body, Controller, Param, Put } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DeepPartial, Repository } from 'typeorm';
import { Appointment } from './appointment.entity';
@Controller('appointments')
export class AppointmentsController {
  constructor(@InjectRepository(Appointment) private readonly appointments: Repository<Appointment>) {}
  @Put(':id')
  replace(@Param('id') id: string, @Body() body: DeepPartial<Appointment>) {
    return this.appointments.update({ id }, body);
  }
}`,
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 10,
          data: {
            source: '@Body() body',
            sink: 'this.appointments.update',
            detail: '`DeepPartial<Appointment>` is not a class (a utility type), so ValidationPipe receives Object and validates nothing',
            examples: EXAMPLES,
          },
        },
      ],
    },
    {
      name: 'nest/prisma: interface body',
      code: `import { Body, Controller, Put } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
export interface ContactUpdate {
  phone?: string;
  city?: string;
}
@Controller('profile')
export class ProfileController {
  constructor(private readonly prisma: PrismaService) {}
  @Put('contact')
  updateContact(@Body() body: ContactUpdate) {
    return this.prisma.patient.update({ where: { id: 'me' }, data: body });
  }
}`,
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 12,
          data: {
            source: '@Body() body',
            sink: 'this.prisma.patient.update',
            detail: '`ContactUpdate` is not a class (an interface), so ValidationPipe receives Object and validates nothing',
            examples: EXAMPLES,
          },
        },
      ],
    },
    {
      name: 'nest/prisma: Record<string, unknown> body spread into data',
      code: `import { Body, Controller, Post } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
@Controller('payment-methods')
export class PaymentMethodsController {
  constructor(private readonly prisma: PrismaService) {}
  @Post()
  add(@Body() body: Record<string, unknown>) {
    return this.prisma.paymentMethod.create({ data: { ...body, patientId: 'me' } });
  }
}`,
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 8,
          data: {
            source: '@Body() body',
            sink: 'this.prisma.paymentMethod.create',
            detail: '`Record<string, unknown>` is not a class (a record), so ValidationPipe receives Object and validates nothing',
            examples: EXAMPLES,
          },
        },
      ],
    },
    {
      // The entity class as the body, with a pipe in this file that does not whitelist.
      name: 'nest/typeorm: entity body, controller pipe without whitelist',
      code: `import { Body, Controller, Post, UsePipes, ValidationPipe } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';
@Entity()
export class Room {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column({ default: false }) outOfService: boolean;
}
@Controller('rooms')
export class RoomsController {
  constructor(@InjectRepository(Room) private readonly rooms: Repository<Room>) {}
  @Post()
  create(@Body() room: any) {
    return this.rooms.insert(room);
  }
}`,
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 15,
          data: {
            source: '@Body() room',
            sink: 'this.rooms.insert',
            detail: '`any` is not a class (any or untyped), so ValidationPipe receives Object and validates nothing',
            examples: EXAMPLES,
          },
        },
      ],
    },
    {
      // Express request object in Nest: no pipe validates req.body.
      name: 'nest/typeorm: @Req() body',
      code: `import { Controller, Post, Req } from '@nestjs/common';
import { Request } from 'express';
import { EntityManager } from 'typeorm';
@Controller('notes')
export class NotesController {
  constructor(private readonly manager: EntityManager) {}
  @Post()
  create(@Req() req: Request) {
    return this.manager.save(Note, req.body);
  }
}`,
      errors: [{ messageId: 'unvalidatedBody', line: 9, data: { source: 'req.body', sink: 'this.manager.save', examples: EXAMPLES } }],
    },
    {
      // The whole body pushed into the relation: cascaded, every column of the comment is the client's.
      name: 'nest/typeorm: the body pushed into a relation',
      code: `import { Body, Controller, Param, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Article } from './article.entity';
interface CreateCommentDto {
  body: string;
}
@Controller('articles')
export class ArticlesController {
  constructor(@InjectRepository(Article) private readonly articleRepository: Repository<Article>) {}
  @Post(':slug/comments')
  async createComment(@Param('slug') slug: string, @Body() commentData: CreateCommentDto) {
    const article = await this.articleRepository.findOneBy({ slug });
    article.comments.push(commentData);
    return this.articleRepository.save(article);
  }
}`,
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 15,
          data: {
            source: '@Body() commentData',
            sink: 'this.articleRepository.save',
            detail: '`CreateCommentDto` is not a class (an interface), so ValidationPipe receives Object and validates nothing',
            examples: EXAMPLES,
          },
        },
      ],
    },
    {
      // The whole body pushed into the relation: cascaded, every column of the comment is the client's.
      name: 'nest/typeorm: the body assigned to a relation as a new list',
      code: `import { Body, Controller, Param, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Article } from './article.entity';
interface CreateCommentDto {
  body: string;
}
@Controller('articles')
export class ArticlesController {
  constructor(@InjectRepository(Article) private readonly articleRepository: Repository<Article>) {}
  @Post(':slug/comments')
  async createComment(@Param('slug') slug: string, @Body() commentData: CreateCommentDto) {
    const article = await this.articleRepository.findOneBy({ slug });
    article.comments = [commentData];
    return this.articleRepository.save(article);
  }
}`,
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 15,
          data: {
            source: '@Body() commentData',
            sink: 'this.articleRepository.save',
            detail: '`CreateCommentDto` is not a class (an interface), so ValidationPipe receives Object and validates nothing',
            examples: EXAMPLES,
          },
        },
      ],
    },
    // --- MongoDB driver, Firestore, Drizzle, Kysely -------------------------------------------
    {
      name: 'express/mongodb: insertOne of a spread body',
      code: `import { getDb } from '../db';
router.post('/notes', async (req, res) => {
  const db = await getDb();
  const result = await db.collection('notes').insertOne({ ...req.body, owner: req.user.id });
  res.status(201).json(result);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body', sink: 'db.collection(…).insertOne', examples: EXAMPLES } }],
    },
    {
      name: 'express/firestore: set with merge',
      code: `import { firestore } from '../firebase';
router.put('/profiles/:id', async (req, res) => {
  await firestore.collection('profiles').doc(req.params.id).set(req.body, { merge: true });
  res.status(204).end();
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'firestore.collection(…).doc(…).set', examples: EXAMPLES } }],
    },
    {
      name: 'express/drizzle: update set of the body',
      code: `import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users } from '../db/schema';
router.patch('/users/:id', async (req, res) => {
  await db.update(users).set(req.body).where(eq(users.id, req.params.id));
  res.status(204).end();
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 5, data: { source: 'req.body', sink: 'db.update(…).set', examples: EXAMPLES } }],
    },
    {
      name: 'express/kysely: insertInto values of the body',
      code: `import { db } from '../database';
router.post('/people', async (req, res) => {
  await db.insertInto('person').values(req.body).execute();
  res.status(201).end();
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'db.insertInto(…).values', examples: EXAMPLES } }],
    },
    {
      name: 'express/typeorm: save in a transaction',
      code: `import { AppDataSource } from '../data-source';
router.post('/orders', async (req, res) => {
  await AppDataSource.transaction(async (manager) => {
    await manager.save(Order, req.body);
  });
  res.status(201).end();
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 4, data: { source: 'req.body', sink: 'manager.save', examples: EXAMPLES } }],
    },
    {
      // The keys come from the body: every field is copied.
      name: 'express/mongoose: copy loop over the body entries',
      code: `import { User } from '../models/user';
router.put('/me', async (req, res) => {
  const updates = {};
  for (const [key, value] of Object.entries(req.body)) updates[key] = value;
  res.json(await User.findByIdAndUpdate(req.user.id, updates));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 5, data: { source: 'req.body', sink: 'User.findByIdAndUpdate', examples: EXAMPLES } }],
    },
    {
      // The user passport loaded is a model instance.
      name: 'express/sequelize: req.user.update(req.body)',
      code: `router.put('/me', async (req, res) => {
  await req.user.update(req.body);
  res.json(req.user);
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 2, data: { source: 'req.body', sink: 'req.user.update', examples: EXAMPLES } }],
    },
    {
      // A Prisma client imported under another name.
      name: 'express/prisma: client imported from the prisma module',
      code: `import client from '../lib/prisma';
router.post('/projects', async (req, res) => {
  res.status(201).json(await client.project.create({ data: req.body }));
});`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { source: 'req.body', sink: 'client.project.create', examples: EXAMPLES } }],
    },
  ],
});
