/**
 * Every row of the validator catalog, with one sample that matches it and one near miss that does
 * not, and the unknown-key policy each library gives. In each sample, `▶` marks the expression
 * under test.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DENYLIST_FUNCTIONS, NARROWING_FUNCTIONS, SCHEMA_BUILDERS, VALIDATION_MIDDLEWARE, VALIDATORS } from '../../src/catalog/validators.js';
import { getBodySchemaVerdict } from '../../src/model/body-schema.js';
import { getSchemaUnknownKeys } from '../../src/model/schema-unknown-keys.js';
import { matchDenylistCall, matchValidationMiddleware, matchValidatorCall, type ValidatorCall } from '../../src/model/validation-calls.js';

interface Marked {
  readonly file: ts.SourceFile;
  readonly node: ts.Expression;
}

function marked(code: string): Marked {
  const offset = code.indexOf('▶');
  expect(offset, 'sample has a ▶ marker').toBeGreaterThanOrEqual(0);
  const file = ts.createSourceFile('sample.ts', code.replace('▶', ''), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let node: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (node) return;
    if (ts.isExpression(n) && !ts.isIdentifier(n) && n.getStart(file) === offset) {
      node = n;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  if (!node) {
    // a bare identifier under the marker
    const visitId = (n: ts.Node): void => {
      if (!node && ts.isIdentifier(n) && n.getStart(file) === offset) node = n;
      ts.forEachChild(n, visitId);
    };
    visitId(file);
  }
  expect(node, 'an expression starts at ▶').toBeDefined();
  return { file, node: node! };
}

function validatorAt(code: string): ValidatorCall | undefined {
  const { file, node } = marked(code);
  expect(ts.isCallExpression(node)).toBe(true);
  return matchValidatorCall({ ts, file }, node as ts.CallExpression);
}

function rowNameOf(call: ValidatorCall | undefined): string | undefined {
  return call && call.source.kind !== 'settings' ? call.source.row.name : undefined;
}

const VALIDATOR_SAMPLES: Record<string, { match: string; miss: string }> = {
  'zod parse': {
    match: `import { z } from 'zod';\nconst schema = z.object({ name: z.string() });\n▶schema.parse(body);`,
    miss: `▶JSON.parse(body);`,
  },
  'zod safeParse': {
    match: `import { z } from 'zod';\nconst schema = z.object({ name: z.string() });\n▶schema.safeParse(body);`,
    miss: `import * as v from 'valibot';\n▶v.safeParse(schema, body);`,
  },
  'joi validate': {
    match: `const Joi = require('joi');\nconst schema = Joi.object({ a: Joi.string() });\n▶schema.validate(body);`,
    miss: `import * as yup from 'yup';\nconst schema = yup.object({ a: yup.string() });\n▶schema.validate(body);`,
  },
  'joi validateAsync': {
    match: `import Joi from 'joi';\nconst schema = Joi.object({ a: Joi.string() });\n▶schema.validateAsync(body);`,
    miss: `▶Reflect.validateAsync(body);`,
  },
  'joi attempt': {
    match: `import Joi from 'joi';\n▶Joi.attempt(body, schema);`,
    miss: `import Joi from './joi-helpers';\n▶Joi.attempt(body, schema);`,
  },
  'yup validate': {
    match: `import * as yup from 'yup';\nconst schema = yup.object({ a: yup.string() });\n▶schema.validateSync(body);`,
    miss: `▶Date.validateSync(body);`,
  },
  'valibot parse': {
    match: `import * as v from 'valibot';\n▶v.parse(Schema, body);`,
    miss: `import * as v from './v';\n▶v.parse(Schema, body);`,
  },
  'valibot safeParse': {
    match: `import { safeParse } from 'valibot';\n▶safeParse(Schema, body);`,
    miss: `import { safeParse } from './safe';\n▶safeParse(Schema, body);`,
  },
  'superstruct mask': {
    match: `import { mask } from 'superstruct';\n▶mask(body, User);`,
    miss: `import { mask } from './mask';\n▶mask(body, User);`,
  },
  'superstruct create': {
    match: `import { create } from 'superstruct';\n▶create(body, User);`,
    miss: `import { create } from './factory';\n▶create(body, User);`,
  },
  'typebox Value.Parse': {
    match: `import { Value } from '@sinclair/typebox/value';\n▶Value.Parse(Schema, body);`,
    miss: `import { Value } from './value';\n▶Value.Parse(Schema, body);`,
  },
  'ajv compiled validator': {
    match: `const validate = ajv.compile(schema);\n▶validate(body);`,
    miss: `const validate = makeValidator(schema);\n▶validate(body);`,
  },
  'ajv validate': {
    match: `▶ajv.validate(schema, body);`,
    miss: `▶store.validate(schema, body);`,
  },
  'typebox compiled Check': {
    match: `const C = TypeCompiler.Compile(Schema);\n▶C.Check(body);`,
    miss: `const C = TypeCompiler.Code(Schema);\n▶C.Check(body);`,
  },
  'typebox Value.Check': {
    match: `import { Value } from '@sinclair/typebox/value';\n▶Value.Check(Schema, body);`,
    miss: `import { Value } from 'some-values';\n▶Value.Check(Schema, body);`,
  },
  'class-transformer plainToInstance': {
    match: `import { plainToInstance } from 'class-transformer';\n▶plainToInstance(CreateUserDto, body);`,
    miss: `import { plainToInstance } from './mapper';\n▶plainToInstance(CreateUserDto, body);`,
  },
  'class-validator validate': {
    match: `import { validate } from 'class-validator';\n▶validate(dto, { whitelist: true });`,
    miss: `import { validate } from './validate';\n▶validate(dto, { whitelist: true });`,
  },
  'express-validator matchedData': {
    match: `import { matchedData } from 'express-validator';\n▶matchedData(req);`,
    miss: `▶matchedData(req);`,
  },
};

const NARROWING_SAMPLES: Record<string, { match: string; miss: string }> = {
  'lodash pick': {
    match: `import pick from 'lodash/pick';\n▶pick(body, ['name']);`,
    miss: `import pick from './pick';\n▶pick(body, ['name']);`,
  },
  'ramda pick': {
    match: `import * as R from 'ramda';\n▶R.pick(['name'], body);`,
    miss: `import * as R from './r';\n▶R.pick(['name'], body);`,
  },
};

/** Denylist rows (`omit`): a call that drops named fields, and a look-alike from another module. */
const DENYLIST_SAMPLES: Record<string, { match: string; omitted: readonly string[]; miss: string }> = {
  'lodash omit': {
    match: `const { omit } = require('lodash');\n▶omit(body, 'role', 'isAdmin');`,
    omitted: ['role', 'isAdmin'],
    miss: `import { omit } from './omit';\n▶omit(body, ['role']);`,
  },
  'ramda omit': {
    match: `import * as R from 'ramda';\n▶R.omit(['role'], body);`,
    omitted: ['role'],
    miss: `import * as R from './r';\n▶R.omit(['role'], body);`,
  },
};

