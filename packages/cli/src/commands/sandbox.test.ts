import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/memory-io.ts';
import { runSandbox, sandboxCommand } from './sandbox.ts';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('motcua sandbox', () => {
  it('starts on 127.0.0.1, prints the URL and a client configuration, and stops on the signal', async () => {
    const io = memoryIo();
    const stop = new AbortController();
    const done = runSandbox(['--faults', '{"errorRate":0.5,"seed":3}', '--json'], io, { signal: stop.signal });
    await until(() => io.out().includes('\n'));
    const printed = JSON.parse(io.out()) as {
      url: string;
      dvcqg: { dstcode: string; username: string; password: string; authEndpoint: string };
      faults: { errorRate: number; seed: number };
    };
    expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(printed.faults).toMatchObject({ errorRate: 0.5, seed: 3 });
    const health = await fetch(`${printed.url}/__sandbox/health`);
    expect(await health.json()).toEqual({ ok: true });
    const login = await fetch(`${printed.url}${printed.dvcqg.authEndpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', dstcode: printed.dvcqg.dstcode },
      body: JSON.stringify({ username: printed.dvcqg.username, password: printed.dvcqg.password }),
    });
    expect(login.status).toBe(200);
    stop.abort();
    expect(await done).toBe(0);
    await expect(fetch(`${printed.url}/__sandbox/health`)).rejects.toThrow();
  });

  it('prints a readable summary with a preset, in English on request', async () => {
    const io = memoryIo();
    const stop = new AbortController();
    const done = runSandbox(['--faults', 'flaky', '--lang', 'en'], io, { signal: stop.signal });
    await until(() => io.out().includes('Ctrl+C'));
    expect(io.out()).toMatch(/Sandbox DVCQG portal: http:\/\/127\.0\.0\.1:\d+/);
    expect(io.out()).toContain('integrationEndpoint  /mapi/service');
    expect(io.out()).toContain('"errorRate":0.05');
    stop.abort();
    expect(await done).toBe(0);
  });

  it('refuses bad options with exit 2', async () => {
    for (const args of [['--port', 'abc'], ['--faults', 'nope'], ['--faults', '{"errorRate":3}'], ['--bogus']]) {
      const io = memoryIo();
      expect(await sandboxCommand.run(args, io)).toBe(2);
      expect(io.err()).toContain('motcua sandbox:');
    }
  });
});
