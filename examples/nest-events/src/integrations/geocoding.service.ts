import { HttpService } from '@nestjs/axios';
import { BadRequestException, Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class GeocodingService {
  constructor(private readonly http: HttpService) {}

  async lookupPostcode(postcode: string): Promise<{ lat: number; lon: number }> {
    const url = new URL(`/v1/postcodes/${encodeURIComponent(postcode)}`, 'https://geo.example-maps.net');
    const { data } = await firstValueFrom(this.http.get<{ lat: number; lon: number }>(url.toString())); // safe: fixed origin, encoded path segment
    if (typeof data?.lat !== 'number') throw new BadRequestException('Unknown postcode');
    return data;
  }
}