/** Schema-builder rows: a schema whose library and policy are read, and one from another module. */
const BUILDER_SAMPLES: Record<string, { match: string; policy: string; miss: string }> = {
  'zod objects': {
    match: `import { z } from 'zod';\nconst s = ▶z.object({ a: z.string() }).passthrough();`,
    policy: 'keep',
    miss: `import { z } from './z';\nconst s = ▶z.object({ a: z.string() }).passthrough();`,
  },
  'joi objects': {
    match: `import Joi from 'joi';\nconst s = ▶Joi.object({ a: Joi.string() });`,
    policy: 'reject',
    miss: `import Joi from '@app/joi';\nconst s = ▶Joi.object({ a: Joi.string() });`,
  },
  'yup objects': {
    match: `import { object, string } from 'yup';\nconst s = ▶object({ a: string() }).noUnknown();`,
    policy: 'strip',
    miss: `import { object, string } from './shapes';\nconst s = ▶object({ a: string() }).noUnknown();`,
  },
  'valibot objects': {
    match: `import * as v from 'valibot';\nconst s = ▶v.looseObject({ a: v.string() });`,
    policy: 'keep',
    miss: `import * as v from './v';\nconst s = ▶v.looseObject({ a: v.string() });`,
  },
  'superstruct objects': {
    match: `import { object, string } from 'superstruct';\nconst s = ▶object({ a: string() });`,
    policy: 'reject',
    miss: `import { object, string } from 'fp-ts';\nconst s = ▶object({ a: string() });`,
  },
};

