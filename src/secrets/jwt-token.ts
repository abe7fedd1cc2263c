/**
 * JSON Web Tokens found in source: a token is a credential when it is signed (a real signature
 * segment, an algorithm other than `none`) and not one of the public example tokens or a
 * public-by-design key (a Supabase `anon` key is meant for browsers).
 */

/** The decoded JSON of a base64url segment, or `undefined`. */
function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    const text = Buffer.from(base64, 'base64').toString('utf8');
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Claims of tokens published as examples (jwt.io, RFC 7519) that appear in docs and tutorials. */
const EXAMPLE_SUBJECTS = new Set(['1234567890', 'joe']);
const PUBLIC_ROLES = new Set(['anon', 'anonymous', 'public']);

/**
 * True when `token` (`header.payload.signature`) decodes to a JWT header with a signing algorithm,
 * a JSON payload and a signature of realistic length, and is neither an example token nor an
 * anonymous (public) key.
 */
export function isSignedJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [headerPart, payloadPart, signature] = parts as [string, string, string];
  const header = decodeSegment(headerPart);
  const payload = decodeSegment(payloadPart);
  if (!header || !payload) return false;
  const alg = typeof header.alg === 'string' ? header.alg.toLowerCase() : undefined;
  if (!alg || alg === 'none') return false;
  // HS256 gives 43 characters, RS256 342; anything under 20 is a truncated or fake signature.
  if (signature.length < 20) return false;
  if (typeof payload.sub === 'string' && EXAMPLE_SUBJECTS.has(payload.sub) && typeof payload.name === 'string') return false;
  if (typeof payload.role === 'string' && PUBLIC_ROLES.has(payload.role.toLowerCase())) return false;
  return true;
}
