/**
 * Argument rules and row mapping shared by the SQLite and PostgreSQL outboxes, so both
 * accept and return exactly the same things.
 *
 * @module
 */
import {
  type ClaimOptions,
  epochMsOf,
  type OutboxFailure,
  type OutboxMessage,
  type OutboxMessageInput,
  type OutboxState,
} from '@motcua/core';
import { StoreError } from './errors.ts';

/** A checked enqueue: text fields, payload JSON, availability instant. */
export interface CheckedEnqueue {
  id: string;
  key: string;
  type: string;
  payload: string;
  availableAtMs: number | undefined;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '' || value.length > 1000) {
    throw new StoreError('INVALID_ARGUMENT', `outbox ${what} must be a non-empty string of at most 1000 characters`);
  }
  return value;
}

/** Checks an enqueue; the payload must be JSON-serializable. */
export function checkEnqueue(message: OutboxMessageInput): CheckedEnqueue {
  const payload = JSON.stringify(message.payload);
  if (payload === undefined) throw new StoreError('INVALID_ARGUMENT', 'outbox payload must be a JSON value');
  return {
    id: text(message.id, 'id'),
    key: text(message.key, 'key'),
    type: text(message.type, 'type'),
    payload,
    availableAtMs: message.availableAt === undefined ? undefined : epochMsOf(message.availableAt, 'availableAt'),
  };
}

/** Checks claim options. */
export function checkClaim(options: ClaimOptions): ClaimOptions {
  if (!Number.isSafeInteger(options.limit) || options.limit < 1 || options.limit > 10_000) {
    throw new StoreError('INVALID_ARGUMENT', 'claim limit must be an integer in 1..10000');
  }
  if (!Number.isSafeInteger(options.leaseMs) || options.leaseMs < 1) {
    throw new StoreError('INVALID_ARGUMENT', 'claim leaseMs must be a positive integer');
  }
  text(options.worker, 'worker');
  return options;
}

/** Checks a failure report; returns the retry instant in ms (or `now`). */
export function checkFailure(
  failure: OutboxFailure,
  nowMs: number,
): { error: string; retryAtMs: number; dead: boolean } {
  if (typeof failure.error !== 'string') throw new StoreError('INVALID_ARGUMENT', 'failure.error must be a string');
  return {
    error: failure.error.slice(0, 4000),
    retryAtMs: failure.retryAt === undefined ? nowMs : epochMsOf(failure.retryAt, 'retryAt'),
    dead: failure.dead === true,
  };
}

/** The outbox columns both stores select, in {@link OutboxRow} order. */
export const OUTBOX_COLUMNS: string =
  'id, key, type, payload, state, attempts, enqueued_at_ms, available_at_ms, last_error, lease_token, lease_until_ms';

/** An outbox row as both databases return it (numbers possibly as strings from PostgreSQL). */
export interface OutboxRow {
  id: string;
  key: string;
  type: string;
  payload: string;
  state: string;
  attempts: number | string;
  enqueued_at_ms: number | string;
  available_at_ms: number | string;
  last_error: string | null;
  lease_token?: string | null;
  lease_until_ms?: number | string | null;
}

const iso = (ms: number | string): string => new Date(Number(ms)).toISOString();

/** Maps a row to the port's message. */
export function messageOf(row: OutboxRow): OutboxMessage {
  const m: OutboxMessage = {
    id: row.id,
    key: row.key,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    state: row.state as OutboxState,
    attempts: Number(row.attempts),
    enqueuedAt: iso(row.enqueued_at_ms),
    availableAt: iso(row.available_at_ms),
  };
  if (row.last_error !== null) m.lastError = row.last_error;
  return m;
}

/** Milliseconds as the port's instant string. */
export function isoOfMs(ms: number | string): string {
  return iso(ms);
}

/** Zero counts for every state. */
export function emptyCounts(): Record<OutboxState, number> {
  return { pending: 0, leased: 0, done: 0, dead: 0 };
}
