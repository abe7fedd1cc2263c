import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class CreateEventDto {
  @IsString()
  @Length(3, 140)
  title!: string;

  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  description?: string;

  @Type(() => Date)
  @IsDate()
  startsAt!: Date;

  @IsString()
  venueName!: string;

  @IsString()
  @Length(3, 10)
  venuePostcode!: string;

  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity!: number;

  @IsInt()
  @Min(0)
  priceCents!: number;
}
