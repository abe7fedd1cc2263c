/**
 * Validators and narrowing helpers as data: which calls hand back a value that only holds the fields
 * a schema declares (zod, joi, yup, valibot, ajv, superstruct, TypeBox, class-transformer,
 * express-validator's `matchedData`), which pick named fields (`lodash.pick`), which only drop
 * named fields (`lodash.omit`, a denylist), which middleware validates a whole request body before
 * the handler runs (celebrate, express-validation), and what each schema library does with keys its
 * object schema does not declare.
 *
 * The last point is what mass assignment turns on: a zod object strips unknown keys, a joi object
 * rejects them, a yup object keeps them unless told otherwise, a JSON schema keeps them unless it
 * says `additionalProperties: false`.
 *
 * `src/model/validation-calls.ts` reads these rows; `tests/catalog/validators.test.ts` checks every
 * row with one sample that matches and one that does not.
 */

export type ValidatorLibrary =
  | 'zod'
  | 'joi'
  | 'yup'
  | 'valibot'
  | 'ajv'
  | 'typebox'
  | 'superstruct'
  | 'class-transformer'
  | 'class-validator'
  | 'express-validator'
  | 'celebrate'
  | 'lodash'
  | 'ramda';

/** What an object schema does with keys it does not declare. */
export type UnknownKeyPolicy =
  /** Dropped from the result (zod `object`, valibot `object`, ajv `removeAdditional`). */
  | 'strip'
  /** Validation fails (joi `object`, zod `strict`, superstruct `object`, JSON schema `additionalProperties: false`). */
  | 'reject'
  /** Kept in the result (yup `object`, zod `passthrough`, JSON schema without `additionalProperties: false`). */
  | 'keep';

/** How a validator call is written. */
export type ValidatorCallShape =
  /** A method on the schema, the input as argument `input` (`schema.parse(x)`, `schema.validate(x)`). */
  | { readonly kind: 'schema-method'; readonly methods: readonly string[]; readonly input: number }
  /**
   * A function of the library, the input and the schema as arguments (`v.parse(schema, x)`,
   * `Joi.attempt(x, schema)`, `plainToInstance(Dto, x)`, `Value.Clean(schema, x)`).
   */
  | {
      readonly kind: 'function';
      readonly functions: readonly string[];
      readonly modules: readonly string[];
      readonly input: number;
      readonly schema?: number;
    }
  /** A method on a validator instance recognized by its name (`ajv.validate(schema, x)`). */
  | {
      readonly kind: 'instance-method';
      readonly receiver: RegExp;
      readonly methods: readonly string[];
      readonly input: number;
      readonly schema: number;
    }
  /**
   * A function made by compiling a schema (`const check = ajv.compile(schema); check(x)`,
   * `TypeCompiler.Compile(schema).Check(x)`): `compilers` are the compiling methods, `methods` the
   * methods of the compiled object (empty when the compiled value is itself the function).
   */
  | { readonly kind: 'compiled'; readonly compilers: readonly string[]; readonly methods: readonly string[]; readonly input: number };

/** How the validated value comes back. */
export type ValidatorResultShape =
  /** The call returns it (or a promise of it). */
  | 'return'
  /** A property of the returned object (`safeParse(x).data`, `schema.validate(x).value`). */
  | { readonly property: string }
  /** The call returns a boolean or throws; the input itself is what was checked. */
  | 'guard';

export interface ValidatorRow {
  /** A unique, readable name: `zod parse`. */
  readonly name: string;
  readonly library: ValidatorLibrary;
  readonly call: ValidatorCallShape;
  readonly result: ValidatorResultShape;
  /** What the library's object schema does with undeclared keys, unless the schema or options say otherwise. */
  readonly unknownKeys: UnknownKeyPolicy;
  /** Options of the call (`{ stripUnknown: true }`) that change `unknownKeys` when set to `true`. */
  readonly options?: {
    readonly argument: number;
    readonly strip?: readonly string[];
    readonly keep?: readonly string[];
    readonly reject?: readonly string[];
  };
}

