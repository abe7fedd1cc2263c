/**
 * The hardcoded-secret analysis of one file. A string literal is a hardcoded secret when
 *
 * 1. it contains a provider secret format (catalog rows and user patterns), anywhere; or
 * 2. it reaches a credential sink (a JWT, session, cookie, crypto, SDK or database secret, an
 *    `Authorization` header), directly or through constants and config objects, whatever it looks
 *    like, unless it is a placeholder; or
 * 3. it is stored under a secret name (`apiKey`, `DB_PASSWORD`, `clientSecret`) or is the fallback of
 *    a secret-named environment variable, and looks like a secret: not a placeholder, not text, a
 *    path, a regex, a hash or a key name, and random enough.
 *
 * Test files report only live provider formats by default.
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../core/context.js';
import { getPropertyNameText } from '../core/ast.js';
import { getNodesOfKinds, walkDescendants } from '../core/walk.js';
import { AUTHORIZATION_SCHEMES } from '../catalog/credential-sinks.js';
import { findPublicKeyFormat } from '../catalog/secrets.js';
import { getCredentialHits, type CredentialHit } from './credential-origins.js';
import { shannonEntropy } from './entropy.js';
import { getNamingContext, type NamingContext } from './naming-context.js';
import { looksLikeCredentialLabel, looksLikeHashOrChecksum, looksLikeKeyName, looksLikeNaturalLanguage, looksLikeNonSecretText, looksLikePathOrUrl } from './non-secret-text.js';
import { isPlaceholderSecret } from './placeholder.js';
import { scanSecretFormats } from './secret-format-scan.js';
import { classifySecretName, splitIdentifierWords, toEnvironmentVariableName, type SecretName } from './secret-name.js';
import { isAllowlisted, type SecretPolicy } from './secret-policy.js';
import { isTestFilePath } from './test-file.js';
import { isLocalHost } from './url-credentials.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

/** Why a literal is reported. */
export type SecretReason = 'provider' | 'sink' | 'env-fallback' | 'named';

/** A literal the literal scan reads: string literals and the static parts of templates. */
export type SecretLiteralNode = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateHead | ts.TemplateMiddle | ts.TemplateTail;

export interface HardcodedSecret {
  /** The literal holding the secret. */
  readonly node: SecretLiteralNode;
  /** The literal's text. */
  readonly value: string;
  /** The secret inside it (a provider match, a header credential, or the whole value). */
  readonly secret: string;
  /** Where `secret` starts inside `value`. */
  readonly secretStart: number;
  readonly reason: SecretReason;
  /** What the secret is, for messages: `AWS access key id`, `JWT signing secret`, `password`. */
  readonly kind: string;
  /** The environment variable a fix would read. */
  readonly envName: string;
  /** True for live provider formats (reported in test files under `provider-only`). */
  readonly live: boolean;
  /** The name the literal is stored under, dotted (`config.jwt.secret`). */
  readonly name?: string;
  /** The environment variable the literal is the fallback of. */
  readonly envVar?: string;
  /** The `process.env.X || 'literal'` expression, when the literal is its fallback. */
  readonly fallback?: ts.BinaryExpression;
  /** The env-schema `.default('literal')` or `{ X = 'literal' } = process.env` binding the literal is the default of. */
  readonly envDefault?: ts.CallExpression | ts.BindingElement;
  /** The credential sink the literal reaches. */
  readonly hit?: CredentialHit;
}

/** Shortest value the secret-named heuristic reports. */
const MIN_NAMED_LENGTH = 6;
/** Shortest environment fallback reported. */
const MIN_FALLBACK_LENGTH = 3;
/** Entropy floor of an environment fallback (`'dev'` has 1.58 bits per character). */
const FALLBACK_MIN_ENTROPY = 1.5;
/** Shortest credential in a header. */
const MIN_HEADER_CREDENTIAL_LENGTH = 8;

/** Environment variable names of catalog rows that say nothing about the provider. */
const GENERIC_ENV_NAMES = new Set(['API_KEY', 'API_TOKEN', 'SERVICE_URL', 'DATABASE_URL', 'PRIVATE_KEY', 'SECRET']);

/** Folders of translation files: their values are text in any language. */
const I18N_PATH = /(?:^|\/)(?:i18n|l10n|locales?|lang|langs|translations?)\//i;

const literalCache = new FileScopedWeakMap<ts.SourceFile, readonly SecretLiteralNode[]>();

