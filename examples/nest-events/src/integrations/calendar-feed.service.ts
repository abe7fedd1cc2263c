import { HttpService } from '@nestjs/axios';
import { Injectable, Logger } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class CalendarFeedService {
  private readonly logger = new Logger(CalendarFeedService.name);

  constructor(private readonly http: HttpService) {}

  /** `feedUrl` passed @IsUrl(): well-formed, but any host, internal ones included. */
  async importSessions(organizerId: string, eventId: string, feedUrl: string): Promise<{ sessions: number }> {
    const { data } = await firstValueFrom(this.http.get<string>(feedUrl, { responseType: 'text' })); // $ api-guard/no-ssrf
    const sessions = data.split('BEGIN:VEVENT').length - 1;
    this.logger.log(`organizer ${organizerId} imported ${sessions} sessions into ${eventId}`);
    return { sessions };
  }
}