export const VALIDATORS = [
  // --- zod --------------------------------------------------------------------------------------
  {
    name: 'zod parse',
    library: 'zod',
    call: { kind: 'schema-method', methods: ['parse', 'parseAsync'], input: 0 },
    result: 'return',
    unknownKeys: 'strip',
  },
  {
    name: 'zod safeParse',
    library: 'zod',
    call: { kind: 'schema-method', methods: ['safeParse', 'safeParseAsync', 'spa'], input: 0 },
    result: { property: 'data' },
    unknownKeys: 'strip',
  },
  // --- joi --------------------------------------------------------------------------------------
  {
    name: 'joi validate',
    library: 'joi',
    call: { kind: 'schema-method', methods: ['validate'], input: 0 },
    result: { property: 'value' },
    unknownKeys: 'reject',
    options: { argument: 1, strip: ['stripUnknown'], keep: ['allowUnknown'] },
  },
  {
    name: 'joi validateAsync',
    library: 'joi',
    call: { kind: 'schema-method', methods: ['validateAsync'], input: 0 },
    result: 'return',
    unknownKeys: 'reject',
    options: { argument: 1, strip: ['stripUnknown'], keep: ['allowUnknown'] },
  },
  {
    name: 'joi attempt',
    library: 'joi',
    call: { kind: 'function', functions: ['attempt'], modules: ['joi', '@hapi/joi'], input: 0, schema: 1 },
    result: 'return',
    unknownKeys: 'reject',
    options: { argument: 2, strip: ['stripUnknown'], keep: ['allowUnknown'] },
  },
  // --- yup --------------------------------------------------------------------------------------
  {
    name: 'yup validate',
    library: 'yup',
    call: { kind: 'schema-method', methods: ['validateSync', 'cast'], input: 0 },
    result: 'return',
    unknownKeys: 'keep',
    options: { argument: 1, strip: ['stripUnknown'] },
  },
  // --- valibot ----------------------------------------------------------------------------------
  {
    name: 'valibot parse',
    library: 'valibot',
    call: { kind: 'function', functions: ['parse', 'parseAsync'], modules: ['valibot'], input: 1, schema: 0 },
    result: 'return',
    unknownKeys: 'strip',
  },
  {
    name: 'valibot safeParse',
    library: 'valibot',
    call: { kind: 'function', functions: ['safeParse', 'safeParseAsync'], modules: ['valibot'], input: 1, schema: 0 },
    result: { property: 'output' },
    unknownKeys: 'strip',
  },
  // --- superstruct ------------------------------------------------------------------------------
  {
    name: 'superstruct mask',
    library: 'superstruct',
    call: { kind: 'function', functions: ['mask'], modules: ['superstruct'], input: 0, schema: 1 },
    result: 'return',
    unknownKeys: 'strip',
  },
  {
    name: 'superstruct create',
    library: 'superstruct',
    call: { kind: 'function', functions: ['create'], modules: ['superstruct'], input: 0, schema: 1 },
    result: 'return',
    unknownKeys: 'reject',
  },
  // --- TypeBox ----------------------------------------------------------------------------------
  {
    // `Parse` runs `Clean`, which deletes the properties an object schema does not declare.
    name: 'typebox Value.Parse',
    library: 'typebox',
    call: { kind: 'function', functions: ['Parse', 'Clean'], modules: ['@sinclair/typebox/value', '@sinclair/typebox', 'typebox/value', 'typebox'], input: 1 },
    result: 'return',
    unknownKeys: 'strip',
  },
  // --- ajv and JSON schema ----------------------------------------------------------------------
  {
    name: 'ajv compiled validator',
    library: 'ajv',
    call: { kind: 'compiled', compilers: ['compile', 'getSchema'], methods: [], input: 0 },
    result: 'guard',
    unknownKeys: 'keep',
  },
  {
    name: 'ajv validate',
    library: 'ajv',
    call: { kind: 'instance-method', receiver: /^(?:ajv|this\.ajv|validator)$/i, methods: ['validate'], input: 1, schema: 0 },
    result: 'guard',
    unknownKeys: 'keep',
  },
  {
    name: 'typebox compiled Check',
    library: 'typebox',
    call: { kind: 'compiled', compilers: ['Compile'], methods: ['Check'], input: 0 },
    result: 'guard',
    unknownKeys: 'keep',
  },
  {
    name: 'typebox Value.Check',
    library: 'typebox',
    call: { kind: 'function', functions: ['Check'], modules: ['@sinclair/typebox/value', '@sinclair/typebox', 'typebox/value', 'typebox'], input: 1, schema: 0 },
    result: 'guard',
    unknownKeys: 'keep',
  },
  // --- class-transformer and class-validator ----------------------------------------------------
  {
    name: 'class-transformer plainToInstance',
    library: 'class-transformer',
    call: { kind: 'function', functions: ['plainToInstance', 'plainToClass'], modules: ['class-transformer'], input: 1, schema: 0 },
    result: 'return',
    unknownKeys: 'keep',
    options: { argument: 2, strip: ['excludeExtraneousValues'] },
  },
  {
    name: 'class-validator validate',
    library: 'class-validator',
    call: { kind: 'function', functions: ['validate', 'validateOrReject', 'validateSync'], modules: ['class-validator'], input: 0 },
    result: 'guard',
    unknownKeys: 'keep',
    options: { argument: 1, strip: ['whitelist'], reject: ['forbidNonWhitelisted'] },
  },
  // --- express-validator ------------------------------------------------------------------------
  {
    name: 'express-validator matchedData',
    library: 'express-validator',
    call: { kind: 'function', functions: ['matchedData'], modules: ['express-validator'], input: 0 },
    result: 'return',
    unknownKeys: 'strip',
  },
] as const satisfies readonly ValidatorRow[];

