/**
 * Snippets quoted by reports never show a secret whole; ordinary code stays readable.
 */
import { describe, expect, it } from 'vitest';
import { redactSnippet } from '../../src/cli/snippet-redaction.js';

// Test values are assembled at run time so no secret-shaped literal sits in the repository.
const awsKey = ['AKIA', 'Z7Q2', 'M4N8', 'P1R6', 'T3V9'].join('');
const randomish = ['q8Vz', 'R2mX', 'k9Lp', 'W4sN', 'b7Hc', 'T1yD'].join('');
const pemHeader = ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ');

describe('redactSnippet', () => {
  it('masks provider keys and random-looking tokens to at most four characters', () => {
    expect(redactSnippet(`const key = '${awsKey}';`)).toBe("const key = 'AKIA…';");
    expect(redactSnippet(`secret: "${randomish}",`)).toBe('secret: "q8Vz…",');
  });

  it('masks the password of a URL and the body after a private key header', () => {
    expect(redactSnippet('const db = "postgres://app:S3cr3tPassw0rd@db.internal/app";')).not.toContain('S3cr3tPassw0rd');
    expect(redactSnippet(`const pem = \`${pemHeader}MIIEowIBAAKCAQEA`)).toBe(`const pem = \`${pemHeader}…`);
  });

  it('leaves ordinary code alone: identifiers, paths, URLs, short strings', () => {
    const lines = [
      "router.get('/api/v1/users/:id', requireAuth, getUserById);",
      "const response = await axios.get(`https://api.example.com/items/${id}`);",
      'const configurationValue = process.env.DATABASE_CONNECTION_STRING;',
      "res.status(500).json({ error: 'Something went wrong' });",
    ];
    for (const line of lines) expect(redactSnippet(line)).toBe(line);
  });
});
