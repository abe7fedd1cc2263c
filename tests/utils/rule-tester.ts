/**
 * RuleTester factories: untyped (the per-file mode every user gets) and typed (cross-file cases
 * placed inside a fixture project on disk).
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';

/** A RuleTester with the typescript-eslint parser and no type information. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
  });
}

/** The root of the typed fixture project (`tests/fixtures/typed`). */
export const typedFixtureRoot = fileURLToPath(new URL('../fixtures/typed', import.meta.url));

/** A RuleTester with typed linting over the project at `root` (default: tests/fixtures/typed). */
export function createTypedRuleTester(root: string = typedFixtureRoot): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.ts*', '*.js'] },
        tsconfigRootDir: root,
      },
    },
  });
}