/**
 * Async methods shared by joi and yup (`schema.validate(x)`): joi returns `{ value, error }`, yup a
 * promise of the value. Which library it is comes from the schema when it is visible; otherwise
 * from how the result is read (`.value` or `{ value }` is joi).
 */
export const AMBIGUOUS_VALIDATE_METHODS: readonly string[] = ['validate'];

/** Builders that make an object schema, per library (`z.object`, `Joi.object`, `yup.object`). */
export interface SchemaBuilderRow {
  readonly name: string;
  readonly library: ValidatorLibrary;
  /** The packages the builder comes from. */
  readonly modules: readonly string[];
  /** Builder functions and methods that make an object schema, with the unknown-key policy each gives. */
  readonly objectBuilders: Readonly<Record<string, UnknownKeyPolicy>>;
  /** Chained methods that change the policy (`.passthrough()`, `.unknown()`, `.noUnknown()`). */
  readonly modifiers: Readonly<Record<string, UnknownKeyPolicy>>;
}

export const SCHEMA_BUILDERS = [
  {
    name: 'zod objects',
    library: 'zod',
    modules: ['zod', 'zod/v4', 'zod/v3', 'zod/mini'],
    objectBuilders: { object: 'strip', strictObject: 'reject', looseObject: 'keep', record: 'keep', any: 'keep', unknown: 'keep' },
    modifiers: { passthrough: 'keep', catchall: 'keep', loose: 'keep', strict: 'reject', strip: 'strip' },
  },
  {
    name: 'joi objects',
    library: 'joi',
    modules: ['joi', '@hapi/joi', 'celebrate', 'express-validation'],
    objectBuilders: { object: 'reject', any: 'keep' },
    modifiers: { unknown: 'keep', pattern: 'keep' },
  },
  {
    name: 'yup objects',
    library: 'yup',
    modules: ['yup'],
    objectBuilders: { object: 'keep', mixed: 'keep' },
    modifiers: { noUnknown: 'strip', strict: 'keep' },
  },
  {
    name: 'valibot objects',
    library: 'valibot',
    modules: ['valibot'],
    objectBuilders: { object: 'strip', strictObject: 'reject', looseObject: 'keep', objectWithRest: 'keep', record: 'keep', any: 'keep', unknown: 'keep' },
    modifiers: {},
  },
  {
    name: 'superstruct objects',
    library: 'superstruct',
    modules: ['superstruct'],
    objectBuilders: { object: 'reject', type: 'keep', record: 'keep', any: 'keep' },
    modifiers: {},
  },
] as const satisfies readonly SchemaBuilderRow[];

