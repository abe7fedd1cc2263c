import mongoose from 'mongoose';
import { config } from './config.js';
import { logger } from './lib/logger.js';

export async function connectDatabase(): Promise<void> {
  mongoose.set('strictQuery', true);
  await mongoose.connect(config.mongoUrl, { serverSelectionTimeoutMS: 5_000 });
  logger.info('connected to MongoDB');
}
