/**
 * Every row of the ORM catalog, with one sample that matches it and one near miss that does not.
 * In each sample, `▶` marks the call or construction under test.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MODEL_RECEIVER_SOURCES, MODEL_WRITES } from '../../src/catalog/orms.js';
import { matchModelWrite, type ModelWrite } from '../../src/model/model-writes.js';

function writeAt(code: string, fileName = 'sample.ts'): ModelWrite | undefined {
  const offset = code.indexOf('▶');
  expect(offset, 'sample has a ▶ marker').toBeGreaterThanOrEqual(0);
  const text = code.replace('▶', '');
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let target: ts.CallExpression | ts.NewExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (target) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.getStart(sourceFile) === offset) {
      target = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  expect(target, 'a call starts at ▶').toBeDefined();
  return matchModelWrite({ ts, file: sourceFile }, target!);
}

/** Write rows: a sample the row matches, and one it does not (no write, or another row). */
const WRITE_SAMPLES: Record<string, { match: string; miss: string }> = {
  'Model.create': {
    match: `import { User } from './models/user';\n▶User.create(body);`,
    miss: `import { UserService } from './services/user';\n▶UserService.create(body);`,
  },
  'new Model': {
    match: `const Incident = require('../models/Incident');\n▶new Incident(body);`,
    miss: `const seen = ▶new Map(body);`,
  },
  'sequelize Model.update': {
    match: `import { User } from './models/user';\n▶User.update(body, { where: { id } });`,
    miss: `import { User } from './models/user';\n▶User.update(body);`,
  },
  'Model update by filter': {
    match: `const Monitor = require('../models/Monitor');\n▶Monitor.findByIdAndUpdate(id, body, { new: true });`,
    miss: `const Monitor = require('../models/Monitor');\n▶Monitor.findById(id, body);`,
  },
  'sequelize Model.findOrCreate defaults': {
    match: `import { Tag } from '../models/tag';\n▶Tag.findOrCreate({ where: { name }, defaults: body });`,
    miss: `import { Tag } from '../models/tag';\n▶Tag.findOrCreate({ where: { name } });`,
  },
  'document set/update': {
    match: `import { User } from '../models/user';\nasync function f(id, body) { const user = await User.findByPk(id); ▶user.update(body); }`,
    miss: `const cache = new Map();\n▶cache.set(body);`,
  },
  'repository create/save': {
    match: `import { Repository } from 'typeorm';\nfunction f(users: Repository<User>, body) { ▶users.save(body); }`,
    miss: `function f(users: UserList, body) { ▶users.save(body); }`,
  },
  'repository update/assign': {
    match: `function f(userRepository, id, body) { ▶userRepository.update(id, body); }`,
    miss: `function f(userRepository, body) { ▶userRepository.update(body); }`,
  },
  'repository merge': {
    match: `function f(repo, user, body) { ▶repo.merge(user, body); }`,
    miss: `function f(list, user, body) { ▶list.merge(user, body); }`,
  },
  'entity manager create/save': {
    match: `function f(manager: EntityManager, body) { ▶manager.save(User, body); }`,
    miss: `function f(mailer: Mailer, body) { ▶mailer.save(User, body); }`,
  },
  'entity manager update': {
    match: `function f(em, id, body) { ▶em.nativeUpdate(User, { id }, body); }`,
    miss: `function f(emitter, id, body) { ▶emitter.nativeUpdate(User, { id }, body); }`,
  },
  'query builder values/set': {
    match: `▶dataSource.createQueryBuilder().insert().into(User).values(body);`,
    miss: `const q = makeQuery();\n▶q.insert().into(User).values(body);`,
  },
  'mikro-orm wrap().assign': {
    match: `import { wrap } from '@mikro-orm/core';\n▶wrap(user).assign(body);`,
    miss: `import { wrap } from './wrap';\n▶wrap(user).assign(body);`,
  },
  'prisma create/update': {
    match: `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n▶prisma.user.create({ data: body });`,
    miss: `import Stripe from 'stripe';\nconst stripe = new Stripe(key);\n▶stripe.customers.create({ data: body });`,
  },
  'prisma upsert': {
    match: `const prisma = new PrismaClient();\n▶prisma.user.upsert({ where: { id }, create: body, update: body });`,
    miss: `const prisma = new PrismaClient();\n▶prisma.$extends.upsert({ where: { id }, create: body, update: body });`,
  },
  'mongodb insertOne/insertMany': {
    match: `▶db.collection('users').insertOne(body);`,
    miss: `▶db.collection('users').findOne(body);`,
  },
  'mongodb updateOne/replaceOne': {
    match: `▶db.collection('users').updateOne({ _id: id }, { $set: body });`,
    miss: `▶db.collection('users').updateOne({ _id: id });`,
  },
  'firestore add': {
    match: `▶firestore.collection('tickets').add(body);`,
    miss: `▶firestore.collectionGroup('tickets').add(body);`,
  },
  'firestore set/update': {
    match: `▶firestore.collection('profiles').doc(id).set(body, { merge: true });`,
    miss: `▶firestore.collection('profiles').doc(id).update('displayName', body);`,
  },
  'knex insert/update': {
    match: `import knex from 'knex';\nconst db = knex({ client: 'pg' });\n▶db('users').insert(body);`,
    miss: `const log = makeLogger();\n▶log('users').insert(body);`,
  },
  'objection insert/patch': {
    match: `import { Person } from './models/person';\n▶Person.query().patch(body);`,
    miss: `import { Person } from './models/person';\n▶Person.search().patch(body);`,
  },
  'objection patch by id': {
    match: `import { Person } from './models/person';\n▶Person.query().patchAndFetchById(id, body);`,
    miss: `import { Person } from './models/person';\n▶Person.query().patchAndFetchById(id);`,
  },
  'Object.assign into a model instance': {
    match: `import { User } from './models/user';\nasync function f(id, body) { const user = await User.findById(id); ▶Object.assign(user, body); }`,
    miss: `function f(defaults, body) { ▶Object.assign({}, defaults, body); }`,
  },
  'lodash assign/merge into a model instance': {
    match: `import _ from 'lodash';\nasync function f(user, body) { ▶_.merge(user, body); await user.save(); }`,
    miss: `import _ from 'lodash';\nfunction f(options, body) { ▶_.merge(options, body); }`,
  },
};

