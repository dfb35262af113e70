/**
 * One of several OS processes hammering a shared store (see concurrency tests):
 * interleaves sequence numbers, enqueues on its own keys, and claims / processes /
 * acknowledges messages of every process until all expected messages are done.
 *
 * argv: <sqlite|postgres> <path|url> <schema|-> <worker> <sequences> <messages> <keys> <expectedTotal>
 * Prints one JSON line: { sequences: number[], processed: number }.
 */
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import type { MotcuaStore } from '../src/index.ts';
import { openSqliteStore } from '../src/index.ts';
import { openPostgresStore } from '../src/postgres/index.ts';

const [backend, where, schema, worker, seqCount, msgCount, keyCount, expected] = process.argv.slice(2);
const nSeq = Number(seqCount);
const nMsg = Number(msgCount);
const nKeys = Number(keyCount);
const total = Number(expected);

let store: MotcuaStore;
let logProcessed: (id: string, key: string, n: number) => Promise<void>;
let closeLog: () => Promise<void>;
if (backend === 'sqlite') {
  store = openSqliteStore({ path: where as string, busyTimeoutMs: 60_000 });
  const raw = new DatabaseSync(where as string, { timeout: 60_000 });
  const insert = raw.prepare('INSERT INTO hammer_log (worker, message_id, key, n) VALUES (?, ?, ?, ?)');
  logProcessed = async (id, key, n) => void insert.run(worker as string, id, key, n);
  closeLog = async () => raw.close();
} else {
  store = await openPostgresStore({ connectionString: where, schema, poolConfig: { max: 4 } });
  const client = new pg.Client({ connectionString: where });
  await client.connect();
  logProcessed = async (id, key, n) =>
    void (await client.query(
      `INSERT INTO "${schema}".hammer_log (worker, message_id, key, n) VALUES ($1, $2, $3, $4)`,
      [worker, id, key, n],
    ));
  closeLog = () => client.end();
}

const sequences: number[] = [];
let processed = 0;

async function consume(limit: number): Promise<number> {
  const batch = await store.outbox.claim({ worker: worker as string, limit, leaseMs: 120_000 });
  // A correct store never puts two messages of one key in a batch, so processing the batch
  // backwards is harmless — and exposes a store that does. The pause widens the window in
  // which other processes could wrongly take a key's next message.
  for (const m of [...batch].reverse()) {
    await new Promise((r) => setTimeout(r, Math.random() < 0.3 ? 1 : 0));
    const payload = m.payload as { n: number };
    await logProcessed(m.id, m.key, payload.n);
    await store.outbox.complete(m.id, m.leaseToken);
    processed++;
  }
  return batch.length;
}

const rounds = Math.max(nSeq, nMsg);
for (let i = 0; i < rounds; i++) {
  if (i < nSeq) sequences.push(await store.sequences.next('000.00.00.H56', '2025-07-01'));
  if (i < nMsg) {
    const key = `w${worker}-k${i % nKeys}`;
    await store.outbox.enqueue({ id: `w${worker}-m${i}`, key, type: 'hammer', payload: { n: i } });
  }
  if (i % 3 === 0) await consume(3);
}
const deadline = Date.now() + 120_000;
for (;;) {
  const got = await consume(10);
  if (got > 0) continue;
  const counts = await store.outbox.counts();
  if (counts.done >= total) break;
  if (Date.now() > deadline) throw new Error(`worker ${worker}: gave up with ${JSON.stringify(counts)}`);
  await new Promise((r) => setTimeout(r, 5));
}
await closeLog();
await store.close();
process.stdout.write(`${JSON.stringify({ sequences, processed })}\n`);