/**
 * fluent-json-schema (`S.object().prop('title', S.string()).additionalProperties(false)`), the JSON
 * schema builder Fastify apps pass as route schemas. What its chains build is plain JSON schema, so
 * an object keeps undeclared properties unless `.additionalProperties(false)` (or
 * `.unevaluatedProperties(false)`) closes it, level by level.
 */
export const FLUENT_JSON_SCHEMA = {
  module: 'fluent-json-schema',
  /** Builders whose values cannot carry fields. */
  scalarBuilders: ['string', 'number', 'integer', 'boolean', 'null'],
  /** Builders that combine schemas given as an array (`S.anyOf([a, b])`). */
  combinators: ['anyOf', 'oneOf', 'allOf'],
  /** Object and array modifiers that change neither which properties exist nor whether others are kept. */
  neutralModifiers: [
    'id', 'title', 'description', 'examples', 'required', 'default', 'readOnly', 'writeOnly', 'deprecated',
    'isFluentSchema', 'valueOf', 'definition', 'only', 'without', 'minProperties', 'maxProperties',
    'minItems', 'maxItems', 'uniqueItems', 'contains', 'propertyNames', 'dependencies', 'dependentRequired',
  ],
} as const;

/**
 * Packages whose `parse` turns text into a fresh object: their result is as client-controlled as
 * their input (`qs.parse(raw)`, `JSON.parse(text)`), so they are never validators.
 */
export const TEXT_PARSER_MODULES: readonly string[] = [
  'qs',
  'querystring',
  'node:querystring',
  'url',
  'node:url',
  'path',
  'node:path',
  'yaml',
  'js-yaml',
  'json5',
  'toml',
  '@iarna/toml',
  'ini',
  'cookie',
  'content-type',
  'xml2js',
  'fast-xml-parser',
  'csv-parse',
  'papaparse',
  'secure-json-parse',
  'destr',
];

/** Functions that keep only named fields of an object (`pick(body, ['name'])`). */
export interface NarrowingRow {
  readonly name: string;
  readonly library: ValidatorLibrary;
  readonly functions: readonly string[];
  /** Packages it is imported from; the lodash namespace `_` is recognized by name as well. */
  readonly modules: readonly string[];
  /** Where the object sits. */
  readonly input: number;
}

export const NARROWING_FUNCTIONS = [
  {
    name: 'lodash pick',
    library: 'lodash',
    functions: ['pick'],
    modules: ['lodash', 'lodash/pick', 'lodash.pick', 'lodash-es', 'lodash-es/pick', 'underscore', 'just-pick', 'es-toolkit', 'es-toolkit/compat', 'radash', 'remeda'],
    input: 0,
  },
  {
    name: 'ramda pick',
    library: 'ramda',
    functions: ['pick', 'pickAll'],
    modules: ['ramda', 'rambda'],
    input: 1,
  },
] as const satisfies readonly NarrowingRow[];

/**
 * Functions that drop the fields they name and keep every other one (`omit(body, ['role'])`): a
 * denylist. Not narrowing: the result still carries any field the client adds, and every column
 * added to the model later. Their result is the input, minus the named keys. Rows have the shape
 * of the narrowing rows.
 */
export type DenylistRow = NarrowingRow;

export const DENYLIST_FUNCTIONS = [
  {
    name: 'lodash omit',
    library: 'lodash',
    functions: ['omit', 'omitBy'],
    modules: ['lodash', 'lodash.omit', 'lodash.omitby', 'lodash-es', 'underscore', 'just-omit', 'es-toolkit', 'radash', 'remeda'],
    input: 0,
  },
  {
    name: 'ramda omit',
    library: 'ramda',
    functions: ['omit'],
    modules: ['ramda', 'rambda'],
    input: 1,
  },
] as const satisfies readonly DenylistRow[];

