/**
 * Model writes as data: which calls store a client-supplied object in a database, for every ORM and
 * query builder api-guard knows (Mongoose, Sequelize, TypeORM, Prisma, Knex, Objection, MikroORM),
 * and how the things those calls are made on (models, documents, repositories, entity managers,
 * Prisma clients, Knex instances) are declared or obtained.
 *
 * Two tables:
 * - `MODEL_WRITES`: the write calls, by the kind of receiver they are made on, with where the written
 *   object sits in the arguments.
 * - `MODEL_RECEIVER_SOURCES`: how a receiver of each kind is recognized (a factory call, a base
 *   class, a decorator, a type annotation, a conventional name).
 *
 * `src/model/model-writes.ts` reads both tables; `tests/catalog/orms.test.ts` checks every row with
 * one sample that matches and one that does not.
 */

export type OrmName =
  | 'mongoose'
  | 'mongodb'
  | 'firestore'
  | 'sequelize'
  | 'typeorm'
  | 'prisma'
  | 'knex'
  | 'drizzle'
  | 'kysely'
  | 'objection'
  | 'mikro-orm'
  | 'javascript'
  | 'lodash';

/** What a model write is called on. */
export type WriteReceiverKind =
  /** A model class or constructor: a Mongoose or Sequelize model, an Objection or TypeORM active-record class (`User.create`). */
  | 'model'
  /** A model instance: a Mongoose document, a Sequelize instance (`user.set(x)`, `user.update(x)`). */
  | 'document'
  /** A TypeORM or MikroORM repository (`repo.save(x)`). */
  | 'repository'
  /** A TypeORM or MikroORM entity manager (`manager.save(User, x)`, `em.assign(user, x)`). */
  | 'entity-manager'
  /** A TypeORM query builder (`createQueryBuilder().insert().into(User).values(x)`). */
  | 'query-builder'
  /** A Prisma model delegate (`prisma.user.create({ data: x })`). */
  | 'prisma-delegate'
  /** A Knex query (`knex('users').insert(x)`). */
  | 'knex-query'
  /** An Objection query (`User.query().patch(x)`, `user.$query().patch(x)`). */
  | 'objection-query'
  /** The MikroORM `wrap(entity)` helper (`wrap(user).assign(x)`). */
  | 'mikro-orm-wrap'
  /** A MongoDB driver or Firestore collection (`db.collection('users')`). */
  | 'collection'
  /** A Firestore document reference (`db.collection('users').doc(id)`). */
  | 'document-ref'
  /** `Object.assign(target, x)` and lodash's `assign`/`merge`/`extend`, when `target` is a model instance. */
  | 'assign-into-model';

/** Where the written object sits in a write call. */
export interface PayloadSpec {
  /** The argument index; negative counts from the end (`-1` is the last argument). */
  readonly argument: number;
  /** When set, every argument from `argument` on is a payload (`Object.assign(doc, a, b)`). */
  readonly rest?: boolean;
  /** Properties of an object-literal argument that hold the payload (Prisma `data`, Sequelize `defaults`). */
  readonly properties?: readonly string[];
  /**
   * The argument counts only when it is not a string literal (`doc.set(x)` writes many paths;
   * `doc.set('name', x)` writes one).
   */
  readonly notAfterStringPath?: boolean;
}

/** One family of write calls. */
export interface ModelWriteRow {
  /** A unique, readable name: `mongoose Model.create`. */
  readonly name: string;
  /** The libraries whose calls the row describes. */
  readonly orms: readonly OrmName[];
  readonly receiver: WriteReceiverKind;
  readonly methods: readonly string[];
  /** `new Model(x)` instead of a method call. */
  readonly construct?: boolean;
  readonly payload: PayloadSpec;
  /**
   * Update-document operators whose value is written field by field (`{ $set: x }`); the payload
   * itself, when it has no operator, is written field by field too.
   */
  readonly updateOperators?: readonly string[];
  /**
   * An option that limits which fields are written (Sequelize `{ fields: ['name'] }`): a literal
   * array there turns the call into an explicit allowlist.
   */
  readonly fieldsOption?: { readonly argument: number; readonly property: string };
  /** An options property the call needs to be this ORM's write (Sequelize `update(values, { where })`). */
  readonly requiresOption?: { readonly argument: number; readonly property: string };
  /** A one-line description for docs and messages. */
  readonly description: string;
}

