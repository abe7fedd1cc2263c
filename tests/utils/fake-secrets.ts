/**
 * Fake credentials for tests, generated at run time from a fixed seed: shaped like real provider
 * formats, valid for nothing, and never written whole in a source file (so secret scanners and
 * push protection have nothing to find in this repository).
 */

export const ALPHABET = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digits: '0123456789',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  hex: '0123456789abcdef',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
} as const;

/** A deterministic character source (mulberry32), so test expectations are stable. */
export function createFakeSource(seed: number): { chars(length: number, alphabet: string): string } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chars(length, alphabet) {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
  };
}

/** Base64url of a JSON value, as in a JWT segment. */
export function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** A PEM block of `label` (`RSA PRIVATE KEY`, `PUBLIC KEY`) with a random body, lines joined by `\n`. */
export function fakePem(label: string, source: ReturnType<typeof createFakeSource>, lines = 6): string {
  const body: string[] = [];
  for (let i = 0; i < lines; i++) body.push(source.chars(64, ALPHABET.base64));
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`].join('\n');
}

const f = createFakeSource(798);
const dash = '-';

/** One fake per format, built once; split prefixes keep each literal of this file incomplete. */
export const FAKE = {
  awsAccessKeyId: 'AK' + 'IA' + f.chars(16, ALPHABET.base32),
  awsSecretAccessKey: 'Wq' + f.chars(29, ALPHABET.alnum) + '/' + f.chars(7, ALPHABET.alnum) + 'k',
  googleApiKey: 'AI' + 'za' + f.chars(35, ALPHABET.alnum),
  githubToken: 'gh' + 'p_' + f.chars(36, ALPHABET.alnum),
  githubFineGrained: 'github' + '_pat_' + f.chars(22, ALPHABET.alnum) + '_' + f.chars(59, ALPHABET.alnum),
  gitlabToken: 'gl' + 'pat-' + f.chars(20, ALPHABET.alnum),
  slackBotToken: 'xo' + 'xb-' + f.chars(12, ALPHABET.digits) + dash + f.chars(13, ALPHABET.digits) + dash + f.chars(24, ALPHABET.alnum),
  slackWebhook: 'https://hooks' + '.slack.com/services/T' + f.chars(8, ALPHABET.upper) + '/B' + f.chars(9, ALPHABET.upper) + '/' + f.chars(24, ALPHABET.alnum),
  stripeLiveSecret: 'sk' + '_live_' + f.chars(24, ALPHABET.alnum),
  stripeRestricted: 'rk' + '_live_' + f.chars(24, ALPHABET.alnum),
  stripeTestSecret: 'sk' + '_test_' + f.chars(24, ALPHABET.alnum),
  stripePublishable: 'pk' + '_live_' + f.chars(24, ALPHABET.alnum),
  sendgridKey: 'S' + 'G.' + f.chars(22, ALPHABET.base64url) + '.' + f.chars(43, ALPHABET.base64url),
  openAiKey: 'sk' + '-proj-' + f.chars(48, ALPHABET.alnum),
  npmToken: 'np' + 'm_' + f.chars(36, ALPHABET.alnum),
  twilioKey: 'S' + 'K' + f.chars(32, ALPHABET.hex),
  mailgunKey: 'ke' + 'y-' + f.chars(32, ALPHABET.hex),
  azureAccountKey: f.chars(86, ALPHABET.base64) + '==',
  ecPrivateKey: fakePem('EC ' + 'PRIVATE KEY', f, 3),
  publicKey: fakePem('PUBLIC KEY', f, 3),
  jwtHeader: base64UrlJson({ alg: 'HS256', typ: 'JWT' }),
  jwtPayload: base64UrlJson({ sub: 'svc-reporting', scope: 'reports:read', iat: 1717171717 }),
  jwtSignature: f.chars(43, ALPHABET.base64url),
  hex32: f.chars(32, ALPHABET.hex),
  random24: f.chars(24, ALPHABET.alnum),
  dbPassword: f.chars(18, ALPHABET.alnum),
};

/** A signed (fake) service JWT. */
export const FAKE_JWT = `${FAKE.jwtHeader}.${FAKE.jwtPayload}.${FAKE.jwtSignature}`;
