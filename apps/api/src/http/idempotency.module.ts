import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { IdempotencyKeys } from '@duban/persistence';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Idempotency-Key on every write route (IdempotencyInterceptor), over the idempotency_key table; global, for upload routes' own interceptor (UploadRoute). */
@Global()
@Module({
  providers: [
    { provide: IdempotencyKeys, inject: [DataSource], useFactory: (dataSource: DataSource) => new IdempotencyKeys(dataSource) },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [IdempotencyKeys],
})
export class IdempotencyModule {}