const MONGOOSE_UPDATE_OPERATORS = ['$set', '$setOnInsert'] as const;

export const MODEL_WRITES = [
  // --- Model classes: Mongoose, Sequelize, TypeORM active record --------------------------------
  {
    name: 'Model.create',
    orms: ['mongoose', 'sequelize', 'typeorm'],
    receiver: 'model',
    methods: ['create', 'build', 'bulkCreate', 'bulkBuild', 'insertMany', 'upsert', 'save', 'insert'],
    payload: { argument: 0 },
    fieldsOption: { argument: 1, property: 'fields' },
    description: 'creates or stores a record from every field of the object',
  },
  {
    name: 'new Model',
    orms: ['mongoose', 'typeorm'],
    receiver: 'model',
    methods: [],
    construct: true,
    payload: { argument: 0 },
    description: 'builds a document from every field of the object',
  },
  {
    name: 'sequelize Model.update',
    orms: ['sequelize'],
    receiver: 'model',
    methods: ['update'],
    payload: { argument: 0 },
    requiresOption: { argument: 1, property: 'where' },
    fieldsOption: { argument: 1, property: 'fields' },
    description: 'updates rows with every field of the object',
  },
  {
    name: 'Model update by filter',
    orms: ['mongoose', 'typeorm'],
    receiver: 'model',
    methods: ['findByIdAndUpdate', 'findOneAndUpdate', 'updateOne', 'updateMany', 'replaceOne', 'findOneAndReplace', 'update'],
    payload: { argument: 1 },
    updateOperators: MONGOOSE_UPDATE_OPERATORS,
    description: 'writes every field of the update document',
  },
  {
    name: 'sequelize Model.findOrCreate defaults',
    orms: ['sequelize'],
    receiver: 'model',
    methods: ['findOrCreate', 'findCreateFind'],
    payload: { argument: 0, properties: ['defaults'] },
    description: 'creates a row from every field of `defaults`',
  },
  // --- Model instances: Mongoose documents, Sequelize instances ----------------------------------
  {
    name: 'document set/update',
    orms: ['mongoose', 'sequelize'],
    receiver: 'document',
    methods: ['set', 'update', 'overwrite', 'updateOne', 'replaceOne', 'setAttributes'],
    payload: { argument: 0, notAfterStringPath: true },
    updateOperators: MONGOOSE_UPDATE_OPERATORS,
    fieldsOption: { argument: 1, property: 'fields' },
    description: 'sets every field of the object on the record',
  },
  // --- TypeORM and MikroORM repositories and entity managers -------------------------------------
  {
    name: 'repository create/save',
    orms: ['typeorm', 'mikro-orm'],
    receiver: 'repository',
    methods: ['create', 'save', 'insert', 'upsert', 'preload', 'nativeInsert'],
    payload: { argument: 0 },
    description: 'creates or stores an entity from every field of the object',
  },
  {
    name: 'repository update/assign',
    orms: ['typeorm', 'mikro-orm'],
    receiver: 'repository',
    methods: ['update', 'nativeUpdate', 'assign'],
    payload: { argument: 1 },
    description: 'updates an entity with every field of the object',
  },
  {
    name: 'repository merge',
    orms: ['typeorm'],
    receiver: 'repository',
    methods: ['merge'],
    payload: { argument: 1, rest: true },
    description: 'merges every field of the objects into the entity',
  },
  {
    name: 'entity manager create/save',
    orms: ['typeorm', 'mikro-orm'],
    receiver: 'entity-manager',
    methods: ['save', 'create', 'insert', 'upsert', 'preload', 'merge', 'assign', 'nativeInsert'],
    payload: { argument: 0, rest: true },
    description: 'creates, merges or stores an entity from every field of the object',
  },
  {
    name: 'entity manager update',
    orms: ['typeorm', 'mikro-orm'],
    receiver: 'entity-manager',
    methods: ['update', 'nativeUpdate'],
    payload: { argument: -1 },
    description: 'updates entities with every field of the object',
  },
  {
    name: 'query builder values/set',
    orms: ['typeorm', 'drizzle', 'kysely'],
    receiver: 'query-builder',
    methods: ['values', 'set'],
    payload: { argument: 0 },
    description: 'inserts or updates with every field of the object',
  },
  {
    name: 'mikro-orm wrap().assign',
    orms: ['mikro-orm'],
    receiver: 'mikro-orm-wrap',
    methods: ['assign'],
    payload: { argument: 0 },
    description: 'assigns every field of the object to the entity',
  },
  // --- Prisma -----------------------------------------------------------------------------------
  {
    name: 'prisma create/update',
    orms: ['prisma'],
    receiver: 'prisma-delegate',
    methods: ['create', 'update', 'createMany', 'updateMany', 'createManyAndReturn', 'updateManyAndReturn'],
    payload: { argument: 0, properties: ['data'] },
    description: 'writes every field of `data`',
  },
  {
    name: 'prisma upsert',
    orms: ['prisma'],
    receiver: 'prisma-delegate',
    methods: ['upsert'],
    payload: { argument: 0, properties: ['create', 'update'] },
    description: 'writes every field of `create` and `update`',
  },
  // --- MongoDB driver and Firestore -------------------------------------------------------------
  {
    name: 'mongodb insertOne/insertMany',
    orms: ['mongodb'],
    receiver: 'collection',
    methods: ['insertOne', 'insertMany'],
    payload: { argument: 0 },
    description: 'inserts documents with every field of the object',
  },
  {
    name: 'mongodb updateOne/replaceOne',
    orms: ['mongodb'],
    receiver: 'collection',
    methods: ['updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findOneAndReplace'],
    payload: { argument: 1 },
    updateOperators: MONGOOSE_UPDATE_OPERATORS,
    description: 'writes every field of the update document',
  },
  {
    name: 'firestore add',
    orms: ['firestore'],
    receiver: 'collection',
    methods: ['add'],
    payload: { argument: 0 },
    description: 'adds a document with every field of the object',
  },
  {
    name: 'firestore set/update',
    orms: ['firestore'],
    receiver: 'document-ref',
    methods: ['set', 'update', 'create'],
    payload: { argument: 0, notAfterStringPath: true },
    description: 'writes every field of the object into the document',
  },
  // --- Knex and Objection -----------------------------------------------------------------------
  {
    name: 'knex insert/update',
    orms: ['knex', 'drizzle', 'kysely'],
    receiver: 'knex-query',
    methods: ['insert', 'update', 'upsert', 'merge'],
    payload: { argument: 0 },
    description: 'inserts or updates with every field of the object',
  },
  {
    name: 'objection insert/patch',
    orms: ['objection'],
    receiver: 'objection-query',
    methods: ['insert', 'insertAndFetch', 'insertGraph', 'insertGraphAndFetch', 'upsertGraph', 'upsertGraphAndFetch', 'patch', 'update', 'patchAndFetch', 'updateAndFetch'],
    payload: { argument: 0 },
    description: 'inserts or updates with every field of the object',
  },
  {
    name: 'objection patch by id',
    orms: ['objection'],
    receiver: 'objection-query',
    methods: ['patchAndFetchById', 'updateAndFetchById'],
    payload: { argument: 1 },
    description: 'updates a row with every field of the object',
  },
  // --- Plain JavaScript copies into a model instance --------------------------------------------
  {
    name: 'Object.assign into a model instance',
    orms: ['javascript'],
    receiver: 'assign-into-model',
    methods: ['Object.assign'],
    payload: { argument: 1, rest: true },
    description: 'copies every field of the object onto the model instance',
  },
  {
    name: 'lodash assign/merge into a model instance',
    orms: ['lodash'],
    receiver: 'assign-into-model',
    methods: ['assign', 'assignIn', 'extend', 'merge', 'mergeWith', 'defaults', 'defaultsDeep'],
    payload: { argument: 1, rest: true },
    description: 'copies every field of the object onto the model instance',
  },
] as const satisfies readonly ModelWriteRow[];

