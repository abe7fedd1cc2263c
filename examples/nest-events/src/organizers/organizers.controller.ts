import { HttpService } from '@nestjs/axios';
import { Body, Controller, Get, HttpCode, Param, ParseArrayPipe, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { CurrentUser } from '../auth/current-user.decorator';
import type { JwtUser } from '../auth/jwt.strategy';
import { OrganizerProfileInput } from './dto/organizer-profile';
import { PayoutDto } from './dto/payout.dto';
import { Organizer } from './organizer.entity';
import { OrganizersService } from './organizers.service';

@Controller('organizers/me')
export class OrganizersController {
  constructor(
    private readonly organizers: OrganizersService,
    private readonly http: HttpService,
  ) {}

  @Get()
  profile(@CurrentUser() user: JwtUser): Promise<Organizer> {
    return this.organizers.get(user.userId);
  }

  @Patch()
  updateProfile(@CurrentUser() user: JwtUser, @Body() input: OrganizerProfileInput): Promise<Organizer> {
    return this.organizers.updateProfile(user.userId, input);
  }

  @Put('payout')
  @HttpCode(204)
  setPayout(@CurrentUser() user: JwtUser, @Body() dto: PayoutDto): Promise<void> {
    return this.organizers.setPayout(user.userId, dto.iban);
  }

  /** Sends a sample delivery so organizers can check their integration before saving it. */
  @Post('webhook/test')
  @HttpCode(200)
  async testWebhook(@CurrentUser() user: JwtUser, @Body('url') url: string): Promise<{ status: number }> {
    const response = await firstValueFrom(this.http.post(url, { type: 'ping', organizerId: user.userId })); // $ api-guard/no-ssrf
    return { status: response.status };
  }

  @Post('events/:eventId/guests')
  importGuests(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body(new ParseArrayPipe({ items: Object })) rows: Record<string, unknown>[],
  ): Promise<number> {
    return this.organizers.importGuests(eventId, rows);
  }
}