/** Route middleware that validates the whole body before the handler runs. */
export interface ValidationMiddlewareRow {
  readonly name: string;
  readonly library: ValidatorLibrary;
  /** The middleware factory, by local name (`celebrate`), unless `exports` names it. */
  readonly functions: readonly string[];
  readonly modules: readonly string[];
  /**
   * The exports that are the factory, read from the import whatever its local name: `default` and
   * `*` for the module itself (`const validate = require('express-validation')`), or a named export.
   */
  readonly exports?: readonly string[];
  /** What the middleware does with undeclared body keys when nothing says otherwise. */
  readonly unknownKeys: UnknownKeyPolicy;
  /** The argument that holds joi's validation options (`{ allowUnknown: true }`, `{ stripUnknown: true }`). */
  readonly joiOptionsArgument?: number;
  /**
   * An option that closes the body when `false`, read from the schema's `options` and from the
   * module's global `options({...})` call (express-validation 1.x and 2.x `allowUnknownBody`).
   */
  readonly unknownBodyOption?: string;
}

export const VALIDATION_MIDDLEWARE = [
  { name: 'celebrate', library: 'celebrate', functions: ['celebrate'], modules: ['celebrate'], unknownKeys: 'reject', joiOptionsArgument: 1 },
  {
    // 1.x and 2.x export the factory as the module (`module.exports = function (schema)`) and run joi
    // with `allowUnknown: allowUnknownBody`, which defaults to true: undeclared body keys pass.
    name: 'express-validation 1.x and 2.x',
    library: 'joi',
    functions: [],
    modules: ['express-validation'],
    exports: ['default', '*'],
    unknownKeys: 'keep',
    unknownBodyOption: 'allowUnknownBody',
  },
  {
    // 3.x and later export `validate` by name and run joi with its own defaults (and the options of
    // the third argument): an object schema rejects undeclared keys.
    name: 'express-validation 3.x and later',
    library: 'joi',
    functions: [],
    modules: ['express-validation'],
    exports: ['validate'],
    unknownKeys: 'reject',
    joiOptionsArgument: 2,
  },
] as const satisfies readonly ValidationMiddlewareRow[];

/**
 * Names of application middleware that, by convention, validate and replace `req.body` before the
 * handler (`validateBody(schema)`, `validate(createUserSchema)`). Per file, such middleware from
 * another module is trusted: its code is not in view. With the project index it is read.
 */
export const VALIDATION_MIDDLEWARE_NAME = /validat|^(?:zValidator|bodyParserWithSchema|withSchema|parseBody|checkBody)$/i;

/**
 * express-validator's route-level API: chains that check the fields they name and leave the rest of
 * `req.body` in place, `checkExact` (rejects fields no chain names) and `validationResult` (reads the
 * outcome). A middleware named like a validator that only calls `validationResult` and answers 422 is
 * an error gate, not a validator: only `matchedData(req)` limits the fields.
 */
export const EXPRESS_VALIDATOR = {
  modules: ['express-validator'],
  chains: ['body', 'check', 'param', 'query', 'cookie', 'header', 'checkSchema', 'oneOf'],
  exact: 'checkExact',
  result: 'validationResult',
} as const;

/** Packages of class-validator: every decorator they export marks a property as whitelisted. */
export const CLASS_VALIDATOR_MODULES: readonly string[] = ['class-validator'];

/**
 * Decorators of other packages that sit on DTO properties without validating anything: they do not
 * whitelist a property under `ValidationPipe({ whitelist: true })`.
 */
export const NON_VALIDATING_PROPERTY_DECORATORS: readonly string[] = [
  'ApiProperty',
  'ApiPropertyOptional',
  'ApiHideProperty',
  'Expose',
  'Exclude',
  'Transform',
  'Type',
  'Field',
];
