import { app } from './app.js';
import { config } from './config.js';
import { connectDatabase } from './db.js';
import { logger } from './lib/logger.js';

await connectDatabase();
app.listen(config.port, () => {
  logger.info({ port: config.port }, 'express-shop listening');
});
