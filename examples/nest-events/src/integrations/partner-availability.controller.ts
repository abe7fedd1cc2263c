import { HttpService } from '@nestjs/axios';
import { BadRequestException, Controller, Get, Param } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

/** Resale partners we have agreements with; the client names a partner, never a URL. */
const PARTNER_ORIGINS: Readonly<Record<string, string>> = {
  ticketswap: 'https://api.resale-one.example',
  seatshare: 'https://partners.seatshare.example',
};

@Controller('partners')
export class PartnerAvailabilityController {
  constructor(private readonly http: HttpService) {}

  @Get(':partner/events/:externalId/availability')
  async availability(@Param('partner') partner: string, @Param('externalId') externalId: string): Promise<unknown> {
    const origin = Object.prototype.hasOwnProperty.call(PARTNER_ORIGINS, partner) ? PARTNER_ORIGINS[partner] : undefined;
    if (!origin) throw new BadRequestException('Unknown partner');
    const { data } = await firstValueFrom(this.http.get(`${origin}/v2/events/${encodeURIComponent(externalId)}/availability`)); // safe: origin from a fixed table, encoded segment
    return data;
  }
}
