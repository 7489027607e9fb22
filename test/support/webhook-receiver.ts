/**
 * A local HTTP endpoint standing in for whatever receives Attio's webhooks: it keeps every delivery (raw
 * body and headers) and answers each with the next status of a script (then 200).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  rawBody: string;
  // Tests read the payload by path; its shape is what the test asserts.
  body: any;
  answered: number;
}

export interface WebhookReceiver {
  url: string;
  deliveries: ReceivedDelivery[];
  /** Statuses for the next deliveries, in order; once used up, deliveries are answered 200. */
  answerNext(...statuses: number[]): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(path = '/attio/webhooks'): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  const script: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const answered = req.url === path ? (script.shift() ?? 200) : 404;
      deliveries.push({ headers: req.headers, rawBody, body: rawBody ? JSON.parse(rawBody) : undefined, answered });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered < 300 ? 'ok' : 'failed');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    deliveries,
    answerNext: (...statuses) => script.push(...statuses),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
