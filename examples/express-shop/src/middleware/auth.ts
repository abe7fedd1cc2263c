import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import { config } from '../config.js';

export interface AuthUser {
  id: string;
  role: 'customer' | 'staff' | 'admin';
}

declare global {
  // Adds `req.user`, set by requireAuth below.
  namespace Express {
    interface Request {
      user?: AuthUser;
    }
  }
}

const REFRESH_TOKEN_TTL = '30d';

export function issueAccessToken(user: AuthUser): string {
  // safe: the signing key comes from the environment
  return jwt.sign({ sub: user.id, role: user.role }, config.jwtSecret, { expiresIn: '15m', issuer: config.jwtIssuer });
}

export function issueRefreshToken(user: AuthUser): string {
  return jwt.sign({ sub: user.id, typ: 'refresh' }, 'r3fr3sh-t0ken-k3y-shop-2024', { expiresIn: REFRESH_TOKEN_TTL }); // $ api-guard/no-hardcoded-secrets
}

export function requireAuth(req: Request, res: Response, next: NextFunction): void {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) {
    res.status(401).json({ error: 'Authentication required' });
    return;
  }
  try {
    const claims = jwt.verify(header.slice('Bearer '.length), config.jwtSecret, { issuer: config.jwtIssuer }) as jwt.JwtPayload;
    req.user = { id: String(claims.sub), role: claims.role };
    next();
  } catch {
    res.status(401).json({ error: 'Invalid or expired token' });
  }
}

export function requireRole(...roles: AuthUser['role'][]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.user || !roles.includes(req.user.role)) {
      res.status(403).json({ error: 'Insufficient role' });
      return;
    }
    next();
  };
}
