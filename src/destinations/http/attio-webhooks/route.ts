/**
 * The receiver's hook for Attio's webhooks: `POST /attio/webhooks` goes to the close-the-loop handler
 * (./loop.ts) instead of the Segment/RudderStack intake, with its own authentication (Attio's signature, not
 * the shared secret). Kept apart so the receiver only learns that the path exists.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReceiverLogger } from '../log.js';

export const ATTIO_WEBHOOKS_PATH = '/attio/webhooks';

export interface AttioWebhooksRoute {
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

export function serveAttioWebhook(
  route: AttioWebhooksRoute,
  request: IncomingMessage,
  response: ServerResponse,
  logger: ReceiverLogger,
  closing: () => boolean,
): void {
  if (closing()) response.setHeader('connection', 'close');
  route.handle(request, response).catch((error: unknown) => {
    logger.error(
      {
        route: ATTIO_WEBHOOKS_PATH,
        err: error instanceof Error ? { name: error.name, message: error.message } : 'failed',
      },
      'an Attio delivery could not be stored: Attio will retry it',
    );
    if (!response.headersSent)
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'retry later' }));
  });
}
