/**
 * A local stand-in for Segment's HTTP Tracking API and RudderStack's HTTP API as their documentation
 * describes them: `POST /v1/batch` with `{batch: [...]}`, the write key as the Basic auth user name (no
 * password), JSON, gzip-compressed when the SDK says so (`Content-Encoding: gzip`). A wrong write key is
 * 401, as both answer it; anything else is 200.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface TrackingApi {
  url: string;
  /** Every message of every accepted batch, in arrival order. */
  messages: Array<Record<string, any>>;
  /** Requests refused for their write key. */
  unauthorised: number;
  close(): Promise<void>;
}

export async function startTrackingApi(writeKey: string): Promise<TrackingApi> {
  const api: Omit<TrackingApi, 'url' | 'close'> = { messages: [], unauthorised: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
      const user =
        scheme === 'Basic'
          ? Buffer.from(encoded ?? '', 'base64')
              .toString('utf8')
              .split(':')[0]
          : '';
      if (req.method !== 'POST' || req.url !== '/v1/batch') {
        res.writeHead(404).end();
        return;
      }
      if (user !== writeKey) {
        api.unauthorised += 1;
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid write key"}');
        return;
      }
      const raw = Buffer.concat(chunks);
      const body = JSON.parse(
        (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'),
      ) as { batch: Array<Record<string, any>> };
      api.messages.push(...body.batch);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  }) as TrackingApi;
}
