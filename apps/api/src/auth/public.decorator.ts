import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'duban:public';

/** Lets a route through without a bearer token (e.g. `/health`). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
