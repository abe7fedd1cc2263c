/** The resale partner's public key; it verifies their callbacks and is safe to publish. */
export const PARTNER_SIGNING_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE/UBZz2ytXtXfv41pXET6gDUgjy3S
4mhR+VbH28isTO8pfkIkEcocKVYzimojyXBRlxANZLLilqk2glTth4L9Qg==
-----END PUBLIC KEY-----`; // safe: a public key
