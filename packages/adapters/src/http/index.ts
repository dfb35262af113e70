/**
 * The shared HTTP transport: deadlines, safe retries with backoff and full jitter,
 * `Retry-After`, a token-bucket rate limiter, and masking for logs.
 *
 * @module
 */
export * from './rate-limit.ts';
export * from './redact.ts';
export * from './transport.ts';