/** What a receiver source produces. */
export type ReceiverSourceProduces =
  | 'model'
  | 'document'
  | 'repository'
  | 'entity-manager'
  | 'prisma-client'
  | 'knex'
  | 'data-source'
  | 'collection'
  | 'document-ref';

/** How a receiver is recognized. */
export type ReceiverSourceMatch =
  /** A call whose callee's last name is `callee` (`mongoose.model(...)`, `getRepository(User)`). */
  | {
      readonly kind: 'call';
      readonly callee: string;
      /** The call needs at least this many arguments. */
      readonly minArguments?: number;
      /** The first argument must be a string literal (`model('User', schema)`, `define('user', {...})`). */
      readonly firstArgumentIsString?: boolean;
      /** The call must be made on a receiver (`x.define(...)`, not `define(...)`). */
      readonly onReceiver?: boolean;
    }
  /** `new ClassName(...)`. */
  | { readonly kind: 'new'; readonly className: string }
  /** A class that extends `baseClass` (`class User extends Model`). */
  | { readonly kind: 'extends'; readonly baseClass: string }
  /** A class carrying the decorator (`@Entity()`, `@Schema()`, `@Table`). */
  | { readonly kind: 'class-decorator'; readonly decorator: string }
  /** A constructor parameter carrying the decorator (`@InjectRepository(User)`). */
  | { readonly kind: 'parameter-decorator'; readonly decorator: string }
  /** A parameter or property annotated with the type (`Repository<User>`, `PrismaClient`). */
  | { readonly kind: 'type'; readonly typeName: string }
  /** A property read (`dataSource.manager`, `orm.em`) on a receiver whose name matches `owner`. */
  | { readonly kind: 'property'; readonly property: string; readonly owner: RegExp }
  /** A conventional name of a variable, parameter or property (`prisma`, `userRepository`, `userModel`). */
  | { readonly kind: 'name'; readonly pattern: RegExp };

