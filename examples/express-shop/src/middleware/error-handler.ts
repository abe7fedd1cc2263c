import type { NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import { HttpError } from '../lib/http-error.js';
import { logger } from '../lib/logger.js';

export function notFoundHandler(req: Request, res: Response): void {
  res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
}

// Express recognises error handlers by their four parameters.
// `_next` must stay: with three parameters Express would treat this as ordinary middleware.
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: err.message, code: err.code }); // safe: HttpError messages are written for clients
    return;
  }
  if (err instanceof ZodError) {
    res.status(400).json({ error: 'Invalid request', issues: err.issues }); // safe: validation issues about the client's input
    return;
  }
  logger.error({ err, path: req.path }, 'unhandled error');
  res.status(500).json({ error: 'Internal server error' }); // safe: generic message, details only in the log
}
