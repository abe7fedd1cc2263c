import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { PaymentsService } from './payments.service';
import { Ticket } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [TypeOrmModule.forFeature([Ticket]), HttpModule, EventsModule],
  controllers: [TicketsController],
  providers: [TicketsService, PaymentsService],
  exports: [TicketsService],
})
export class TicketsModule {}
