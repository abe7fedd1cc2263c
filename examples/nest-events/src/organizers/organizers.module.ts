import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartnerAvailabilityController } from '../integrations/partner-availability.controller';
import { GuestListEntry } from './guest-list-entry.entity';
import { Organizer } from './organizer.entity';
import { OrganizersController } from './organizers.controller';
import { OrganizersService } from './organizers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organizer, GuestListEntry]), HttpModule],
  controllers: [OrganizersController, PartnerAvailabilityController],
  providers: [OrganizersService],
})
export class OrganizersModule {}
