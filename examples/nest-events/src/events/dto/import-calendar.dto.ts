import { IsUrl } from 'class-validator';

export class ImportCalendarDto {
  /** The organizer's public iCal feed. */
  @IsUrl({ protocols: ['https'], require_protocol: true })
  feedUrl!: string;
}
