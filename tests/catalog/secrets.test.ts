/**
 * Every provider secret format, row by row: a generated matching sample (found alone and inside a
 * longer string) and a non-matching look-alike. Samples are built at run time from split parts and
 * a seeded generator, so no complete key is written in this file.
 */
import { describe, expect, it } from 'vitest';
import { PUBLIC_KEY_FORMATS, SECRET_FORMATS, findPublicKeyFormat, type SecretFormatName } from '../../src/catalog/secrets.js';
import { findSecretFormatMatches, scanSecretFormats, type SecretScanContext } from '../../src/secrets/secret-format-scan.js';
import { ALPHABET, FAKE, FAKE_JWT, base64UrlJson, createFakeSource, fakePem } from '../utils/fake-secrets.js';

const g = createFakeSource(2024);
const c = (n: number, alphabet: string): string => g.chars(n, alphabet);
const { alnum, hex, base64, base64url, digits, upper, lower } = ALPHABET;

interface Sample {
  readonly match: string;
  readonly miss: string;
  readonly context?: SecretScanContext;
}

const SAMPLES = {
  'aws-access-key-id': { match: FAKE.awsAccessKeyId, miss: 'AKIA' + 'IOSFODNN7EXAMPLE' },
  'aws-secret-access-key': { match: FAKE.awsSecretAccessKey, miss: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY', context: { names: ['credentials', 'secretAccessKey'] } },
  'google-api-key': { match: 'AI' + 'za' + c(35, base64url.replace('-', '')), miss: 'AIza' + 'tooShort' },
  'google-oauth-client-secret': { match: 'GOC' + 'SPX-' + c(28, alnum), miss: 'GOCSPX-' + 'x'.repeat(28) },
  'github-token': { match: FAKE.githubToken, miss: 'ghp_' + 'x'.repeat(36) },
  'github-fine-grained-token': { match: FAKE.githubFineGrained, miss: 'github_pat_' + c(22, alnum) },
  'gitlab-token': { match: FAKE.gitlabToken, miss: 'glpat-' + 'abc' },
  'gitlab-trigger-or-runner-token': { match: 'glp' + 'tt-' + c(40, hex), miss: 'glptt-' + c(12, hex) },
  'slack-bot-token': { match: FAKE.slackBotToken, miss: 'xoxb-' + '123-456-abc' },
  'slack-user-token': { match: 'xo' + 'xp-' + c(11, digits) + '-' + c(11, digits) + '-' + c(12, digits) + '-' + c(32, alnum), miss: 'xoxp-1-2-3-abc' },
  'slack-app-token': { match: 'xa' + 'pp-1-A' + c(9, upper) + '-' + c(13, digits) + '-' + c(64, hex), miss: 'xapp-1-' + 'abc' },
  'slack-webhook-url': { match: FAKE.slackWebhook, miss: 'https://hooks.slack.com/services/' + 'T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX' },
  'discord-webhook-url': { match: 'https://discord.com/api/web' + 'hooks/' + c(18, digits) + '/' + c(68, base64url), miss: 'https://discord.com/api/webhooks/' + '123/abc' },
  'stripe-live-secret-key': { match: FAKE.stripeLiveSecret, miss: 'sk_live_' + '0'.repeat(24) },
  'stripe-restricted-key': { match: FAKE.stripeRestricted, miss: 'rk_live_' + 'short' },
  'stripe-test-secret-key': { match: FAKE.stripeTestSecret, miss: 'sk_test_' + 'x'.repeat(24) },
  'stripe-webhook-secret': { match: 'wh' + 'sec_' + c(32, alnum), miss: 'whsec_' + 'abc' },
  'twilio-api-key': { match: FAKE.twilioKey, miss: 'SK' + c(31, hex) },
  'sendgrid-api-key': { match: FAKE.sendgridKey, miss: 'SG.' + 'abc.def' },
  'mailgun-api-key': { match: FAKE.mailgunKey, miss: 'key-' + 'g'.repeat(32) },
  'mailchimp-api-key': { match: c(32, hex) + '-u' + 's14', miss: c(32, hex) + '-eu1' },
  'openai-api-key': { match: FAKE.openAiKey, miss: 'sk-proj-' + 'short' },
  'anthropic-api-key': { match: 'sk-' + 'ant-api03-' + c(93, base64url) + 'AA', miss: 'sk-ant-api03-' + 'short' },
  'sk-style-api-key': { match: 'sk' + '-' + c(46, alnum) + '7q', miss: 'sk-' + 'abcdefgh' },
  'npm-access-token': { match: FAKE.npmToken, miss: 'npm_' + 'short' },
  'npmrc-auth-token': { match: '//registry.npmjs.org/:_auth' + 'Token=' + c(36, alnum), miss: '//registry.npmjs.org/:_authToken=' + '${NPM_TOKEN}' },
  'pypi-upload-token': { match: 'pypi-' + 'AgEIcHlwaS5vcmc' + c(60, base64url), miss: 'pypi-AgEIcHlwaS5vcmc' + 'short' },
  'docker-hub-token': { match: 'dckr' + '_pat_' + c(27, alnum), miss: 'dckr_pat_' + 'abc' },
  'azure-storage-account-key': {
    match: 'DefaultEndpointsProtocol=https;AccountName=acmeprod;Account' + 'Key=' + FAKE.azureAccountKey + ';EndpointSuffix=core.windows.net',
    miss: 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;Account' + 'Key=' + FAKE.azureAccountKey + ';',
  },
  'azure-shared-access-key': {
    match: 'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccess' + 'Key=' + c(43, base64) + '=',
    miss: 'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=' + 'abc=',
  },
  'hashicorp-vault-token': { match: 'hv' + 's.' + c(95, base64url), miss: 'hvs.' + 'short' },
  'terraform-cloud-token': { match: c(14, lower) + '.atlas' + 'v1.' + c(66, alnum), miss: 'abc' + '.atlasv1.def' },
  'digitalocean-token': { match: 'do' + 'p_v1_' + c(64, hex), miss: 'dop_v1_' + 'zz' },
  'databricks-token': { match: 'da' + 'pi' + c(32, hex), miss: 'dapi' + 'short' },
  'postman-api-key': { match: 'PM' + 'AK-' + c(24, hex) + '-' + c(34, hex), miss: 'PMAK-' + '123' },
  'huggingface-token': { match: 'h' + 'f_' + c(34, upper + lower), miss: 'hf_' + 'abc' },
  'shopify-token': { match: 'shp' + 'at_' + c(32, hex), miss: 'shpat_' + 'short' },
  'square-token': { match: 'sq0' + 'atp-' + c(22, base64url), miss: 'sq0atp-' + 'short' },
  'linear-api-key': { match: 'lin' + '_api_' + c(40, alnum), miss: 'lin_api_' + 'short' },
  'new-relic-user-key': { match: 'NR' + 'AK-' + c(27, upper + digits), miss: 'NRAK-' + 'SHORT' },
  'sentry-auth-token': { match: 'sntr' + 'ys_' + c(60, alnum), miss: 'sntrys_' + 'short' },
  'grafana-token': { match: 'gl' + 'sa_' + c(32, alnum) + '_' + c(8, hex), miss: 'glsa_' + 'short' },
  'telegram-bot-token': { match: c(10, '123456789') + ':A' + 'A' + c(33, base64url), miss: c(10, '123456789') + ':BB' + c(33, base64url) },
  'doppler-token': { match: 'dp' + '.pt.' + c(43, alnum), miss: 'dp.pt.' + 'short' },
  'alibaba-access-key-id': { match: 'LT' + 'AI' + c(20, alnum), miss: 'LTAI' + 'short' },
  'mapbox-secret-token': { match: 'sk' + '.eyJ' + c(60, base64url) + '.' + c(22, base64url), miss: 'pk.eyJ' + c(60, base64url) + '.' + c(22, base64url) },
  'firebase-cloud-messaging-key': { match: 'AA' + 'AA' + c(7, base64url) + ':' + c(140, base64url), miss: 'AAAA' + 'abc:def' },
  'age-secret-key': { match: 'AGE-SECRET-' + 'KEY-1' + c(58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'), miss: 'AGE-SECRET-KEY-1' + 'SHORT' },
  'private-key-pem': { match: fakePem('RSA ' + 'PRIVATE KEY', g), miss: '-----BEGIN ' + 'PRIVATE KEY-----\n' },
  'signed-jwt': { match: FAKE_JWT, miss: `${base64UrlJson({ alg: 'none' })}.${FAKE.jwtPayload}.${c(43, base64url)}` },
  'database-url-password': { match: 'postgres://app:' + FAKE.dbPassword + '@db.prod.acme.internal:5432/app', miss: 'postgres://app:' + FAKE.dbPassword + '@localhost:5432/app' },
  'url-password': { match: 'https://deploy:' + c(20, alnum) + '@artifacts.acme.io/repo', miss: 'https://artifacts.acme.io/repo' },
  'url-query-credential': { match: 'https://api.acme.io/v2/items?limit=10&api_' + 'key=' + c(32, alnum), miss: 'https://api.acme.io/v2/items?api_key=' + 'YOUR_API_KEY' },
} as const satisfies Record<SecretFormatName, Sample>;

function namesOf(value: string, context?: SecretScanContext): string[] {
  return findSecretFormatMatches(value, [], context).map((m) => m.format.name);
}

describe('SECRET_FORMATS', () => {
  it('has unique names and a sample for every row', () => {
    const names = SECRET_FORMATS.map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(SAMPLES).sort()).toEqual([...names].sort());
  });

  for (const row of SECRET_FORMATS) {
    describe(row.name, () => {
      const sample: Sample = SAMPLES[row.name];
      it('matches its sample', () => {
        expect(namesOf(sample.match, sample.context)).toContain(row.name);
      });
      it('matches its sample inside a longer string', () => {
        expect(namesOf(`const value = "${sample.match}"; // set by ops`, sample.context)).toContain(row.name);
      });
      it('does not match its look-alike', () => {
        expect(namesOf(sample.miss, sample.context)).not.toContain(row.name);
      });
      it('never carries the g flag (the scanner adds it)', () => {
        expect(row.pattern.flags).not.toContain('g');
      });
    });
  }

  it('needs the AWS secret access key context', () => {
    expect(namesOf(FAKE.awsSecretAccessKey)).not.toContain('aws-secret-access-key');
    expect(namesOf(`aws_secret_access_key=${FAKE.awsSecretAccessKey}`)).toContain('aws-secret-access-key');
  });

  it('treats a Google API key beside Firebase web config properties as public', () => {
    const scan = scanSecretFormats(FAKE.googleApiKey, [], { siblingProperties: new Set(['apiKey', 'authDomain']) });
    expect(scan.matches).toEqual([]);
    expect(scan.rejectedLookalike).toBe(true);
  });

  it('keeps the more specific row when two overlap', () => {
    expect(namesOf(`https://x-access-token:${FAKE.githubToken}@github.com/acme/api.git`)).toEqual(['github-token']);
  });

  it('scans user patterns on short strings too', () => {
    const extra = [{ name: 'acme', label: 'Acme token', pattern: /acme_[a-z0-9]{6}/, live: true, minEntropy: 0, envName: 'ACME_TOKEN' }];
    expect(findSecretFormatMatches('acme_k2j4h6', extra).map((m) => m.format.name)).toEqual(['acme']);
  });
});

const PUBLIC_SAMPLES = {
  'stripe-publishable-key': { match: FAKE.stripePublishable, miss: FAKE.stripeLiveSecret },
  'pem-public-key': { match: FAKE.publicKey, miss: FAKE.ecPrivateKey },
  'pem-certificate': { match: fakePem('CERTIFICATE', g, 2), miss: fakePem('RSA ' + 'PRIVATE KEY', g, 2) },
  'ssh-public-key': { match: 'ssh-ed25519 AAAA' + c(64, base64) + ' ops@acme', miss: 'ssh-ed25519' },
  'pgp-public-key': { match: fakePem('PGP PUBLIC KEY BLOCK', g, 2), miss: fakePem('PGP ' + 'PRIVATE KEY BLOCK', g, 2) },
  'mailgun-public-key': { match: 'pubkey-' + c(32, hex), miss: FAKE.mailgunKey },
  'mapbox-public-token': { match: 'pk.eyJ' + c(60, base64url) + '.' + c(22, base64url), miss: 'sk.eyJ' + c(60, base64url) + '.' + c(22, base64url) },
  'clerk-publishable-key': { match: 'pk_test_' + c(40, base64), miss: 'sk_test_' + c(40, alnum) },
  'posthog-project-key': { match: 'phc_' + c(43, alnum), miss: 'phx_' + c(43, alnum) },
} as const satisfies Record<(typeof PUBLIC_KEY_FORMATS)[number]['name'], { match: string; miss: string }>;

describe('PUBLIC_KEY_FORMATS', () => {
  it('has a sample for every row', () => {
    expect(Object.keys(PUBLIC_SAMPLES).sort()).toEqual(PUBLIC_KEY_FORMATS.map((r) => r.name).sort());
  });
  for (const row of PUBLIC_KEY_FORMATS) {
    it(`${row.name}: recognises its sample and not its look-alike`, () => {
      const sample = PUBLIC_SAMPLES[row.name];
      expect(row.pattern.test(sample.match)).toBe(true);
      expect(row.pattern.test(sample.miss)).toBe(false);
      expect(findPublicKeyFormat(sample.match)).toBeDefined();
    });
  }
});