/** True for literals that are names or module specifiers, never values. */
function isNonValuePosition(tsApi: TsApi, node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if (tsApi.isImportDeclaration(parent) || tsApi.isExportDeclaration(parent) || tsApi.isExternalModuleReference(parent) || tsApi.isModuleDeclaration(parent)) return true;
  if (tsApi.isImportTypeNode(parent) || tsApi.isLiteralTypeNode(parent)) return true;
  if ((tsApi.isPropertyAssignment(parent) || tsApi.isPropertyDeclaration(parent) || tsApi.isMethodDeclaration(parent) || tsApi.isPropertySignature(parent) || tsApi.isEnumMember(parent)) && parent.name === node) return true;
  if (tsApi.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (tsApi.isCallExpression(parent) && (parent.expression.kind === tsApi.SyntaxKind.ImportKeyword || (tsApi.isIdentifier(parent.expression) && parent.expression.text === 'require'))) return true;
  if (tsApi.isExpressionStatement(parent)) return true; // 'use strict'
  return false;
}

/**
 * The literals inside a literal type (`'admin'` in `role: 'admin' | 'user'`) or an import declaration:
 * never values. Collected by walking those (small) subtrees, not by walking up from every literal,
 * which a 10,000-piece concatenation would make quadratic.
 */
function getTypeAndImportLiterals(tsApi: TsApi, sourceFile: ts.SourceFile): ReadonlySet<ts.Node> {
  const excluded = new Set<ts.Node>();
  const k = tsApi.SyntaxKind;
  for (const root of getNodesOfKinds(tsApi, sourceFile, [k.LiteralType, k.ImportDeclaration])) {
    walkDescendants(tsApi, root, (node) => {
      if (node !== root) excluded.add(node);
    });
  }
  return excluded;
}

/** The string literals and template parts of a file that hold values, built once per file. */
function getValueLiterals(tsApi: TsApi, sourceFile: ts.SourceFile): readonly SecretLiteralNode[] {
  let literals = literalCache.get(sourceFile);
  if (!literals) {
    const found: SecretLiteralNode[] = [];
    const k = tsApi.SyntaxKind;
    const candidates = getNodesOfKinds(tsApi, sourceFile, [k.StringLiteral, k.NoSubstitutionTemplateLiteral, k.TemplateHead, k.TemplateMiddle, k.TemplateTail]);
    const excluded = getTypeAndImportLiterals(tsApi, sourceFile);
    for (const node of candidates) {
      if (excluded.has(node)) continue;
      if (tsApi.isStringLiteral(node) || tsApi.isNoSubstitutionTemplateLiteral(node)) {
        if (!isNonValuePosition(tsApi, node)) found.push(node);
      } else if ((node as ts.TemplateLiteralLikeNode).text.length > 0) {
        found.push(node as SecretLiteralNode);
      }
    }
    literals = found;
    literalCache.set(sourceFile, literals);
  }
  return literals;
}

/** The expression a literal stands for: the template expression of a template part, else itself. */
function getValueNode(tsApi: TsApi, node: SecretLiteralNode): ts.Node {
  if (tsApi.isTemplateHead(node)) return node.parent;
  if ((tsApi.isTemplateMiddle(node) || tsApi.isTemplateTail(node)) && node.parent.parent) return node.parent.parent;
  return node;
}

/** The directory test-file patterns are matched below: the tsconfig's folder, or the working directory. */
function getProjectRoot(ctx: AnalysisContext): string | undefined {
  const configFile = ctx.project?.compilerOptions['configFilePath'];
  if (typeof configFile === 'string') return configFile.replace(/\\/g, '/').replace(/\/[^/]*$/, '');
  return typeof process !== 'undefined' ? process.cwd() : undefined;
}

/** The credential of a header value: the part after a scheme (`Bearer x` gives `x`), or the whole value. */
function extractHeaderCredential(value: string, header: 'authorization' | 'none', prefixed: boolean): { secret: string; start: number } | undefined {
  let secret = value;
  let start = 0;
  if (!prefixed && header === 'authorization') {
    const match = /^(\s*([A-Za-z][\w-]*)\s+)(\S+)\s*$/.exec(value);
    if (match && AUTHORIZATION_SCHEMES.some((s) => s.toLowerCase() === match[2]!.toLowerCase())) {
      secret = match[3]!;
      start = match[1]!.length;
      if (match[2]!.toLowerCase() === 'basic') {
        const decoded = Buffer.from(secret, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (/^[\x20-\x7e]+$/.test(decoded) && colon > 0 && isPlaceholderSecret(decoded.slice(colon + 1))) return undefined;
      }
    }
  }
  if (/\s/.test(secret) || secret.length < MIN_HEADER_CREDENTIAL_LENGTH) return undefined;
  if (isPlaceholderSecret(secret) || looksLikeKeyName(secret)) return undefined;
  return { secret, start };
}

/** True when the object around a property value is a dictionary of texts (translations, messages). */
function isTextDictionary(tsApi: TsApi, object: ts.ObjectLiteralExpression | undefined): boolean {
  if (!object) return false;
  let strings = 0;
  let texts = 0;
  for (const prop of object.properties) {
    if (!tsApi.isPropertyAssignment(prop)) continue;
    const init = prop.initializer;
    if (tsApi.isStringLiteral(init) || tsApi.isNoSubstitutionTemplateLiteral(init)) {
      strings++;
      if (looksLikeNaturalLanguage(init.text)) texts++;
    }
  }
  return strings >= 3 && texts * 2 >= strings;
}

/** Names of objects that hold texts, codes or stand-ins rather than secrets. */
const TEXT_CONTAINER_WORDS = new Set(['errors', 'error', 'messages', 'message', 'labels', 'label', 'i18n', 'translations', 'texts', 'copy', 'strings', 'hints', 'placeholders', 'placeholder', 'examples', 'example', 'samples', 'sample', 'dummy', 'fake', 'mock', 'mocks', 'fixtures', 'validation']);

/** True when an enclosing object's name says it holds texts or stand-ins (`errors.password`, `PLACEHOLDER_SECRETS.X`). */
function isInsideTextOrPlaceholderContainer(nc: NamingContext): boolean {
  return nc.names.slice(0, -1).some((name) => splitIdentifierWords(name).some((w) => TEXT_CONTAINER_WORDS.has(w)));
}

/** True when the object around a value connects to this machine (`{ host: 'localhost', password: 'dev' }`). */
function isLocalConnection(tsApi: TsApi, object: ts.ObjectLiteralExpression | undefined): boolean {
  if (!object) return false;
  for (const prop of object.properties) {
    if (!tsApi.isPropertyAssignment(prop)) continue;
    const name = getPropertyNameText(tsApi, prop.name);
    if (name !== 'host' && name !== 'hostname' && name !== 'server') continue;
    const init = prop.initializer;
    if ((tsApi.isStringLiteral(init) || tsApi.isNoSubstitutionTemplateLiteral(init)) && isLocalHost(init.text)) return true;
  }
  return false;
}

/**
 * True for an enum member's value made of lowercase words (`AUTH = 'monorepo_auth'`, a connection or
 * queue name): an enum lists labels, and a label is no secret whatever the member is called.
 */
function isEnumLabel(tsApi: TsApi, node: SecretLiteralNode, value: string): boolean {
  const parent = node.parent;
  return !!parent && tsApi.isEnumMember(parent) && parent.initializer === node && /^[a-z]+(?:[_.:-][a-z]+)+$/.test(value);
}

/** The secret-named reading of a naming context: the environment variable's name first, then the holder's. */
function getSecretName(nc: NamingContext): { readonly secretName: SecretName; readonly fromEnv: boolean } | undefined {
  if (nc.compared) return undefined;
  if (nc.envVar !== undefined) {
    const envName = classifySecretName(nc.envVar.split(/[.:]/).pop() ?? nc.envVar);
    if (envName) return { secretName: envName, fromEnv: true };
  }
  const own = nc.name === undefined ? undefined : classifySecretName(nc.name);
  return own ? { secretName: own, fromEnv: false } : undefined;
}

/**
 * The environment variable a fix would read: the variable of a fallback, else one derived from the
 * secret-named holder (`config.jwt.secret` gives `JWT_SECRET`), else `fallback`. With
 * `preferFallback`, a bare one-word name (`secret`, `password`) yields to `fallback`.
 */
function envNameFor(nc: NamingContext, fallback: string, preferFallback: boolean): string {
  if (nc.envVar !== undefined && /^[A-Z][A-Z0-9_]*$/.test(nc.envVar)) return nc.envVar;
  if (nc.name !== undefined && classifySecretName(nc.name)) {
    const env = toEnvironmentVariableName(nc.names);
    if (!preferFallback || env.includes('_')) return env;
  }
  return fallback;
}

/**
 * True when a value under a secret name looks like a secret rather than text, a name or a filler.
 * An environment fallback is held to a lower bar: the variable's name already says it is the
 * secret, and short defaults (`'dev'`) ship all the same.
 */
function looksLikeNamedSecret(value: string, words: readonly string[], policy: SecretPolicy, isFallback: boolean): boolean {
  const trimmed = value.trim();
  if (trimmed.length < (isFallback ? MIN_FALLBACK_LENGTH : MIN_NAMED_LENGTH)) return false;
  if (isPlaceholderSecret(trimmed) || findPublicKeyFormat(trimmed)) return false;
  if (looksLikeNonSecretText(trimmed, words)) return false;
  return shannonEntropy(trimmed) >= (isFallback ? Math.min(policy.minEntropy, FALLBACK_MIN_ENTROPY) : policy.minEntropy);
}

/** The hardcoded secrets of the file under analysis. */
export function findHardcodedSecrets(ctx: AnalysisContext, policy: SecretPolicy): HardcodedSecret[] {
  const { ts: tsApi, sourceFile } = ctx;
  const isTest = isTestFilePath(sourceFile.fileName, getProjectRoot(ctx));
  if (isTest && policy.testFiles === 'ignore') return [];
  const liveOnly = isTest && policy.testFiles === 'provider-only';
  const literals = getValueLiterals(tsApi, sourceFile);
  if (literals.length === 0) return [];
  const hits: ReadonlyMap<ts.Node, CredentialHit> = liveOnly ? new Map() : getCredentialHits(tsApi, sourceFile, ctx.project);
  const inTranslations = I18N_PATH.test(sourceFile.fileName.replace(/\\/g, '/'));
  const results: HardcodedSecret[] = [];

  for (const node of literals) {
    const value = node.text;
    if (value.trim().length === 0) continue;
    const nc = getNamingContext(tsApi, getValueNode(tsApi, node));
    const hit = hits.get(node);
    const scan = scanSecretFormats(value, policy.extraFormats, { names: nc.names, siblingProperties: nc.siblingProperties });
    const dotted = nc.names.length > 0 ? nc.names.join('.') : undefined;

    const first = scan.matches[0];
    if (first) {
      if (liveOnly && !first.format.live) continue;
      if (isAllowlisted(policy, value, first.text)) continue;
      // A provider's own variable (`AWS_SECRET_ACCESS_KEY`) beats the holder's name; a generic one does not.
      const useName = GENERIC_ENV_NAMES.has(first.format.envName) && nc.name !== undefined && classifySecretName(nc.name) !== undefined;
      results.push({
        node,
        value,
        secret: first.text,
        secretStart: first.start,
        reason: hit ? 'sink' : 'provider',
        kind: first.format.label,
        envName: useName ? envNameFor(nc, first.format.envName, true) : first.format.envName,
        live: first.format.live,
        name: dotted,
        envVar: nc.envVar,
        fallback: nc.fallback,
        ...(nc.envDefault ? { envDefault: nc.envDefault } : {}),
        hit,
      });
      continue;
    }
    if (liveOnly || scan.rejectedLookalike || isAllowlisted(policy, value)) continue;
    if (!tsApi.isStringLiteral(node) && !tsApi.isNoSubstitutionTemplateLiteral(node)) continue;

    if (hit) {
      const header = hit.use.header;
      const credential = header
        ? extractHeaderCredential(value, header, hit.origin.prefix !== undefined)
        : isPlaceholderSecret(value) || findPublicKeyFormat(value.trim()) || looksLikeHashOrChecksum(value)
          ? undefined
          : { secret: value, start: 0 };
      if (credential && !isAllowlisted(policy, credential.secret)) {
        results.push({
          node,
          value,
          secret: credential.secret,
          secretStart: credential.start,
          reason: 'sink',
          kind: hit.use.label,
          // An option property (`secret`, `secretOrKey`) says less than the sink; a constant's own name says more.
          envName: hit.origin.via.length > 0 || nc.envVar !== undefined ? envNameFor(nc, hit.use.envName, true) : hit.use.envName,
          live: false,
          name: dotted,
          envVar: nc.envVar ?? hit.origin.fallbackOf,
          fallback: nc.fallback,
          ...(nc.envDefault ? { envDefault: nc.envDefault } : {}),
          hit,
        });
        continue;
      }
      // A sink that rejects the value (a header value with spaces) leaves the name heuristic to decide,
      // so a project run never reports less than a per-file run.
    }

    const named = getSecretName(nc);
    if (!named) continue;
    if (
      !named.fromEnv &&
      (inTranslations ||
        isTextDictionary(tsApi, nc.object) ||
        isInsideTextOrPlaceholderContainer(nc) ||
        isLocalConnection(tsApi, nc.object) ||
        looksLikeCredentialLabel(value) ||
        isEnumLabel(tsApi, node, value))
    ) {
      continue;
    }
    const words = [...nc.names, nc.envVar ?? ''].flatMap((n) => splitIdentifierWords(n));
    if (!looksLikeNamedSecret(value, words, policy, nc.envVar !== undefined)) continue;
    if (looksLikePathOrUrl(value)) continue;
    results.push({
      node,
      value,
      secret: value,
      secretStart: 0,
      reason: nc.envVar !== undefined ? 'env-fallback' : 'named',
      kind: named.secretName.kind,
      envName: envNameFor(nc, 'SECRET', false),
      live: false,
      name: dotted,
      envVar: nc.envVar,
      fallback: nc.fallback,
      ...(nc.envDefault ? { envDefault: nc.envDefault } : {}),
    });
  }
  return results;
}
