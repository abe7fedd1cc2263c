/**
 * Cross-file cases with the project index (typed linting): verify options held in another file,
 * and `JwtService.sign` whose default lifetime is decided by the `JwtModule` registration in
 * another file. Per-file mode stays silent on both: only the other file can tell.
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-insecure-jwt.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/jwt`;
const read = (path: string): string => readFileSync(`${dir}/${path}`, 'utf8');

const authService = read('nest/auth.service.ts');
const authMiddleware = read('express/auth.middleware.ts');

createTypedRuleTester().run('no-insecure-jwt (project)', testedRule, {
  valid: [
    {
      // The module file itself: the registration has no verify flaw; its missing default is reported at the sign calls.
      name: 'nest module without a default lifetime',
      filename: `${dir}/nest/auth.module.ts`,
      code: read('nest/auth.module.ts'),
    },
  ],
  invalid: [
    {
      // login() signs without expiresIn and the module in auth.module.ts sets none; emailConfirmation passes its own.
      name: 'nest service signing without a lifetime, module in another file',
      filename: `${dir}/nest/auth.service.ts`,
      code: authService,
      errors: [
        {
          messageId: 'noExpiry',
          line: 9,
          data: { callee: 'this.jwtService.signAsync', fix: '`expiresIn`', defaults: ' (`JwtModule.register` at nest/auth.module.ts:7 sets no default `signOptions.expiresIn`)' },
        },
      ],
    },
    {
      // verifyOptions from jwt-options.ts turns the expiry check off; signOptions from the same file sets expiresIn.
      name: 'express verify options imported from another file',
      filename: `${dir}/express/auth.middleware.ts`,
      code: authMiddleware,
      errors: [{ messageId: 'ignoreExpiration', line: 11 }],
    },
  ],
});

createRuleTester().run('no-insecure-jwt (per file, same sources)', testedRule, {
  valid: [
    {
      // Without the module file, the default lifetime is unknown.
      name: 'nest service alone',
      filename: 'auth.service.ts',
      code: authService,
    },
    {
      // Without jwt-options.ts, the imported options are unknown.
      name: 'express middleware alone',
      filename: 'auth.middleware.ts',
      code: authMiddleware,
    },
  ],
  invalid: [],
});
