/**
 * `api-guard scan` end to end over the nine labelled apps of tests/fixtures/labelled-apps (see its
 * README): each app is copied to a temporary folder with its fake-secret placeholders filled
 * (tests/utils/fake-secret-placeholders.ts), scanned in-process with `--format json`, and its
 * findings are matched with its `// expect: <rule>` labels the way ../shared/eval/score.mjs matches
 * them: the scored rules are those with at least one `expect` label in the app; a finding counts for
 * a label of its rule in its file on the labelled line or the line below; a second finding in a
 * matched label's window counts as nothing; every other finding of a scored rule is unexpected
 * (`// ok:` lines are ordinary lines here). Nothing may be missed or unexpected, and no output may
 * hold a generated secret in full.
 */
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, makeTempDir } from '../cli/helpers.js';
import { fillFakeSecretsInTree, seedFromName } from '../utils/fake-secret-placeholders.js';

const appsRoot = fileURLToPath(new URL('../fixtures/labelled-apps/', import.meta.url));

/** Each app's label counts (`expect`/`ok`), so a label lost in an edit of a fixture shows. */
const LABEL_COUNTS: Record<string, { expect: number; ok: number }> = {
  'express-cjs-sequelize': { expect: 29, ok: 84 },
  'express-mongoose-ts': { expect: 19, ok: 54 },
  'express-prisma-di': { expect: 24, ok: 69 },
  'fastify-cjs-knex': { expect: 29, ok: 73 },
  'fastify-sequelize-typeorm-js': { expect: 25, ok: 57 },
  'fastify-typebox-mongoose': { expect: 29, ok: 71 },
  'nest-mongoose-prisma': { expect: 23, ok: 46 },
  'nest-on-fastify-prisma': { expect: 27, ok: 83 },
  'nest-typeorm': { expect: 21, ok: 68 },
};
const TOLERANCE = 1;
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'build', 'coverage']);
const PREFIX = 'api-guard/';

interface Label {
  readonly kind: 'expect' | 'ok';
  readonly file: string;
  readonly line: number;
  readonly rule: string;
}

interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly { ruleId: string | null; line: number; endLine?: number; message: string; fatal?: boolean }[];
}

const bare = (id: string): string => (id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id);

/** `// expect: a, b` and `// ok: c` labels of every source file under `dir` (as score.mjs reads them). */
function readLabels(dir: string): Label[] {
  const labels: Label[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
        continue;
      }
      if (!entry.isFile() || !SOURCE_FILE.test(entry.name)) continue;
      const file = path.relative(dir, full).split(path.sep).join('/');
      readFileSync(full, 'utf8')
        .split(/\r?\n/)
        .forEach((text, index) => {
          for (const marker of text.matchAll(/\/\/\s*(expect|ok)\s*:/g)) {
            const rest = text.slice(marker.index + marker[0].length).split('//')[0]!;
            for (const part of rest.split(',')) {
              const id = /^\s*([A-Za-z0-9@][\w@/-]*)/.exec(part);
              if (!id) break;
              labels.push({ kind: marker[1] as Label['kind'], file, line: index + 1, rule: bare(id[1]!) });
            }
          }
        });
    }
  };
  walk(dir);
  return labels;
}

/** Labels no finding meets, and findings of scored rules that meet no label (`file:line rule`). */
function match(dir: string, labels: readonly Label[], results: readonly JsonResult[]): { missed: string[]; unexpected: string[] } {
  const expects = labels.filter((l) => l.kind === 'expect');
  const scored = new Set(expects.map((l) => l.rule));
  const key = (rule: string, file: string): string => `${file}\u0000${rule}`;
  const windows = new Map<string, { label: Label; hit: boolean }[]>();
  for (const label of expects) {
    const k = key(label.rule, label.file);
    windows.set(k, [...(windows.get(k) ?? []), { label, hit: false }].sort((a, b) => a.label.line - b.label.line));
  }
  const findings = results
    .flatMap((result) =>
      result.messages.map((m) => ({ file: path.relative(dir, result.filePath).split(path.sep).join('/'), line: m.line, rule: bare(m.ruleId ?? ''), message: m.message })),
    )
    .filter((f) => scored.has(f.rule))
    .sort((a, b) => a.line - b.line);
  const unexpected: string[] = [];
  for (const finding of findings) {
    const group = windows.get(key(finding.rule, finding.file)) ?? [];
    const inWindow = (w: { label: Label }): boolean => finding.line >= w.label.line && finding.line <= w.label.line + TOLERANCE;
    const open = group.find((w) => !w.hit && inWindow(w));
    if (open) open.hit = true;
    else if (!group.some(inWindow)) unexpected.push(`${finding.file}:${finding.line} ${finding.rule} (${finding.message})`);
  }
  const missed = [...windows.values()].flat().filter((w) => !w.hit).map((w) => `${w.label.file}:${w.label.line} ${w.label.rule}`);
  return { missed: missed.sort(), unexpected: unexpected.sort() };
}

