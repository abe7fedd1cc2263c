import type { NextFunction, Request, Response } from 'express';
import type { ZodTypeAny } from 'zod';

/** Replaces `req.body` with the parsed value, or answers 400 with zod's issues. */
export function validateBody(schema: ZodTypeAny) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const result = schema.safeParse(req.body);
    if (!result.success) {
      res.status(400).json({ error: 'Invalid request body', issues: result.error.flatten().fieldErrors }); // safe: zod issues describe the client's input
      return;
    }
    req.body = result.data;
    next();
  };
}
