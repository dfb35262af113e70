/**
 * A minimal HTTP server on 127.0.0.1 for the adapter tests: real sockets, a scripted
 * handler, and a record of what it received. Not the sandbox — just enough protocol.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

export type Reply =
  | { status?: number; headers?: Record<string, string>; json?: unknown; text?: string; bytes?: Uint8Array }
  | { hang: true }
  | { destroy: true }
  | { stream: AsyncIterable<Uint8Array | string>; status?: number; headers?: Record<string, string> };

export type Handler = (request: ReceivedRequest, index: number) => Reply | Promise<Reply>;

export interface TestServer {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body === '' ? undefined : JSON.parse(body);
      } catch {
        json = undefined;
      }
      const received: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        json,
      };
      const index = requests.push(received) - 1;
      Promise.resolve(handler(received, index)).then(
        (reply) => respond(reply, res),
        (error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        },
      );
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function respond(reply: Reply, res: ServerResponse): Promise<void> {
  if ('hang' in reply) return;
  if ('destroy' in reply) {
    res.socket?.destroy();
    return;
  }
  if ('stream' in reply) {
    res.writeHead(reply.status ?? 200, reply.headers ?? {});
    for await (const chunk of reply.stream) res.write(chunk);
    res.end();
    return;
  }
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | Uint8Array = '';
  if (reply.json !== undefined) {
    headers['content-type'] ??= 'application/json; charset=utf-8';
    payload = JSON.stringify(reply.json);
  } else if (reply.text !== undefined) payload = reply.text;
  else if (reply.bytes !== undefined) payload = reply.bytes;
  res.writeHead(reply.status ?? 200, headers);
  res.end(payload);
}