interface AppScan {
  readonly dir: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly results: readonly JsonResult[];
  readonly secrets: readonly string[];
}

/**
 * Copies the app, fills its placeholders (unless `fill` is false), and runs
 * `api-guard scan . --format json` in the copy. With LABELLED_APPS_COPY_TO=<dir> set, the filled
 * copies go to <dir>/<app> and are kept, to score or scan by hand.
 */
async function scanApp(name: string, fill = true): Promise<AppScan> {
  const keepIn = fill ? process.env.LABELLED_APPS_COPY_TO : undefined;
  const dir = path.join(keepIn ? path.resolve(keepIn) : makeTempDir('api-guard-labelled-'), name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(appsRoot, name), dir, { recursive: true });
  const secrets = fill ? fillFakeSecretsInTree(dir, seedFromName(name)) : [];
  const io = captureIo({ NO_COLOR: '1' });
  const code = await main(['scan', '.', '--format', 'json', '--no-progress'], io, dir);
  const stdout = io.stdoutText();
  let results: JsonResult[] = [];
  try {
    results = JSON.parse(stdout) as JsonResult[];
  } catch {
    // Reported by the exit-code check below, with stderr.
  }
  return { dir, code, stdout, stderr: io.stderrText(), results, secrets };
}

it('tests/fixtures/labelled-apps holds the apps this test knows', () => {
  const folders = readdirSync(appsRoot, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  expect(folders).toEqual(Object.keys(LABEL_COUNTS).sort());
});

describe.each(Object.keys(LABEL_COUNTS))('labelled app %s', (name) => {
  let scan: AppScan;
  beforeAll(async () => {
    scan = await scanApp(name);
  });

  it('has its labels', () => {
    const labels = readLabels(path.join(appsRoot, name));
    expect({
      expect: labels.filter((l) => l.kind === 'expect').length,
      ok: labels.filter((l) => l.kind === 'ok').length,
    }).toEqual(LABEL_COUNTS[name]);
  });

  it('scans every file', () => {
    expect(scan.code, `exit code 1 (findings) expected; stderr:\n${scan.stderr}`).toBe(1);
    const broken = scan.results.flatMap((r) => r.messages.filter((m) => m.fatal || m.ruleId === null).map((m) => `${path.relative(scan.dir, r.filePath)}:${m.line} ${m.message}`));
    expect(broken).toEqual([]);
  });

  it('reports every expect label of its scored rules, and nothing else of those rules', () => {
    const { missed, unexpected } = match(scan.dir, readLabels(scan.dir), scan.results);
    const message = [`missed (${missed.length}):`, ...missed, `unexpected (${unexpected.length}):`, ...unexpected].join('\n  ');
    expect({ missed, unexpected }, message).toEqual({ missed: [], unexpected: [] });
  });

  it('prints no generated secret in full', () => {
    expect(scan.secrets.length).toBeGreaterThan(0);
    const printed = scan.secrets.filter((secret) => scan.stdout.includes(secret) || scan.stderr.includes(secret));
    expect(printed).toEqual([]);
  });

  it('reports no placeholder as a secret when the committed files are scanned as they are', async () => {
    const raw = await scanApp(name, false);
    const onPlaceholders = raw.results.flatMap((result) => {
      const lines = readFileSync(result.filePath, 'utf8').split(/\r?\n/);
      return result.messages
        .filter((m) => m.ruleId === `${PREFIX}no-hardcoded-secrets` && /\{\{(?:fake|pem):/.test(lines.slice(m.line - 1, m.endLine ?? m.line).join('\n')))
        .map((m) => `${path.relative(raw.dir, result.filePath)}:${m.line} ${m.message}`);
    });
    expect(onPlaceholders).toEqual([]);
  });
});
