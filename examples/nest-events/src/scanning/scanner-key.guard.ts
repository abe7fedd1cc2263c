import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/** Header the door scanners send (a header name, not a secret). */
export const SCANNER_KEY_HEADER = 'x-scanner-key';

/** Door scanners have no user account; they present a per-venue device key. */
@Injectable()
export class ScannerKeyGuard implements CanActivate {
  constructor(private readonly config: ConfigService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const given = Buffer.from(String(request.headers[SCANNER_KEY_HEADER] ?? ''));
    const expected = Buffer.from(this.config.getOrThrow<string>('SCANNER_DEVICE_KEY'));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new UnauthorizedException('Unknown scanner');
    }
    return true;
  }
}