/**
 * Receiver rows: a write that is recognized because of the row, and the same write where the row's
 * feature is changed so that nothing else recognizes the receiver.
 */
const RECEIVER_SAMPLES: Record<string, { match: string; miss: string }> = {
  'mongoose model()': {
    match: `const User = mongoose.model('User', userSchema);\n▶User.create(body);`,
    miss: `const User = mongoose.modelNames('User', userSchema);\n▶User.create(body);`,
  },
  'typegoose getModelForClass()': {
    match: `const UserModel = getModelForClass(User);\n▶UserModel.create(body);`,
    miss: `const UserModel = getModelName(User);\n▶UserModel.create(body);`,
  },
  'sequelize define()': {
    match: `const User = sequelize.define('User', { name: DataTypes.STRING });\n▶User.create(body);`,
    miss: `const User = define('User', { name: DataTypes.STRING });\n▶User.create(body);`,
  },
  'class extends Model': {
    match: `class User extends Model {}\n▶User.create(body);`,
    miss: `class User extends Base {}\n▶User.create(body);`,
  },
  'class extends BaseEntity': {
    match: `class Post extends BaseEntity {}\n▶Post.save(body);`,
    miss: `class Post extends Entity {}\n▶Post.save(body);`,
  },
  'sequelize-typescript @Table': {
    match: `@Table class Invoice {}\n▶Invoice.create(body);`,
    miss: `@Injectable() class Invoice {}\n▶Invoice.create(body);`,
  },
  'nest @InjectModel()': {
    match: `class S { constructor(@InjectModel(Cat.name) private readonly cats) {}\n f(body) { ▶this.cats.create(body); } }`,
    miss: `class S { constructor(@Inject(Cat.name) private readonly cats) {}\n f(body) { ▶this.cats.create(body); } }`,
  },
  'mongoose Model<T> type': {
    match: `function f(cats: Model<CatDocument>, body) { ▶cats.create(body); }`,
    miss: `function f(cats: Set<CatDocument>, body) { ▶cats.create(body); }`,
  },
  'typegoose ReturnModelType type': {
    match: `function f(cats: ReturnModelType<typeof Cat>, body) { ▶cats.create(body); }`,
    miss: `function f(cats: ReturnType<typeof Cat>, body) { ▶cats.create(body); }`,
  },
  'sequelize ModelStatic type': {
    match: `function f(users: ModelStatic<User>, body) { ▶users.create(body); }`,
    miss: `function f(users: Static<User>, body) { ▶users.create(body); }`,
  },
  'model-named property': {
    match: `class S { constructor(private readonly userModel) {}\n f(body) { ▶this.userModel.create(body); } }`,
    miss: `class S { constructor(private readonly userService) {}\n f(body) { ▶this.userService.create(body); } }`,
  },
  'typeorm/mikro-orm @Entity': {
    match: `@Entity() class User {}\n▶new User(body);`,
    miss: `class User {}\n▶new User(body);`,
  },
  'nest mongoose @Schema': {
    match: `@Schema() class Cat {}\n▶new Cat(body);`,
    miss: `@Injectable() class Cat {}\n▶new Cat(body);`,
  },
  'mongoose HydratedDocument type': {
    match: `function f(doc: HydratedDocument<User>, body) { ▶doc.set(body); }`,
    miss: `function f(doc: Readonly<User>, body) { ▶doc.set(body); }`,
  },
  'nest @InjectRepository()': {
    match: `class S { constructor(@InjectRepository(User) private readonly users) {}\n f(body) { ▶this.users.save(body); } }`,
    miss: `class S { constructor(@Inject(User) private readonly users) {}\n f(body) { ▶this.users.save(body); } }`,
  },
  'typeorm Repository<T> type': {
    match: `class S { constructor(private readonly users: Repository<User>) {}\n f(body) { ▶this.users.insert(body); } }`,
    miss: `class S { constructor(private readonly users: Registry<User>) {}\n f(body) { ▶this.users.insert(body); } }`,
  },
  'typeorm MongoRepository<T> type': {
    match: `function f(users: MongoRepository<User>, body) { ▶users.save(body); }`,
    miss: `function f(users: MongoClient, body) { ▶users.save(body); }`,
  },
  'typeorm TreeRepository<T> type': {
    match: `function f(nodes: TreeRepository<Category>, body) { ▶nodes.save(body); }`,
    miss: `function f(nodes: TreeWalker, body) { ▶nodes.save(body); }`,
  },
  'mikro-orm EntityRepository<T> type': {
    match: `function f(books: EntityRepository<Book>, body) { ▶books.create(body); }`,
    miss: `function f(books: EntityList<Book>, body) { ▶books.create(body); }`,
  },
  'getRepository()': {
    match: `const users = dataSource.getRepository(User);\n▶users.save(body);`,
    miss: `const users = dataSource.getMetadata(User);\n▶users.save(body);`,
  },
  'getCustomRepository()': {
    match: `const users = getCustomRepository(UserRepo);\n▶users.save(body);`,
    miss: `const users = getCustomLogger(UserRepo);\n▶users.save(body);`,
  },
  'getMongoRepository()': {
    match: `const users = getMongoRepository(User);\n▶users.save(body);`,
    miss: `const users = getMongoClient(User);\n▶users.save(body);`,
  },
  'repository-named variable': {
    match: `function f(userRepository, body) { ▶userRepository.save(body); }`,
    miss: `function f(userRegistry, body) { ▶userRegistry.save(body); }`,
  },
  'typeorm EntityManager type': {
    match: `function f(m: EntityManager, body) { ▶m.save(User, body); }`,
    miss: `function f(m: EventEmitter, body) { ▶m.save(User, body); }`,
  },
  'mikro-orm SqlEntityManager type': {
    match: `function f(m: SqlEntityManager, body) { ▶m.create(User, body); }`,
    miss: `function f(m: SqlQueryRunner, body) { ▶m.create(User, body); }`,
  },
  'nest @InjectEntityManager()': {
    match: `class S { constructor(@InjectEntityManager() private readonly m) {}\n f(body) { ▶this.m.save(User, body); } }`,
    miss: `class S { constructor(@InjectMetrics() private readonly m) {}\n f(body) { ▶this.m.save(User, body); } }`,
  },
  'typeorm getManager()': {
    match: `const m = getManager();\n▶m.save(User, body);`,
    miss: `const m = getLogger();\n▶m.save(User, body);`,
  },
  'data source .manager': {
    match: `class S { f(body) { ▶this.dataSource.manager.save(User, body); } }`,
    miss: `class S { f(body) { ▶this.config.settings.save(User, body); } }`,
  },
  'mikro-orm orm.em': {
    match: `▶orm.em.create(User, body);`,
    miss: `▶orm.emitter.create(User, body);`,
  },
  'entity-manager-named variable': {
    match: `function f(em, body) { ▶em.create(User, body); }`,
    miss: `function f(emitter, body) { ▶emitter.create(User, body); }`,
  },
  'typeorm DataSource type': {
    match: `function f(ds: DataSource, body) { ds.transaction(async (t) => ▶t.save(User, body)); }`,
    miss: `function f(ds: DataStore, body) { ds.transaction(async (t) => ▶t.save(User, body)); }`,
  },
  'typeorm new DataSource': {
    match: `const ds = new DataSource(options);\nds.transaction(async (t) => ▶t.save(User, body));`,
    miss: `const ds = new DataStore(options);\nds.transaction(async (t) => ▶t.save(User, body));`,
  },
  'prisma new PrismaClient': {
    match: `const client = new PrismaClient();\n▶client.user.create({ data: body });`,
    miss: `const client = new HttpClient();\n▶client.user.create({ data: body });`,
  },
  'prisma PrismaClient type': {
    match: `function f(client: PrismaClient, body) { ▶client.user.update({ where: { id: 1 }, data: body }); }`,
    miss: `function f(client: RedisClient, body) { ▶client.user.update({ where: { id: 1 }, data: body }); }`,
  },
  'prisma PrismaService type': {
    match: `class S { constructor(private readonly data: PrismaService) {}\n f(body) { ▶this.data.user.create({ data: body }); } }`,
    miss: `class S { constructor(private readonly data: DataService) {}\n f(body) { ▶this.data.user.create({ data: body }); } }`,
  },
  'prisma TransactionClient type': {
    match: `function f(t: Prisma.TransactionClient, body) { ▶t.user.create({ data: body }); }`,
    miss: `function f(t: Prisma.UserDelegate, body) { ▶t.user.create({ data: body }); }`,
  },
  'prisma-named client': {
    match: `▶fastify.prisma.user.update({ where: { id }, data: body });`,
    miss: `▶fastify.mailer.user.update({ where: { id }, data: body });`,
  },
  'collection()': {
    match: `const notes = db.collection('notes');\n▶notes.insertOne(body);`,
    miss: `const notes = db.collectionNames('notes');\n▶notes.insertOne(body);`,
  },
  'mongodb Collection type': {
    match: `function f(users: Collection<User>, body) { ▶users.insertOne(body); }`,
    miss: `function f(users: Collator, body) { ▶users.insertOne(body); }`,
  },
  'firestore CollectionReference type': {
    match: `function f(ref: CollectionReference, body) { ▶ref.add(body); }`,
    miss: `function f(ref: ColumnReference, body) { ▶ref.add(body); }`,
  },
  'firestore DocumentReference type': {
    match: `function f(ref: DocumentReference, body) { ▶ref.update(body); }`,
    miss: `function f(ref: DocumentFragment, body) { ▶ref.update(body); }`,
  },
  'knex Knex type': {
    match: `function f(k: Knex, body) { ▶k('users').insert(body); }`,
    miss: `function f(k: Logger, body) { ▶k('users').insert(body); }`,
  },
  'knex-named instance': {
    match: `import { knex } from '../db/connection';\n▶knex('users').insert(body);`,
    miss: `import { query } from '../db/connection';\n▶query('users').insert(body);`,
  },
};

