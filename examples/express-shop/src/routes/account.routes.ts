import axios from 'axios';
import { Router } from 'express';
import { requireAuth } from '../middleware/auth.js';
import { validateBody } from '../middleware/validate.js';
import { User } from '../models/user.js';
import { createAddress, deleteAddress, listAddresses, updateAddress } from '../services/address.service.js';
import { storeImage } from '../services/storage.js';
import { addressSchema, avatarImportSchema } from '../validation/schemas.js';

export const accountRouter = Router();

// Added for the checkout widget, above the auth line by mistake: anyone can list anyone's addresses.
accountRouter.get('/:userId/addresses', async (req, res, next) => { // $ api-guard/require-auth-guard
  try {
    res.json(await listAddresses(req.params.userId));
  } catch (err) {
    next(err);
  }
});

accountRouter.use(requireAuth);

accountRouter.get('/me', async (req, res, next) => {
  try {
    const me = await User.findById(req.user!.id).lean();
    res.json(me);
  } catch (err) {
    next(err);
  }
});

accountRouter.patch('/me', async (req, res, next) => {
  try {
    const { displayName } = req.body as { displayName?: unknown };
    if (typeof displayName !== 'string' || displayName.length === 0 || displayName.length > 80) {
      res.status(400).json({ error: 'displayName must be 1 to 80 characters' });
      return;
    }
    const me = await User.findByIdAndUpdate(req.user!.id, { displayName }, { new: true }); // safe: one checked field
    res.json(me);
  } catch (err) {
    next(err);
  }
});

accountRouter.post('/me/avatar', async (req, res, next) => {
  try {
    const { avatarUrl } = avatarImportSchema.parse(req.body);
    const picture = await axios.get<ArrayBuffer>(avatarUrl, { responseType: 'arraybuffer', timeout: 5_000 }); // $ api-guard/no-ssrf
    const key = await storeImage(req.user!.id, Buffer.from(picture.data), 'image/jpeg');
    await User.updateOne({ _id: req.user!.id }, { avatarUrl: `/media/${key}` }); // safe: server-built value
    res.status(201).json({ avatar: `/media/${key}` });
  } catch (err) {
    next(err);
  }
});

accountRouter.get('/addresses', async (req, res, next) => {
  try {
    res.json(await listAddresses(req.user!.id));
  } catch (err) {
    next(err);
  }
});

accountRouter.post('/addresses', validateBody(addressSchema), async (req, res, next) => {
  try {
    res.status(201).json(await createAddress(req.user!.id, req.body)); // safe: validateBody replaced req.body with parsed data
  } catch (err) {
    next(err);
  }
});

accountRouter.patch('/addresses/:id', async (req, res, next) => {
  try {
    res.json(await updateAddress(req.user!.id, req.params.id, req.body));
  } catch (err) {
    next(err);
  }
});

accountRouter.delete('/addresses/:id', async (req, res, next) => {
  try {
    await deleteAddress(req.user!.id, req.params.id);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});
