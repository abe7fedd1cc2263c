import { SetMetadata } from '@nestjs/common';

/** Metadata key read by JwtAuthGuard (a name, not a secret). */
export const IS_PUBLIC_KEY = 'isPublic';

/** Opts a route or a whole controller out of the global JwtAuthGuard. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
