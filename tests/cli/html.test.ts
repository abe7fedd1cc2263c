/**
 * The HTML report as a person sees it, in Debian's Chromium (headless, no network): the counts, a
 * route row with its posture, a filter click that hides the other rules, and a fixture whose
 * strings and file names hold `</script><script>` and other markup: nothing of it runs or renders
 * as HTML. Skips (with a message) only when Chromium is absent and CI is not set; in CI it runs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/cli/format/html.js';
import { fakeRouteSource } from './fake-route-source.js';
import { copyFixture, makeTempDir, scan } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const mustRun = Boolean(process.env.CI);
if (!hasChromium && !mustRun) {
  console.warn(`html.test.ts: skipped: Chromium not found at ${CHROMIUM} (install it with "apt-get install -y chromium"); in CI this test runs and fails instead`);
}

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HOSTILE = '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\``)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#96;');
  });
});

describe.skipIf(!hasChromium && !mustRun)('html report in Chromium', () => {
  let context: BrowserContext;
  let reportUrl: string;
  let html: string;
  const requests: string[] = [];

  beforeAll(async () => {
    const app = copyFixture('cli/inventory');
    // Findings from two rules, one message and one file name carrying markup.
    writeFileSync(
      path.join(app, 'src/findings.ts'),
      [`danger('${HOSTILE}');`, "caution('read');", "danger('plain');", 'declare function danger(v: string): void;', 'declare function caution(v: string): void;', ''].join('\n'),
    );
    mkdirSync(path.join(app, 'src/odd'), { recursive: true });
    writeFileSync(path.join(app, 'src/odd/"><script>window.__pwned=3<.ts'), `route('GET', '/x</script><script>window.__pwned=4</script>');\ndanger('odd');\ndeclare function route(m: string, p: string): void;\ndeclare function danger(v: string): void;\n`);
    const out = path.join(app, 'report.html');
    // The contract: /admin/users (and the odd file's /x...) are shadow routes, GET /invoices a zombie, DELETE /orders/{id} documented but open in the code.
    writeFileSync(
      path.join(app, 'openapi.yaml'),
      ['openapi: 3.0.3', 'security: [{ bearer: [] }]', 'paths:', '  /orders/{id}: { get: {}, delete: {} }', '  /health: { get: { security: [] } }', '  /invoices: { get: {} }', ''].join('\n'),
    );
    const run = await scan({ cwd: app, format: 'html', outputFile: 'report.html', routeSource: fakeRouteSource, openapi: 'openapi.yaml' });
    expect(run.exitCode).toBe(1);
    html = readFileSync(out, 'utf8');
    reportUrl = pathToFileURL(out).href;
    if (!hasChromium) throw new Error(`Chromium is required in CI: not found at ${CHROMIUM} (apt-get install -y chromium)`);
    context = await chromium.launchPersistentContext(makeTempDir('api-guard-chromium-'), { executablePath: CHROMIUM, headless: true, args: FLAGS });
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.request().url().startsWith('file:') ? route.continue() : route.abort();
    });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('is one self-contained file: no external resources, a CSP, nothing from the code unescaped', () => {
    expect(html).not.toMatch(/<(link|img|iframe)\b/i);
    expect(html).not.toMatch(/<[a-z]+\b[^>]*\ssrc=/i);
    expect(html).toContain('Content-Security-Policy');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('</script><script>window');
  });

  it('shows the counts, the routes with their posture, and findings; nothing injected runs', async () => {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(reportUrl);
    expect(await page.locator('#count-errors b').innerText()).toBe('3');
    expect(await page.locator('#count-warnings b').innerText()).toBe('1');
    expect(await page.locator('#count-routes b').innerText()).toBe('5');
    const deleteRow = page.locator('#routes tbody tr', { hasText: 'DELETE' });
    await expect.poll(() => deleteRow.count()).toBe(1);
    const cells = await deleteRow.locator('td').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual(['DELETE', '/orders/:id', 'express', 'src/routes.ts:2']);
    expect(cells[6]).toBe('-'); // RATE LIMIT
    expect(cells[7]).toBe('missing'); // OWNERSHIP
    expect(cells[8]).toBe('unprotected');
    // The hostile strings are shown as text, and never executed.
    await expect.poll(() => page.locator('#routes').innerText()).toContain('/x</script><script>window.__pwned=4</script>');
    expect(await page.locator('#findings').innerText()).toContain(HOSTILE);
    expect(await page.locator('#findings').innerText()).toContain('src/odd/"><script>window.__pwned=3<.ts');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    await page.close();
  });

  it('shows the routes against the contract, and filters them by kind', async () => {
    const page = await context.newPage();
    await page.goto(reportUrl);
    await expect.poll(() => page.locator('#contract-source').innerText()).toBe('openapi.yaml (OpenAPI 3.0)');
    const kinds = (): Promise<string[]> => page.locator('#contract tbody tr:visible td:nth-child(1)').allInnerTexts();
    expect(await kinds()).toEqual(['auth', 'shadow', 'shadow', 'zombie']);
    const auth = await page.locator('#contract tbody tr[data-kind="auth"] td').allInnerTexts();
    expect(auth.slice(0, 3)).toEqual(['auth', 'DELETE', '/orders/:id']);
    expect(auth[5]).toBe('documented as requiring bearer (global security), but no authentication runs before the handler');
    // The route from the hostile file name is a shadow route too, shown as text.
    expect(await page.locator('#contract tbody tr[data-kind="shadow"] td:nth-child(3)').allInnerTexts()).toEqual(['/admin/users', '/x</script><script>window.__pwned=4</script>']);
    await page.locator('button[data-group="kind"][data-value="zombie"]').click();
    expect(await kinds()).toEqual(['zombie']);
    expect(await page.locator('#kind-shown').innerText()).toBe('1');
    expect(await page.locator('#contract-summary').innerText()).toContain('2 shadow routes; 1 zombie operation');
    await page.close();
  });

  it('a filter click hides the findings of other rules, and "all" brings them back', async () => {
    const page = await context.newPage();
    await page.goto(reportUrl);
    const visible = (): Promise<string[]> => page.locator('#findings tbody tr:visible td:nth-child(2)').allInnerTexts();
    expect(new Set(await visible())).toEqual(new Set(['api-guard/no-danger', 'api-guard/prefer-care']));
    await page.locator('button[data-group="rule"][data-value="api-guard/prefer-care"]').click();
    expect(await visible()).toEqual(['api-guard/prefer-care']);
    expect(await page.locator('#rule-shown').innerText()).toBe('1');
    await page.locator('button[data-group="rule"][data-value="*"]').click();
    expect(await visible()).toHaveLength(4);
    await page.locator('button[data-group="posture"][data-value="unprotected"]').click();
    const postures = await page.locator('#routes tbody tr:visible td:nth-child(9)').allInnerTexts();
    expect(postures.length).toBeGreaterThan(0);
    expect(postures.every((p) => p.startsWith('unprotected'))).toBe(true);
    await page.screenshot({ path: process.env.API_GUARD_SCREENSHOT ?? path.join(makeTempDir('api-guard-shot-'), 'report.png'), fullPage: true });
    await page.close();
  });
});