const MIDDLEWARE_SAMPLES: Record<string, { match: string; policy: string; miss: string }> = {
  celebrate: {
    match: `import { celebrate, Joi, Segments } from 'celebrate';\nrouter.post('/', ▶celebrate({ [Segments.BODY]: Joi.object({ a: Joi.string() }) }), h);`,
    policy: 'reject',
    miss: `import { celebrate, Joi, Segments } from 'celebrate';\nrouter.post('/', ▶celebrate({ [Segments.QUERY]: Joi.object({ a: Joi.string() }) }), h);`,
  },
  // `allowUnknownBody` defaults to true in 1.x and 2.x.
  'express-validation 1.x and 2.x': {
    match: `const validate = require('express-validation');\nconst Joi = require('joi');\nrouter.post('/', ▶validate({ body: { a: Joi.string() } }), h);`,
    policy: 'keep',
    miss: `const validate = require('express-validation');\nconst Joi = require('joi');\nrouter.get('/', ▶validate({ query: { a: Joi.string() } }), h);`,
  },
  'express-validation 3.x and later': {
    match: `const { validate, Joi } = require('express-validation');\nrouter.post('/', ▶validate({ body: Joi.object({ a: Joi.string() }) }), h);`,
    policy: 'reject',
    miss: `const { validate, Joi } = require('express-validation');\nrouter.get('/', ▶validate({ query: Joi.object({ a: Joi.string() }) }), h);`,
  },
};

describe('VALIDATORS', () => {
  it('has a sample for every row', () => {
    expect(Object.keys(VALIDATOR_SAMPLES).sort()).toEqual(VALIDATORS.map((row) => row.name).sort());
  });
  for (const row of VALIDATORS) {
    it(`${row.name}: matches its sample and not its near miss`, () => {
      const samples = VALIDATOR_SAMPLES[row.name]!;
      expect(rowNameOf(validatorAt(samples.match))).toBe(row.name);
      expect(rowNameOf(validatorAt(samples.miss))).not.toBe(row.name);
    });
  }
});

describe('NARROWING_FUNCTIONS', () => {
  it('has a sample for every row', () => {
    expect(Object.keys(NARROWING_SAMPLES).sort()).toEqual(NARROWING_FUNCTIONS.map((row) => row.name).sort());
  });
  for (const row of NARROWING_FUNCTIONS) {
    it(`${row.name}: matches its sample and not its near miss`, () => {
      const samples = NARROWING_SAMPLES[row.name]!;
      const hit = validatorAt(samples.match);
      expect(hit?.source.kind).toBe('narrowing');
      expect(rowNameOf(hit)).toBe(row.name);
      expect(validatorAt(samples.miss)).toBeUndefined();
    });
  }
});

describe('DENYLIST_FUNCTIONS', () => {
  it('has a sample for every row', () => {
    expect(Object.keys(DENYLIST_SAMPLES).sort()).toEqual(DENYLIST_FUNCTIONS.map((row) => row.name).sort());
  });
  for (const row of DENYLIST_FUNCTIONS) {
    it(`${row.name}: matches its sample (with the fields it drops), not its near miss, and is never a validator`, () => {
      const samples = DENYLIST_SAMPLES[row.name]!;
      const hit = marked(samples.match);
      const found = matchDenylistCall({ ts, file: hit.file }, hit.node as ts.CallExpression);
      expect(found?.row.name).toBe(row.name);
      expect(found?.omitted).toEqual(samples.omitted);
      expect(matchValidatorCall({ ts, file: hit.file }, hit.node as ts.CallExpression)).toBeUndefined();
      const miss = marked(samples.miss);
      expect(matchDenylistCall({ ts, file: miss.file }, miss.node as ts.CallExpression)).toBeUndefined();
    });
  }
});

describe('SCHEMA_BUILDERS', () => {
  it('has a sample for every row', () => {
    expect(Object.keys(BUILDER_SAMPLES).sort()).toEqual(SCHEMA_BUILDERS.map((row) => row.name).sort());
  });
  for (const row of SCHEMA_BUILDERS) {
    it(`${row.name}: reads the library and policy of its sample, nothing from the look-alike`, () => {
      const samples = BUILDER_SAMPLES[row.name]!;
      const hit = marked(samples.match);
      expect(getSchemaUnknownKeys({ ts, file: hit.file }, hit.node)).toEqual({ library: row.library, policy: samples.policy });
      const miss = marked(samples.miss);
      expect(getSchemaUnknownKeys({ ts, file: miss.file }, miss.node).policy).toBe('unknown');
    });
  }
});

