/**
 * no-sensitive-data-exposure per file (no type information): a response sends a whole record whose
 * model, defined in the same file, has secret fields. Models in other files keep the rule silent
 * here (see the typed test for the project run).
 */
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-sensitive-data-exposure.js';
import { createRuleTester } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

const MONGOOSE_USER = `import express from 'express';
import mongoose from 'mongoose';
const userSchema = new mongoose.Schema({ email: String, name: String, passwordHash: String, resetToken: String });
const User = mongoose.model('User', userSchema);
const app = express();
`;

const SEQUELIZE_USER = `import express from 'express';
import { sequelize } from './db';
const User = sequelize.define('user', { email: DataTypes.STRING, password: DataTypes.STRING });
const app = express();
`;

createRuleTester().run('no-sensitive-data-exposure', testedRule, {
  valid: [
    // --- Mongoose -------------------------------------------------------------------------------
    {
      // .select('-passwordHash -resetToken') projects the secrets away.
      name: 'mongoose: .select() projection',
      code: `${MONGOOSE_USER}app.get('/users/:id', async (req, res) => {
  res.json(await User.findById(req.params.id).select('-passwordHash -resetToken'));
});`,
    },
    {
      // The fields are picked one by one.
      name: 'mongoose: explicit picking',
      code: `${MONGOOSE_USER}app.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json({ id: user.id, email: user.email, name: user.name });
});`,
    },
    {
      // Rest destructuring removes both secrets.
      name: 'mongoose: rest destructuring without the secrets',
      code: `${MONGOOSE_USER}app.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id).lean();
  const { passwordHash, resetToken, ...safe } = user;
  res.json(safe);
});`,
    },
    {
      // A file's checksum: `hash` is a password hash only in an account's record or beside `salt`
      // (fastify_20stock's Media model; round-3 triage).
      name: 'mongoose: a content hash in a media model',
      code: `import express from 'express';
import mongoose from 'mongoose';
const mediaSchema = new mongoose.Schema({ url: String, mimeType: String, hash: String });
const Media = mongoose.model('Media', mediaSchema);
const app = express();
app.get('/media/:id', async (req, res) => {
  res.json(await Media.findById(req.params.id));
});`,
    },
    {
      // The schema hides the secrets by default.
      name: 'mongoose: select: false in the schema',
      code: `import express from 'express';
import mongoose from 'mongoose';
const userSchema = new mongoose.Schema({ email: String, passwordHash: { type: String, select: false } });
const User = mongoose.model('User', userSchema);
const app = express();
app.get('/users/:id', async (req, res) => {
  res.json(await User.findById(req.params.id));
});`,
    },
    {
      // A toJSON transform deletes the secret; res.json runs it.
      name: 'mongoose: toJSON transform deletes the field',
      code: `import express from 'express';
import mongoose from 'mongoose';
const userSchema = new mongoose.Schema({ email: String, password: String });
userSchema.set('toJSON', { transform: (_doc, ret) => { delete ret.password; return ret; } });
const User = mongoose.model('User', userSchema);
const app = express();
app.get('/users', async (req, res) => {
  res.json(await User.find());
});`,
    },
    {
      // The projection object as the second argument.
      name: 'mongoose: projection argument { passwordHash: 0 }',
      code: `${MONGOOSE_USER}app.get('/users/:id', async (req, res) => {
  res.json(await User.findOne({ _id: req.params.id }, { passwordHash: 0, resetToken: 0 }));
});`,
    },
    {
      // delete on the loaded document before sending it.
      name: 'mongoose: delete user.passwordHash before sending',
      code: `${MONGOOSE_USER}app.get('/users/:id', async (req, res) => {
  const user = (await User.findById(req.params.id)).toObject();
  delete user.passwordHash;
  delete user.resetToken;
  res.json(user);
});`,
    },
    {
      // A DTO mapping function builds the answer.
      name: 'mongoose: mapping function',
      code: `${MONGOOSE_USER}function toPublicUser(u) { return { id: u.id, name: u.name }; }
app.get('/users/:id', async (req, res) => {
  res.json(toPublicUser(await User.findById(req.params.id)));
});`,
    },
    {
      // The model has no secret fields.
      name: 'mongoose: model without secrets',
      code: `import express from 'express';
import mongoose from 'mongoose';
const Product = mongoose.model('Product', new mongoose.Schema({ name: String, priceCents: Number }));
const app = express();
app.get('/products', async (req, res) => {
  res.json(await Product.find());
});`,
    },
    {
      // The model is imported: per file its fields are unknown.
      name: 'mongoose: model from another file (per file)',
      code: `import express from 'express';
import { User } from './models/user';
const app = express();
app.get('/users/:id', async (req, res) => {
  res.json(await User.findById(req.params.id));
});`,
    },
    // --- Sequelize ------------------------------------------------------------------------------
    {
      // attributes lists the columns to send.
      name: 'sequelize: attributes option',
      code: `${SEQUELIZE_USER}app.get('/users/:id', async (req, res) => {
  res.json(await User.findByPk(req.params.id, { attributes: ['id', 'email'] }));
});`,
    },
    {
      // defaultScope excludes the password from every query.
      name: 'sequelize: defaultScope excludes the password',
      code: `import express from 'express';
import { sequelize } from './db';
const User = sequelize.define('user', { email: DataTypes.STRING, password: DataTypes.STRING }, { defaultScope: { attributes: { exclude: ['password'] } } });
const app = express();
app.get('/users', async (req, res) => {
  res.json(await User.findAll());
});`,
    },
    // --- TypeORM / NestJS -----------------------------------------------------------------------
    {
      // @Column({ select: false }) keeps the hash out of queries.
      name: 'nest/typeorm: select: false column',
      code: `import { Controller, Get, Param } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity()
export class Account {
  @PrimaryGeneratedColumn() id: number;
  @Column() email: string;
  @Column({ select: false }) passwordHash: string;
}

@Controller('accounts')
export class AccountsController {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}

  @Get(':id')
  findOne(@Param('id') id: number) {
    return this.accounts.findOneBy({ id });
  }
}`,
    },
    {
      // @Exclude() with the serializer on the controller.
      name: 'nest/typeorm: @Exclude() under @UseInterceptors(ClassSerializerInterceptor)',
      code: `import { ClassSerializerInterceptor, Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Exclude } from 'class-transformer';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity()
export class Account {
  @PrimaryGeneratedColumn() id: number;
  @Column() email: string;
  @Exclude() @Column() passwordHash: string;
}

@Controller('accounts')
@UseInterceptors(ClassSerializerInterceptor)
export class AccountsController {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}

  @Get(':id')
  findOne(@Param('id') id: number) {
    return this.accounts.findOneBy({ id });
  }
}`,
    },
    {
      // @Exclude() and the serializer may be registered globally in another file: per file, silent.
      name: 'nest/typeorm: @Exclude() with a possibly global serializer (per file)',
      code: `import { Controller, Get, Param } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Exclude } from 'class-transformer';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity()
export class Account {
  @PrimaryGeneratedColumn() id: number;
  @Exclude() @Column() passwordHash: string;
}

@Controller('accounts')
export class AccountsController {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}

  @Get(':id')
  findOne(@Param('id') id: number) {
    return this.accounts.findOneBy({ id });
  }
}`,
    },
    {
      // TypeORM select option lists the columns.
      name: 'nest/typeorm: find with select',
      code: `import { Controller, Get } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity()
export class Account {
  @PrimaryGeneratedColumn() id: number;
  @Column() email: string;
  @Column() passwordHash: string;
}

@Controller('accounts')
export class AccountsController {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}

  @Get()
  list() {
    return this.accounts.find({ select: { id: true, email: true } });
  }
}`,
    },
    {
      // The record is used but only a count is sent.
      name: 'express: only derived values are sent',
      code: `${MONGOOSE_USER}app.get('/users/count', async (req, res) => {
  const users = await User.find();
  res.json({ count: users.length });
});`,
    },
    {
      // A Fastify response schema: only the listed properties are serialized.
      name: 'fastify: route with a response schema',
      code: `import Fastify from 'fastify';
import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({ email: String, passwordHash: String }));
const app = Fastify();
const schema = { response: { 200: { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' } } } } };
app.get('/users/:id', { schema }, async (request) => {
  return User.findById(request.params.id);
});`,
    },
    {
      // The password is deleted before the merged entity is saved; save() returns the object without it.
      name: 'nest/typeorm: delete before Object.assign and save',
      code: `import { Body, Controller, Param, Put } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity()
export class Account {
  @PrimaryGeneratedColumn() id: number;
  @Column() email: string;
  @Column() password: string;
}

@Controller('accounts')
export class AccountsController {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}

  @Put(':id')
  async update(@Param('id') id: number, @Body('email') email: string) {
    const toUpdate = await this.accounts.findOneBy({ id });
    delete toUpdate.password;
    const updated = Object.assign(toUpdate, { email });
    return this.accounts.save(updated);
  }
}`,
    },
    {
      // `private: true` is read by a toJSON plugin that drops the field when the document is serialized.
      name: 'mongoose: private: true with a toJSON plugin',
      code: `import express from 'express';
import mongoose from 'mongoose';
import { toJSON } from './plugins';
const userSchema = new mongoose.Schema({ email: String, password: { type: String, private: true } });
userSchema.plugin(toJSON);
const User = mongoose.model('User', userSchema);
const app = express();
app.get('/users/:id', async (req, res) => {
  res.send(await User.findById(req.params.id));
});`,
    },
  ],
  invalid: [
    {
      name: 'mongoose: findById sent whole',
      code: `${MONGOOSE_USER}app.get('/users/:id', async (req, res) => {
  res.json(await User.findById(req.params.id));
});`,
      errors: [
        {
          messageId: 'exposedRecord',
          line: 7,
          data: {
            sink: 'res.json',
            model: 'User',
            query: 'User.findById',
            fields: '`passwordHash`, `resetToken`',
            first: 'passwordHash',
            definedBy: 'per its mongoose schema',
          },
        },
      ],
    },
    {
      // The twins: `hash` beside `salt` (passport-local-mongoose's fields), and in an account model.
      name: 'mongoose: hash beside salt, and hash in an account model',
      code: `import express from 'express';
import mongoose from 'mongoose';
const Credential = mongoose.model('Key', new mongoose.Schema({ label: String, hash: String, salt: String }));
const Account = mongoose.model('Account', new mongoose.Schema({ email: String, hash: String }));
const app = express();
app.get('/keys/:id', async (req, res) => {
  res.json(await Credential.findById(req.params.id));
});
app.get('/accounts/:id', async (req, res) => {
  res.json(await Account.findById(req.params.id));
});`,
      errors: [
        {
          messageId: 'exposedRecord',
          line: 7,
          data: { sink: 'res.json', model: 'Key', query: 'Credential.findById', fields: '`hash`, `salt`', first: 'hash', definedBy: 'per its mongoose schema' },
        },
        {
          messageId: 'exposedRecord',
          line: 10,
          data: { sink: 'res.json', model: 'Account', query: 'Account.findById', fields: '`hash`', first: 'hash', definedBy: 'per its mongoose schema' },
        },
      ],
    },
    {
      // A response schema that lists the secret serializes it, as one that keeps undeclared properties
      // does (round-3 triage: any response schema used to silence the rule).
      name: 'fastify: response schemas that list the secret or keep undeclared properties',
      code: `import Fastify from 'fastify';
import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({ email: String, passwordHash: String }));
const app = Fastify();
const listed = { response: { 200: { type: 'object', properties: { id: { type: 'string' }, passwordHash: { type: 'string' } } } } };
const open = { response: { 200: { type: 'object', additionalProperties: true, properties: { id: { type: 'string' } } } } };
app.get('/users/:id', { schema: listed }, async (request) => User.findById(request.params.id));
app.get('/accounts/:id', { schema: open }, async (request) => User.findById(request.params.id));`,
      errors: [
        {
          messageId: 'exposedRecord',
          line: 7,
          data: { sink: 'return', model: 'User', query: 'User.findById', fields: '`passwordHash`', first: 'passwordHash', definedBy: 'per its mongoose schema' },
        },
        {
          messageId: 'exposedRecord',
          line: 8,
          data: { sink: 'return', model: 'User', query: 'User.findById', fields: '`passwordHash`', first: 'passwordHash', definedBy: 'per its mongoose schema' },
        },
      ],
    },
    {
      name: 'mongoose: record in a wrapper object',
      code: `${MONGOOSE_USER}app.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.status(200).json({ user });
});`,
      errors: [{ messageId: 'exposedRecord', line: 8 }],
    },
    {
      name: 'mongoose: find() list',
      code: `${MONGOOSE_USER}app.get('/users', async (req, res) => {
  const users = await User.find().sort({ email: 1 }).lean();
  res.json(users);
});`,
      errors: [{ messageId: 'exposedRecord', line: 8, data: { sink: 'res.json', model: 'User', query: 'User.find', fields: '`passwordHash`, `resetToken`', first: 'passwordHash', definedBy: 'per its mongoose schema' } }],
    },
    {
      name: 'mongoose: spread of toObject()',
      code: `${MONGOOSE_USER}app.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json({ ...user.toObject(), online: true });
});`,
      errors: [{ messageId: 'exposedRecord', line: 8 }],
    },
    {
      // Only one secret is removed; the other still leaks.
      name: 'mongoose: rest destructuring that keeps resetToken',
      code: `${MONGOOSE_USER}app.get('/users/:id', async (req, res) => {
  const { passwordHash, ...rest } = (await User.findById(req.params.id)).toObject();
  res.json(rest);
});`,
      errors: [{ messageId: 'exposedRecord', line: 8, data: { sink: 'res.json', model: 'User', query: 'User.findById', fields: '`resetToken`', first: 'resetToken', definedBy: 'per its mongoose schema' } }],
    },
    {
      // .select('+password') adds the hidden field back, then the document is sent.
      name: 'mongoose: select("+password") re-adds a hidden field',
      code: `import express from 'express';
import mongoose from 'mongoose';
const userSchema = new mongoose.Schema({ email: String, password: { type: String, select: false } });
const User = mongoose.model('User', userSchema);
const app = express();
app.post('/login', async (req, res) => {
  const user = await User.findOne({ email: String(req.body.email) }).select('+password');
  res.json(user);
});`,
      errors: [{ messageId: 'exposedRecord', line: 8 }],
    },
    {
      // .lean() skips the schema's toJSON transform.
      name: 'mongoose: lean() skips the toJSON transform',
      code: `import express from 'express';
import mongoose from 'mongoose';
const userSchema = new mongoose.Schema({ email: String, password: String });
userSchema.set('toJSON', { transform: (_doc, ret) => { delete ret.password; return ret; } });
const User = mongoose.model('User', userSchema);
const app = express();
app.get('/users', async (req, res) => {
  res.json(await User.find().lean());
});`,
      errors: [{ messageId: 'exposedRecord', line: 8 }],
    },
    {
      name: 'mongoose: the created document is sent back',
      code: `${MONGOOSE_USER}app.post('/users', async (req, res) => {
  const user = await User.create({ email: String(req.body.email), passwordHash: await hash(String(req.body.password)) });
  res.status(201).json(user);
});`,
      errors: [{ messageId: 'exposedRecord', line: 8 }],
    },
    {
      name: 'mongoose: a local helper returns the record',
      code: `${MONGOOSE_USER}async function loadUser(id) {
  return User.findById(id);
}
app.get('/users/:id', async (req, res) => {
  res.json(await loadUser(req.params.id));
});`,
      errors: [{ messageId: 'exposedRecord', line: 10 }],
    },
    {
      name: 'sequelize: findByPk sent whole',
      code: `${SEQUELIZE_USER}app.get('/users/:id', async (req, res) => {
  res.json(await User.findByPk(req.params.id));
});`,
      errors: [{ messageId: 'exposedRecord', line: 6, data: { sink: 'res.json', model: 'user', query: 'User.findByPk', fields: '`password`', first: 'password', definedBy: 'per its sequelize model' } }],
    },
    {
      name: 'sequelize: findAll list',
      code: `${SEQUELIZE_USER}app.get('/users', async (req, res) => {
  res.send(await User.findAll({ where: { active: true } }));
});`,
      errors: [{ messageId: 'exposedRecord', line: 6 }],
    },
    {
      name: 'nest/typeorm: repository result returned from the controller',
      code: `import { Controller, Get, Param } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity()
export class Account {
  @PrimaryGeneratedColumn() id: number;
  @Column() email: string;
  @Column() passwordHash: string;
  @Column({ nullable: true }) mfaSecret: string;
}

@Controller('accounts')
export class AccountsController {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}

  @Get(':id')
  findOne(@Param('id') id: number) {
    return this.accounts.findOneBy({ id });
  }
}`,
      errors: [{ messageId: 'exposedRecord', line: 19, data: { sink: 'return', model: 'Account', query: 'this.accounts.findOneBy', fields: '`passwordHash`, `mfaSecret`', first: 'passwordHash', definedBy: 'per its entity' } }],
    },
    {
      name: 'nest/typeorm: saved entity returned',
      code: `import { Body, Controller, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity()
export class Account {
  @PrimaryGeneratedColumn() id: number;
  @Column() email: string;
  @Column() apiKey: string;
}

@Controller('accounts')
export class AccountsController {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}

  @Post()
  async create(@Body('email') email: string) {
    const account = await this.accounts.save({ email, apiKey: generateKey() });
    return account;
  }
}`,
      errors: [{ messageId: 'exposedRecord', line: 19 }],
    },
    {
      name: 'fastify: handler returns the record',
      code: `import Fastify from 'fastify';
import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({ email: String, totpSecret: String }));
const app = Fastify();
app.get('/users/:id', async (request) => {
  const user = await User.findById(request.params.id);
  return user;
});`,
      errors: [{ messageId: 'exposedRecord', line: 7 }],
    },
    {
      name: 'fastify: reply.send of a list',
      code: `import Fastify from 'fastify';
import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({ email: String, refreshToken: String }));
const app = Fastify();
app.get('/users', async (request, reply) => {
  reply.send({ items: await User.find() });
});`,
      errors: [{ messageId: 'exposedRecord', line: 6 }],
    },
  ],
});
