import { Body, Controller, DefaultValuePipe, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CurrentUser } from '../auth/current-user.decorator';
import type { JwtUser } from '../auth/jwt.strategy';
import { Public } from '../auth/public.decorator';
import { CalendarFeedService } from '../integrations/calendar-feed.service';
import { CreateEventDto } from './dto/create-event.dto';
import { ImportCalendarDto } from './dto/import-calendar.dto';
import { EventEntity } from './event.entity';
import { EventsService } from './events.service';

@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly calendar: CalendarFeedService,
  ) {}

  @Public()
  @Get()
  list(@Query('page', new DefaultValuePipe(1), ParseIntPipe) page: number): Promise<EventEntity[]> {
    return this.events.listPublished(page);
  }

  @Public()
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<EventEntity> {
    return this.events.getPublished(id);
  }

  @Post()
  create(@CurrentUser() user: JwtUser, @Body() dto: CreateEventDto): Promise<EventEntity> {
    return this.events.create(user.userId, dto);
  }

  // Partial<EventEntity> compiles to Object, which ValidationPipe does not validate or strip.
  @Patch(':id')
  update(@CurrentUser() user: JwtUser, @Param('id', ParseUUIDPipe) id: string, @Body() changes: Partial<EventEntity>): Promise<EventEntity> {
    return this.events.update(user.userId, id, changes);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: JwtUser, @Param('id', ParseUUIDPipe) id: string): Promise<EventEntity> {
    return this.events.publish(user.userId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: JwtUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.events.remove(user.userId, id);
  }

  @Post(':id/calendar-import')
  importCalendar(@CurrentUser() user: JwtUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ImportCalendarDto): Promise<{ sessions: number }> {
    return this.calendar.importSessions(user.userId, id, dto.feedUrl);
  }
}