export interface ReceiverSourceRow {
  readonly name: string;
  readonly orm: OrmName;
  readonly produces: ReceiverSourceProduces;
  readonly match: ReceiverSourceMatch;
}

export const MODEL_RECEIVER_SOURCES = [
  // --- Models (classes and constructors) --------------------------------------------------------
  { name: 'mongoose model()', orm: 'mongoose', produces: 'model', match: { kind: 'call', callee: 'model', minArguments: 1, firstArgumentIsString: true } },
  { name: 'typegoose getModelForClass()', orm: 'mongoose', produces: 'model', match: { kind: 'call', callee: 'getModelForClass', minArguments: 1 } },
  { name: 'sequelize define()', orm: 'sequelize', produces: 'model', match: { kind: 'call', callee: 'define', minArguments: 2, firstArgumentIsString: true, onReceiver: true } },
  { name: 'class extends Model', orm: 'sequelize', produces: 'model', match: { kind: 'extends', baseClass: 'Model' } },
  { name: 'class extends BaseEntity', orm: 'typeorm', produces: 'model', match: { kind: 'extends', baseClass: 'BaseEntity' } },
  { name: 'sequelize-typescript @Table', orm: 'sequelize', produces: 'model', match: { kind: 'class-decorator', decorator: 'Table' } },
  { name: 'nest @InjectModel()', orm: 'mongoose', produces: 'model', match: { kind: 'parameter-decorator', decorator: 'InjectModel' } },
  { name: 'mongoose Model<T> type', orm: 'mongoose', produces: 'model', match: { kind: 'type', typeName: 'Model' } },
  { name: 'typegoose ReturnModelType type', orm: 'mongoose', produces: 'model', match: { kind: 'type', typeName: 'ReturnModelType' } },
  { name: 'sequelize ModelStatic type', orm: 'sequelize', produces: 'model', match: { kind: 'type', typeName: 'ModelStatic' } },
  { name: 'model-named property', orm: 'mongoose', produces: 'model', match: { kind: 'name', pattern: /^[a-z][A-Za-z0-9]*Model$/ } },
  // --- Documents and entities -------------------------------------------------------------------
  { name: 'typeorm/mikro-orm @Entity', orm: 'typeorm', produces: 'document', match: { kind: 'class-decorator', decorator: 'Entity' } },
  { name: 'nest mongoose @Schema', orm: 'mongoose', produces: 'document', match: { kind: 'class-decorator', decorator: 'Schema' } },
  { name: 'mongoose HydratedDocument type', orm: 'mongoose', produces: 'document', match: { kind: 'type', typeName: 'HydratedDocument' } },
  // --- Repositories -----------------------------------------------------------------------------
  { name: 'nest @InjectRepository()', orm: 'typeorm', produces: 'repository', match: { kind: 'parameter-decorator', decorator: 'InjectRepository' } },
  { name: 'typeorm Repository<T> type', orm: 'typeorm', produces: 'repository', match: { kind: 'type', typeName: 'Repository' } },
  { name: 'typeorm MongoRepository<T> type', orm: 'typeorm', produces: 'repository', match: { kind: 'type', typeName: 'MongoRepository' } },
  { name: 'typeorm TreeRepository<T> type', orm: 'typeorm', produces: 'repository', match: { kind: 'type', typeName: 'TreeRepository' } },
  { name: 'mikro-orm EntityRepository<T> type', orm: 'mikro-orm', produces: 'repository', match: { kind: 'type', typeName: 'EntityRepository' } },
  { name: 'getRepository()', orm: 'typeorm', produces: 'repository', match: { kind: 'call', callee: 'getRepository', minArguments: 1 } },
  { name: 'getCustomRepository()', orm: 'typeorm', produces: 'repository', match: { kind: 'call', callee: 'getCustomRepository', minArguments: 1 } },
  { name: 'getMongoRepository()', orm: 'typeorm', produces: 'repository', match: { kind: 'call', callee: 'getMongoRepository', minArguments: 1 } },
  { name: 'repository-named variable', orm: 'typeorm', produces: 'repository', match: { kind: 'name', pattern: /^(?:[a-z][A-Za-z0-9]*(?:Repository|Repo)|repo|repository)$/ } },
  // --- Entity managers and data sources ---------------------------------------------------------
  { name: 'typeorm EntityManager type', orm: 'typeorm', produces: 'entity-manager', match: { kind: 'type', typeName: 'EntityManager' } },
  { name: 'mikro-orm SqlEntityManager type', orm: 'mikro-orm', produces: 'entity-manager', match: { kind: 'type', typeName: 'SqlEntityManager' } },
  { name: 'nest @InjectEntityManager()', orm: 'typeorm', produces: 'entity-manager', match: { kind: 'parameter-decorator', decorator: 'InjectEntityManager' } },
  { name: 'typeorm getManager()', orm: 'typeorm', produces: 'entity-manager', match: { kind: 'call', callee: 'getManager' } },
  { name: 'data source .manager', orm: 'typeorm', produces: 'entity-manager', match: { kind: 'property', property: 'manager', owner: /(?:dataSource|DataSource|connection|Connection|queryRunner|QueryRunner)$/ } },
  { name: 'mikro-orm orm.em', orm: 'mikro-orm', produces: 'entity-manager', match: { kind: 'property', property: 'em', owner: /^(?:orm|this\.orm|mikroOrm|app\.orm)$/ } },
  { name: 'entity-manager-named variable', orm: 'typeorm', produces: 'entity-manager', match: { kind: 'name', pattern: /^(?:em|entityManager|transactionalEntityManager)$/ } },
  { name: 'typeorm DataSource type', orm: 'typeorm', produces: 'data-source', match: { kind: 'type', typeName: 'DataSource' } },
  { name: 'typeorm new DataSource', orm: 'typeorm', produces: 'data-source', match: { kind: 'new', className: 'DataSource' } },
  // --- Prisma -----------------------------------------------------------------------------------
  { name: 'prisma new PrismaClient', orm: 'prisma', produces: 'prisma-client', match: { kind: 'new', className: 'PrismaClient' } },
  { name: 'prisma PrismaClient type', orm: 'prisma', produces: 'prisma-client', match: { kind: 'type', typeName: 'PrismaClient' } },
  { name: 'prisma PrismaService type', orm: 'prisma', produces: 'prisma-client', match: { kind: 'type', typeName: 'PrismaService' } },
  { name: 'prisma TransactionClient type', orm: 'prisma', produces: 'prisma-client', match: { kind: 'type', typeName: 'TransactionClient' } },
  { name: 'prisma-named client', orm: 'prisma', produces: 'prisma-client', match: { kind: 'name', pattern: /^(?:prisma[A-Za-z0-9]*|[a-z][A-Za-z0-9]*Prisma|db|tx|prismaClient)$/ } },
  // --- MongoDB driver and Firestore -------------------------------------------------------------
  { name: 'collection()', orm: 'mongodb', produces: 'collection', match: { kind: 'call', callee: 'collection', minArguments: 1, firstArgumentIsString: true, onReceiver: true } },
  { name: 'mongodb Collection type', orm: 'mongodb', produces: 'collection', match: { kind: 'type', typeName: 'Collection' } },
  { name: 'firestore CollectionReference type', orm: 'firestore', produces: 'collection', match: { kind: 'type', typeName: 'CollectionReference' } },
  { name: 'firestore DocumentReference type', orm: 'firestore', produces: 'document-ref', match: { kind: 'type', typeName: 'DocumentReference' } },
  // --- Knex -------------------------------------------------------------------------------------
  { name: 'knex Knex type', orm: 'knex', produces: 'knex', match: { kind: 'type', typeName: 'Knex' } },
  { name: 'knex-named instance', orm: 'knex', produces: 'knex', match: { kind: 'name', pattern: /^(?:knex|db|trx|pg|mysql|sqlite)$/ } },
] as const satisfies readonly ReceiverSourceRow[];

/** Modules whose default export or named `knex` export makes a Knex instance when called. */
export const KNEX_MODULES: readonly string[] = ['knex'];

/**
 * Finder methods whose result is one model instance (a Mongoose document, a Sequelize instance, a
 * TypeORM entity): `Object.assign(found, x)` and `found.set(x)` write into a model.
 */
export const INSTANCE_FINDER_METHODS: readonly string[] = [
  'findById',
  'findOne',
  'findByPk',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findOrFail',
  'findByIdAndUpdate',
  'findOneAndUpdate',
  'build',
  'create',
  'preload',
  'merge',
  'hydrate',
];

/** Names of common JavaScript globals that are never models, even when written in PascalCase. */
export const NON_MODEL_GLOBALS: readonly string[] = [
  'Object',
  'Array',
  'Promise',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Reflect',
  'JSON',
  'Math',
  'Date',
  'Buffer',
  'Number',
  'String',
  'Boolean',
  'Symbol',
  'Error',
  'URL',
  'URLSearchParams',
  'Intl',
  'Proxy',
  'Headers',
  'FormData',
  'Response',
  'Request',
];