describe('VALIDATION_MIDDLEWARE', () => {
  it('has a sample for every row', () => {
    expect(Object.keys(MIDDLEWARE_SAMPLES).sort()).toEqual(VALIDATION_MIDDLEWARE.map((row) => row.name).sort());
  });
  for (const row of VALIDATION_MIDDLEWARE) {
    it(`${row.name}: matches a body segment, not a query-only one`, () => {
      const samples = MIDDLEWARE_SAMPLES[row.name]!;
      const hit = marked(samples.match);
      const found = matchValidationMiddleware({ ts, file: hit.file }, hit.node);
      expect(found?.source).toEqual({ kind: 'library', row });
      expect(found?.unknownKeys).toBe(samples.policy);
      const miss = marked(samples.miss);
      expect(matchValidationMiddleware({ ts, file: miss.file }, miss.node)).toBeUndefined();
    });
  }
});

describe('unknown-key policies', () => {
  const policyOf = (code: string): string => validatorAt(code)?.unknownKeys ?? 'none';

  it('zod strips by default, keeps with passthrough, rejects with strict', () => {
    expect(policyOf(`import { z } from 'zod';\nconst s = z.object({ a: z.string() });\n▶s.parse(b);`)).toBe('strip');
    expect(policyOf(`import { z } from 'zod';\nconst s = z.object({ a: z.string() }).passthrough();\n▶s.parse(b);`)).toBe('keep');
    expect(policyOf(`import { z } from 'zod';\nconst base = z.object({ a: z.string() });\nconst s = base.extend({ b: z.number() }).strict();\n▶s.parse(b);`)).toBe('reject');
  });

  it('joi rejects by default; unknown() and allowUnknown keep; stripUnknown strips', () => {
    expect(policyOf(`import Joi from 'joi';\nconst s = Joi.object({ a: Joi.string() });\n▶s.validate(b);`)).toBe('reject');
    expect(policyOf(`import Joi from 'joi';\nconst s = Joi.object({ a: Joi.string() }).unknown();\n▶s.validate(b);`)).toBe('keep');
    expect(policyOf(`import Joi from 'joi';\nconst s = Joi.object({ a: Joi.string() }).unknown(false);\n▶s.validate(b);`)).toBe('reject');
    expect(policyOf(`import Joi from 'joi';\nconst s = Joi.object({ a: Joi.string() });\n▶s.validate(b, { allowUnknown: true });`)).toBe('keep');
    expect(policyOf(`import Joi from 'joi';\nconst s = Joi.object({ a: Joi.string() }).unknown();\n▶s.validate(b, { stripUnknown: true });`)).toBe('strip');
  });

  it('yup keeps by default; stripUnknown and noUnknown strip', () => {
    expect(policyOf(`import * as yup from 'yup';\nconst s = yup.object({ a: yup.string() });\n▶s.validate(b);`)).toBe('keep');
    expect(policyOf(`import * as yup from 'yup';\nconst s = yup.object({ a: yup.string() });\n▶s.validate(b, { stripUnknown: true });`)).toBe('strip');
    expect(policyOf(`import * as yup from 'yup';\nconst s = yup.object({ a: yup.string() }).noUnknown();\n▶s.validate(b);`)).toBe('strip');
  });

  it('trusts a schema it cannot see', () => {
    expect(policyOf(`import { userSchema } from './schemas';\n▶userSchema.parse(b);`)).toBe('unknown');
    expect(policyOf(`import { userSchema } from './schemas';\n▶userSchema.validate(b);`)).toBe('unknown');
  });

  it('class-validator validate strips with whitelist only', () => {
    expect(policyOf(`import { validate } from 'class-validator';\n▶validate(dto);`)).toBe('keep');
    expect(policyOf(`import { validate } from 'class-validator';\n▶validate(dto, { whitelist: true });`)).toBe('strip');
  });

  it('user-listed validators are trusted', () => {
    const { file, node } = marked(`▶sanitizeUser(b);`);
    expect(matchValidatorCall({ ts, file }, node as ts.CallExpression, { extraValidators: ['sanitizeUser'] })?.source.kind).toBe('settings');
    expect(matchValidatorCall({ ts, file }, node as ts.CallExpression)).toBeUndefined();
  });
});

