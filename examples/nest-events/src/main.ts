import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { Ticket } from './tickets/ticket.entity';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { rawBody: true });
  app.setGlobalPrefix('api');
  app.enableCors({ origin: ['https://tickets.example.org'] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new AllExceptionsFilter());

  // Box-office CSV export, added straight on Express for streaming. Nest guards never see this route.
  const server = app.getHttpAdapter().getInstance() as Express;
  const dataSource = app.get(DataSource);
  server.get('/internal/events/:eventId/attendees.csv', async (req: Request, res: Response) => { // $ api-guard/require-auth-guard, api-guard/no-debug-endpoints
    const tickets = await dataSource.getRepository(Ticket).find({ where: { eventId: req.params.eventId } });
    res.type('text/csv');
    res.send(['email,name,code', ...tickets.map((t) => `${t.holderEmail},${t.holderName},${t.code}`)].join('\n'));
  });

  await app.listen(Number(process.env.PORT ?? 3000));
}

void bootstrap();
