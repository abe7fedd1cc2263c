import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarFeedService } from '../integrations/calendar-feed.service';
import { GeocodingService } from '../integrations/geocoding.service';
import { EventEntity } from './event.entity';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

@Module({
  imports: [TypeOrmModule.forFeature([EventEntity]), HttpModule],
  controllers: [EventsController],
  providers: [EventsService, CalendarFeedService, GeocodingService],
  exports: [EventsService],
})
export class EventsModule {}