describe('JSON schema and TypeBox bodies', () => {
  const verdictOf = (code: string, removeAdditionalAll = false): string => {
    const { file, node } = marked(code);
    const verdict = getBodySchemaVerdict({ ts, file }, node, { removeAdditionalAll });
    return verdict.kind === 'open' ? `open ${verdict.path}` : verdict.kind;
  };

  it('is closed only with additionalProperties: false at every object level', () => {
    expect(verdictOf(`const s = ▶{ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } };`)).toBe('closed');
    expect(verdictOf(`const s = ▶{ type: 'object', properties: { a: { type: 'string' } } };`)).toBe('open body');
    expect(
      verdictOf(`const s = ▶{ type: 'object', additionalProperties: false, properties: { addr: { type: 'object', properties: { city: { type: 'string' } } } } };`),
    ).toBe('open body.addr');
    expect(verdictOf(`const base = { type: 'object', properties: { a: { type: 'string' } } };\nconst s = ▶{ ...base, additionalProperties: false };`)).toBe('closed');
  });

  it("counts ajv's removeAdditional: 'all'", () => {
    expect(verdictOf(`const s = ▶{ type: 'object', properties: { a: { type: 'string' } } };`, true)).toBe('closed');
  });

  it('reads TypeBox builders', () => {
    expect(verdictOf(`import { Type } from '@sinclair/typebox';\nconst s = ▶Type.Object({ a: Type.String() }, { additionalProperties: false });`)).toBe('closed');
    expect(verdictOf(`import { Type } from '@sinclair/typebox';\nconst s = ▶Type.Object({ a: Type.String() });`)).toBe('open body');
    expect(
      verdictOf(`import { Type } from '@sinclair/typebox';\nconst s = ▶Type.Object({ c: Type.Object({ x: Type.Number() }) }, { additionalProperties: false });`),
    ).toBe('open body.c');
    expect(verdictOf(`import { Type } from '@sinclair/typebox';\nconst s = ▶Type.Partial(Type.Object({ a: Type.String() }, { additionalProperties: false }));`)).toBe('closed');
  });

  it('is unknown for schemas out of view and $ref', () => {
    expect(verdictOf(`import { bodySchema } from './schemas';\nconst s = ▶bodySchema;`)).toBe('unknown');
    expect(verdictOf(`const s = ▶{ $ref: 'User#' };`)).toBe('unknown');
  });
});

describe('express-validation: which undeclared body keys pass', () => {
  const policyOf = (code: string): string => {
    const { file, node } = marked(code);
    return matchValidationMiddleware({ ts, file }, node)?.unknownKeys ?? 'none';
  };
  const V1 = `const validate = require('express-validation');\nconst Joi = require('joi');\n`;
  const V3 = `const { validate, Joi } = require('express-validation');\n`;

  it('1.x and 2.x keep them unless allowUnknownBody is false, in the schema or globally, or the object says unknown(false)', () => {
    expect(policyOf(`${V1}▶validate({ body: { a: Joi.string() } });`)).toBe('keep');
    expect(policyOf(`${V1}▶validate({ body: Joi.object({ a: Joi.string() }) });`)).toBe('keep');
    expect(policyOf(`${V1}▶validate({ options: { allowUnknownBody: false }, body: { a: Joi.string() } });`)).toBe('reject');
    expect(policyOf(`${V1}validate.options({ allowUnknownBody: false });\n▶validate({ body: { a: Joi.string() } });`)).toBe('reject');
    expect(policyOf(`${V1}validate.options({ allowUnknownQuery: false });\n▶validate({ body: { a: Joi.string() } });`)).toBe('keep');
    expect(policyOf(`${V1}▶validate({ body: Joi.object({ a: Joi.string() }).unknown(false) });`)).toBe('reject');
    expect(policyOf(`${V1}const createUser = { body: { a: Joi.string() } };\n▶validate(createUser);`)).toBe('keep');
  });

  it('1.x and 2.x: a schema out of view is trusted', () => {
    expect(policyOf(`const validate = require('express-validation');\nconst { createUser } = require('./user.validation');\n▶validate(createUser);`)).toBe('unknown');
  });

  it("3.x and later follow joi: rejected by default, kept with allowUnknown or unknown()", () => {
    expect(policyOf(`${V3}▶validate({ body: Joi.object({ a: Joi.string() }) });`)).toBe('reject');
    expect(policyOf(`${V3}▶validate({ body: Joi.object({ a: Joi.string() }) }, {}, { allowUnknown: true });`)).toBe('keep');
    expect(policyOf(`${V3}▶validate({ body: Joi.object({ a: Joi.string() }).unknown() });`)).toBe('keep');
    expect(policyOf(`import { validate, Joi } from 'express-validation';\n▶validate({ body: Joi.object({ a: Joi.string() }) }, {}, { stripUnknown: true });`)).toBe('strip');
  });
});
