/**
 * Every rule's `meta.docs.url` resolves to its page: the URL points into this package's repository,
 * and its path inside the repository is an existing `docs/rules/<id>.md`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { repository?: { url?: string } | string };
const repositoryUrl = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');

describe.each(Object.entries(plugin.rules))('the docs URL of %s', (id, rule) => {
  const url = new URL(rule.meta.docs!.url!);
  // https://github.com/<owner>/<repo>/blob/<branch>/<path in the repository>
  const [, owner, repo, blob, branch, ...rest] = url.pathname.split('/');

  it('is a GitHub blob URL on the main branch of the package repository', () => {
    expect(url.protocol).toBe('https:');
    expect(url.host).toBe('github.com');
    expect([blob, branch]).toEqual(['blob', 'main']);
    expect(repositoryUrl).toContain(`github.com/${owner}/${repo}`);
  });

  it('names an existing page of this rule', () => {
    const pathInRepository = rest.join('/');
    expect(pathInRepository).toBe(`docs/rules/${id}.md`);
    expect(existsSync(`${root}/${pathInRepository}`), pathInRepository).toBe(true);
  });
});
