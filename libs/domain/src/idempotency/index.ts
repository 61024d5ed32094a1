export * from './idempotency-key';
export * from './request-fingerprint';
export * from './recent-updates';
