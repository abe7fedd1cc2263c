/**
 * Provider secret formats, as data: what the keys, tokens and connection strings of real services
 * look like, so a hardcoded one is found in any string or template literal, whatever its name.
 *
 * Every row has a `name` and is tested row by row in `tests/catalog/secrets.test.ts` with a
 * generated matching sample and a non-matching look-alike. Patterns never carry the `g` flag (the
 * scanner adds it); they match the secret itself, so the mask and the message show its start.
 */
import { isSignedJwt } from '../secrets/jwt-token.js';
import { hasPrivateKeyBody } from '../secrets/pem-block.js';
import { hasRemoteUrlPassword, hasSecretQueryValue } from '../secrets/url-credentials.js';

export interface SecretFormatRow {
  /** Stable id, used in tests and docs. */
  readonly name: string;
  /** What the secret is, for messages: `AWS access key id`, `Slack bot token`. */
  readonly label: string;
  /** Matches the secret inside a longer text. No `g` flag. */
  readonly pattern: RegExp;
  /** Case-sensitive substrings one of which every match contains (a cheap pre-filter), if any. */
  readonly keywords?: readonly string[];
  /**
   * True for a credential of a real service, reported even in test files under the default
   * `testFiles: 'provider-only'`. False for formats that tests fake on purpose (JWTs, database URLs,
   * Stripe test-mode keys).
   */
  readonly live: boolean;
  /** Minimum Shannon entropy (bits per character) of the match; lower is a placeholder. Default 3. */
  readonly minEntropy?: number;
  /** An extra check of the match (and the whole literal) that the pattern cannot express. */
  readonly confirm?: (match: string, text: string) => boolean;
  /** The name the value is assigned to, or the text before it, must match (for formats with no prefix). */
  readonly context?: RegExp;
  /**
   * Property names whose presence in the same object literal makes the value public by design
   * (a Firebase web config carries its browser API key next to `authDomain`).
   */
  readonly publicBesideProperties?: readonly string[];
  /** The environment variable the suggestion proposes. */
  readonly envName: string;
}