describe('MODEL_WRITES', () => {
  it('has a sample for every row, and every sample names a row', () => {
    expect(Object.keys(WRITE_SAMPLES).sort()).toEqual(MODEL_WRITES.map((row) => row.name).sort());
  });

  for (const row of MODEL_WRITES) {
    it(`${row.name}: matches its sample and not its near miss`, () => {
      const samples = WRITE_SAMPLES[row.name]!;
      expect(writeAt(samples.match)?.row.name).toBe(row.name);
      expect(writeAt(samples.miss)?.row.name).not.toBe(row.name);
    });
  }
});

describe('MODEL_RECEIVER_SOURCES', () => {
  it('has a sample for every row, and every sample names a row', () => {
    expect(Object.keys(RECEIVER_SAMPLES).sort()).toEqual(MODEL_RECEIVER_SOURCES.map((row) => row.name).sort());
  });

  for (const row of MODEL_RECEIVER_SOURCES) {
    it(`${row.name}: recognizes the receiver of its sample, and nothing in the near miss`, () => {
      const samples = RECEIVER_SAMPLES[row.name]!;
      expect(writeAt(samples.match)).toBeDefined();
      expect(writeAt(samples.miss)).toBeUndefined();
    });
  }
});

describe('model writes: payloads and allowlists', () => {
  it('reads Prisma `data` and Mongoose `$set` as the written values', () => {
    const prisma = writeAt(`const prisma = new PrismaClient();\n▶prisma.user.update({ where: { id }, data: body });`)!;
    expect(prisma.payloads.map((p) => p.getText())).toEqual(['body']);
    const mongoose = writeAt(`const Org = require('../models/Org');\n▶Org.updateOne({ _id: id }, { $set: body });`)!;
    expect(mongoose.payloads.map((p) => p.getText())).toEqual(['{ $set: body }', 'body']);
  });

  it('sees a literal `fields` option as an allowlist', () => {
    expect(writeAt(`import { User } from './models/user';\n▶User.create(body, { fields: ['name', 'email'] });`)?.fieldsAllowlisted).toBe(true);
    expect(writeAt(`import { User } from './models/user';\n▶User.create(body, { fields: req.body.fields });`)?.fieldsAllowlisted).toBe(false);
  });

  it('names the call as written', () => {
    expect(writeAt(`class S { constructor(private readonly repo: Repository<User>) {}\n f(b) { ▶this.repo.save(b); } }`)?.callText).toBe('this.repo.save');
    expect(writeAt(`import knex from 'knex';\nconst db = knex({});\n▶db('users').where({ id }).update(body);`)?.callText).toBe("db(…).where(…).update");
  });

  it('is not fooled by look-alikes: Map, res.locals, arrays, plain objects', () => {
    expect(writeAt(`const m = new Map();\n▶m.set('k', body);`)).toBeUndefined();
    expect(writeAt(`function h(req, res) { ▶Object.assign(res.locals, req.body); }`)).toBeUndefined();
    expect(writeAt(`const list = [];\n▶list.push(body);`)).toBeUndefined();
    expect(writeAt(`▶Object.create(body);`)).toBeUndefined();
    expect(writeAt(`▶JSON.stringify(body);`)).toBeUndefined();
  });

  it('accepts extra write methods from the settings on recognized receivers and dotted paths anywhere', () => {
    const code = `import { User } from './models/user';\n▶User.persist(body);`;
    expect(writeAt(code)).toBeUndefined();
    const offset = code.indexOf('▶');
    const sourceFile = ts.createSourceFile('s.ts', code.replace('▶', ''), ts.ScriptTarget.Latest, true);
    let call: ts.CallExpression | undefined;
    const visit = (node: ts.Node): void => {
      if (!call && ts.isCallExpression(node) && node.getStart(sourceFile) === offset) call = node;
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    expect(matchModelWrite({ ts, file: sourceFile }, call!, { extraMethods: ['persist'] })?.callText).toBe('User.persist');
    expect(matchModelWrite({ ts, file: sourceFile }, call!, { extraMethods: ['User.persist'] })?.callText).toBe('User.persist');
  });
});