export const SECRET_FORMATS = [
  {
    name: 'aws-access-key-id',
    label: 'AWS access key id',
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}(?![A-Z0-9])/,
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    live: true,
    envName: 'AWS_ACCESS_KEY_ID',
  },
  {
    name: 'aws-secret-access-key',
    label: 'AWS secret access key',
    pattern: /(?<![A-Za-z0-9/+])(?=[A-Za-z0-9/+]{0,39}[0-9])(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[A-Z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/,
    live: true,
    minEntropy: 4,
    context: /aws.?secret|secret.?access.?key/i,
    envName: 'AWS_SECRET_ACCESS_KEY',
  },
  {
    name: 'google-api-key',
    label: 'Google API key',
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/,
    keywords: ['AIza'],
    live: true,
    publicBesideProperties: ['authDomain', 'messagingSenderId', 'storageBucket'],
    envName: 'GOOGLE_API_KEY',
  },
  {
    name: 'google-oauth-client-secret',
    label: 'Google OAuth client secret',
    pattern: /GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/,
    keywords: ['GOCSPX-'],
    live: true,
    envName: 'GOOGLE_CLIENT_SECRET',
  },
  {
    name: 'github-token',
    label: 'GitHub token',
    pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    live: true,
    envName: 'GITHUB_TOKEN',
  },
  {
    name: 'github-fine-grained-token',
    label: 'GitHub fine-grained token',
    pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9])/,
    keywords: ['github_pat_'],
    live: true,
    envName: 'GITHUB_TOKEN',
  },
  {
    name: 'gitlab-token',
    label: 'GitLab token',
    pattern: /(?<![A-Za-z0-9_-])(?:glpat|gldt|glrt|gloas|glsoat|glffct)-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/,
    keywords: ['glpat-', 'gldt-', 'glrt-', 'gloas-', 'glsoat-', 'glffct-'],
    live: true,
    envName: 'GITLAB_TOKEN',
  },
  {
    name: 'gitlab-trigger-or-runner-token',
    label: 'GitLab pipeline trigger or runner token',
    pattern: /(?<![A-Za-z0-9_-])(?:glptt-[0-9a-f]{40}|GR1348941[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])/,
    keywords: ['glptt-', 'GR1348941'],
    live: true,
    envName: 'GITLAB_TOKEN',
  },
  {
    name: 'slack-bot-token',
    label: 'Slack bot token',
    pattern: /(?<![A-Za-z0-9])xoxb-\d{10,13}-\d{10,13}-[A-Za-z0-9]{20,32}(?![A-Za-z0-9])/,
    keywords: ['xoxb-'],
    live: true,
    envName: 'SLACK_BOT_TOKEN',
  },
  {
    name: 'slack-user-token',
    label: 'Slack user token',
    pattern: /(?<![A-Za-z0-9])xox[pe](?:-\d{10,13}){3}-[A-Za-z0-9]{28,34}(?![A-Za-z0-9])/,
    keywords: ['xoxp-', 'xoxe-'],
    live: true,
    envName: 'SLACK_USER_TOKEN',
  },
  {
    name: 'slack-app-token',
    label: 'Slack app-level token',
    pattern: /(?<![A-Za-z0-9])xapp-\d-[A-Z0-9]{9,12}-\d{10,14}-[a-f0-9]{64}(?![A-Za-z0-9])/,
    keywords: ['xapp-'],
    live: true,
    envName: 'SLACK_APP_TOKEN',
  },
  {
    name: 'slack-webhook-url',
    label: 'Slack webhook URL',
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/+-]{30,}/,
    keywords: ['hooks.slack.com'],
    live: true,
    envName: 'SLACK_WEBHOOK_URL',
  },
  {
    name: 'discord-webhook-url',
    label: 'Discord webhook URL',
    pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{15,22}\/[A-Za-z0-9_-]{60,}/,
    keywords: ['/api/webhooks/'],
    live: true,
    envName: 'DISCORD_WEBHOOK_URL',
  },
  {
    name: 'stripe-live-secret-key',
    label: 'Stripe live secret key',
    pattern: /(?<![A-Za-z0-9_])sk_live_[A-Za-z0-9]{20,247}(?![A-Za-z0-9])/,
    keywords: ['sk_live_'],
    live: true,
    envName: 'STRIPE_SECRET_KEY',
  },
  {
    name: 'stripe-restricted-key',
    label: 'Stripe restricted key',
    pattern: /(?<![A-Za-z0-9_])rk_live_[A-Za-z0-9]{20,247}(?![A-Za-z0-9])/,
    keywords: ['rk_live_'],
    live: true,
    envName: 'STRIPE_RESTRICTED_KEY',
  },
  {
    name: 'stripe-test-secret-key',
    label: 'Stripe test-mode secret key',
    pattern: /(?<![A-Za-z0-9_])[sr]k_test_[A-Za-z0-9]{20,247}(?![A-Za-z0-9])/,
    keywords: ['k_test_'],
    live: false,
    envName: 'STRIPE_SECRET_KEY',
  },
  {
    name: 'stripe-webhook-secret',
    label: 'Stripe webhook signing secret',
    pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/=]{32,}(?![A-Za-z0-9+/=])/,
    keywords: ['whsec_'],
    live: true,
    envName: 'STRIPE_WEBHOOK_SECRET',
  },
  {
    name: 'twilio-api-key',
    label: 'Twilio API key',
    pattern: /(?<![A-Za-z0-9])SK[0-9a-fA-F]{32}(?![0-9A-Za-z])/,
    keywords: ['SK'],
    live: true,
    envName: 'TWILIO_API_KEY',
  },
  {
    name: 'sendgrid-api-key',
    label: 'SendGrid API key',
    pattern: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/,
    keywords: ['SG.'],
    live: true,
    envName: 'SENDGRID_API_KEY',
  },
  {
    name: 'mailgun-api-key',
    label: 'Mailgun API key',
    pattern: /(?<![A-Za-z0-9-])(?:key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![0-9A-Za-z-])/,
    live: true,
    envName: 'MAILGUN_API_KEY',
  },
  {
    name: 'mailchimp-api-key',
    label: 'Mailchimp API key',
    pattern: /(?<![A-Za-z0-9])[0-9a-f]{32}-us\d{1,2}(?![A-Za-z0-9])/,
    keywords: ['-us'],
    live: true,
    envName: 'MAILCHIMP_API_KEY',
  },
  {
    name: 'openai-api-key',
    label: 'OpenAI API key',
    pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/,
    keywords: ['sk-'],
    live: true,
    envName: 'OPENAI_API_KEY',
  },
  {
    name: 'anthropic-api-key',
    label: 'Anthropic API key',
    pattern: /(?<![A-Za-z0-9_-])sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}(?![A-Za-z0-9_-])/,
    keywords: ['sk-ant-'],
    live: true,
    envName: 'ANTHROPIC_API_KEY',
  },
  {
    name: 'sk-style-api-key',
    label: 'API key (sk- format)',
    pattern: /(?<![A-Za-z0-9_-])sk-(?=[A-Za-z0-9]{0,63}[0-9])(?=[A-Za-z0-9]{0,63}[a-zA-Z])[A-Za-z0-9]{32,64}(?![A-Za-z0-9_-])/,
    keywords: ['sk-'],
    live: true,
    minEntropy: 3.5,
    envName: 'API_KEY',
  },
  {
    name: 'npm-access-token',
    label: 'npm access token',
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
    keywords: ['npm_'],
    live: true,
    envName: 'NPM_TOKEN',
  },
  {
    name: 'npmrc-auth-token',
    label: 'npm registry auth token',
    pattern: /(?<=:_authToken=)(?!\$\{)[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/,
    keywords: ['_authToken='],
    live: true,
    envName: 'NPM_TOKEN',
  },
  {
    name: 'pypi-upload-token',
    label: 'PyPI upload token',
    pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/,
    keywords: ['pypi-AgEIcHlwaS5vcmc'],
    live: true,
    envName: 'PYPI_TOKEN',
  },
  {
    name: 'docker-hub-token',
    label: 'Docker Hub access token',
    pattern: /(?<![A-Za-z0-9_])dckr_pat_[A-Za-z0-9_-]{27,}(?![A-Za-z0-9_-])/,
    keywords: ['dckr_pat_'],
    live: true,
    envName: 'DOCKERHUB_TOKEN',
  },
  {
    name: 'azure-storage-account-key',
    label: 'Azure storage account key',
    pattern: /(?<=AccountKey=)[A-Za-z0-9+/]{86}==/,
    keywords: ['AccountKey='],
    live: true,
    // The storage emulator's published development account is not a secret.
    confirm: (_match, text) => !/AccountName=devstoreaccount1/i.test(text),
    envName: 'AZURE_STORAGE_CONNECTION_STRING',
  },
  {
    name: 'azure-shared-access-key',
    label: 'Azure shared access key',
    pattern: /(?<=SharedAccessKey=)[A-Za-z0-9+/]{42,44}=?/,
    keywords: ['SharedAccessKey='],
    live: true,
    envName: 'AZURE_CONNECTION_STRING',
  },
  {
    name: 'hashicorp-vault-token',
    label: 'HashiCorp Vault token',
    pattern: /(?<![A-Za-z0-9_.])hv[sb]\.[A-Za-z0-9_-]{90,}(?![A-Za-z0-9_-])/,
    keywords: ['hvs.', 'hvb.'],
    live: true,
    envName: 'VAULT_TOKEN',
  },
  {
    name: 'terraform-cloud-token',
    label: 'Terraform Cloud token',
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/,
    keywords: ['.atlasv1.'],
    live: true,
    envName: 'TFE_TOKEN',
  },
  {
    name: 'digitalocean-token',
    label: 'DigitalOcean token',
    pattern: /(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/,
    keywords: ['_v1_'],
    live: true,
    envName: 'DIGITALOCEAN_TOKEN',
  },
  {
    name: 'databricks-token',
    label: 'Databricks token',
    pattern: /(?<![A-Za-z0-9])dapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9])/,
    keywords: ['dapi'],
    live: true,
    envName: 'DATABRICKS_TOKEN',
  },
  {
    name: 'postman-api-key',
    label: 'Postman API key',
    pattern: /PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![A-Za-z0-9])/,
    keywords: ['PMAK-'],
    live: true,
    envName: 'POSTMAN_API_KEY',
  },
  {
    name: 'huggingface-token',
    label: 'Hugging Face token',
    pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9])/,
    keywords: ['hf_'],
    live: true,
    envName: 'HF_TOKEN',
  },
  {
    name: 'shopify-token',
    label: 'Shopify access token',
    pattern: /(?<![A-Za-z0-9_])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9])/,
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    live: true,
    envName: 'SHOPIFY_ACCESS_TOKEN',
  },
  {
    name: 'square-token',
    label: 'Square access token',
    pattern: /(?<![A-Za-z0-9_-])(?:sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43}|EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
    keywords: ['sq0atp-', 'sq0csp-', 'EAAA'],
    live: true,
    envName: 'SQUARE_ACCESS_TOKEN',
  },
  {
    name: 'linear-api-key',
    label: 'Linear API key',
    pattern: /lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9])/,
    keywords: ['lin_api_'],
    live: true,
    envName: 'LINEAR_API_KEY',
  },
  {
    name: 'new-relic-user-key',
    label: 'New Relic user API key',
    pattern: /(?<![A-Za-z0-9])NRAK-[A-Z0-9]{27}(?![A-Za-z0-9])/,
    keywords: ['NRAK-'],
    live: true,
    envName: 'NEW_RELIC_API_KEY',
  },
  {
    name: 'sentry-auth-token',
    label: 'Sentry auth token',
    pattern: /(?<![A-Za-z0-9_])sntr(?:ys|yu|us)_[A-Za-z0-9+/=_]{40,}/,
    keywords: ['sntrys_', 'sntryu_', 'sntrus_'],
    live: true,
    envName: 'SENTRY_AUTH_TOKEN',
  },
  {
    name: 'grafana-token',
    label: 'Grafana token',
    pattern: /(?<![A-Za-z0-9_])(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})(?![A-Za-z0-9_])/,
    keywords: ['glsa_', 'glc_'],
    live: true,
    envName: 'GRAFANA_TOKEN',
  },
  {
    name: 'telegram-bot-token',
    label: 'Telegram bot token',
    pattern: /(?<![A-Za-z0-9:])\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/,
    keywords: [':AA'],
    live: true,
    envName: 'TELEGRAM_BOT_TOKEN',
  },
  {
    name: 'doppler-token',
    label: 'Doppler token',
    pattern: /(?<![A-Za-z0-9])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/,
    keywords: ['dp.'],
    live: true,
    envName: 'DOPPLER_TOKEN',
  },
  {
    name: 'alibaba-access-key-id',
    label: 'Alibaba Cloud access key id',
    pattern: /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{20}(?![A-Za-z0-9])/,
    keywords: ['LTAI'],
    live: true,
    envName: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  },
  {
    name: 'mapbox-secret-token',
    label: 'Mapbox secret token',
    pattern: /(?<![A-Za-z0-9])sk\.eyJ[A-Za-z0-9_-]{50,}\.[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/,
    keywords: ['sk.eyJ'],
    live: true,
    envName: 'MAPBOX_SECRET_TOKEN',
  },
  {
    name: 'firebase-cloud-messaging-key',
    label: 'Firebase Cloud Messaging server key',
    pattern: /(?<![A-Za-z0-9_-])AAAA[A-Za-z0-9_-]{7}:[A-Za-z0-9_-]{140}(?![A-Za-z0-9_-])/,
    keywords: ['AAAA'],
    live: true,
    envName: 'FCM_SERVER_KEY',
  },
  {
    name: 'age-secret-key',
    label: 'age secret key',
    pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/,
    keywords: ['AGE-SECRET-KEY-1'],
    live: true,
    envName: 'AGE_SECRET_KEY',
  },
  {
    name: 'private-key-pem',
    label: 'private key',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/,
    keywords: ['PRIVATE KEY'],
    live: true,
    minEntropy: 0,
    confirm: (match) => hasPrivateKeyBody(match),
    envName: 'PRIVATE_KEY',
  },
  {
    name: 'signed-jwt',
    label: 'JSON Web Token',
    pattern: /(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_.-])/,
    keywords: ['eyJ'],
    live: false,
    confirm: (match) => isSignedJwt(match),
    envName: 'API_TOKEN',
  },
  {
    name: 'database-url-password',
    label: 'database URL with an inline password',
    pattern: /(?<![A-Za-z0-9+])(?:postgres(?:ql)?|mysql2?|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse|neo4j(?:\+s)?|couchdb):\/\/[^\s'"`<>]+/i,
    keywords: ['://'],
    live: false,
    minEntropy: 0,
    confirm: (match) => hasRemoteUrlPassword(match),
    envName: 'DATABASE_URL',
  },
  {
    name: 'url-password',
    label: 'URL with an inline password',
    pattern: /(?<![A-Za-z0-9+])(?:https?|ftps?|sftp|smtps?|ssh|ldaps?):\/\/[^\s'"`<>]+/i,
    keywords: ['://'],
    live: false,
    minEntropy: 0,
    confirm: (match) => hasRemoteUrlPassword(match),
    envName: 'SERVICE_URL',
  },
  {
    name: 'url-query-credential',
    label: 'credential in a URL query',
    pattern: /[?&](?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|client[_-]?secret|secret|password|sig|signature)=[^&#\s'"`]{16,}/i,
    keywords: ['='],
    live: false,
    minEntropy: 0,
    confirm: (match) => hasSecretQueryValue(match),
    envName: 'API_KEY',
  },
] as const satisfies readonly SecretFormatRow[];

/** The name of a provider format row. */
export type SecretFormatName = (typeof SECRET_FORMATS)[number]['name'];

/** A format that is public by design: a value of this shape is never reported, whatever its name. */
export interface PublicKeyFormatRow {
  readonly name: string;
  readonly pattern: RegExp;
}

export const PUBLIC_KEY_FORMATS = [
  { name: 'stripe-publishable-key', pattern: /^pk_(?:live|test)_[A-Za-z0-9]+$/ },
  { name: 'pem-public-key', pattern: /^\s*-----BEGIN (?:RSA |EC |DSA )?PUBLIC KEY-----/ },
  { name: 'pem-certificate', pattern: /^\s*-----BEGIN (?:TRUSTED )?CERTIFICATE-----/ },
  { name: 'ssh-public-key', pattern: /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com) AAAA/ },
  { name: 'pgp-public-key', pattern: /^\s*-----BEGIN PGP PUBLIC KEY BLOCK-----/ },
  { name: 'mailgun-public-key', pattern: /^pubkey-[0-9a-f]{32}$/ },
  { name: 'mapbox-public-token', pattern: /^pk\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/ },
  { name: 'clerk-publishable-key', pattern: /^pk_(?:live|test)_[A-Za-z0-9+/=]+$/ },
  // PostHog project API keys only ingest events: browsers ship them (personal keys are `phx_`).
  { name: 'posthog-project-key', pattern: /^phc_[A-Za-z0-9]{32,64}$/ },
] as const satisfies readonly PublicKeyFormatRow[];

/** The public format `value` has, if any. */
export function findPublicKeyFormat(value: string): PublicKeyFormatRow | undefined {
  return PUBLIC_KEY_FORMATS.find((row) => row.pattern.test(value));
}
