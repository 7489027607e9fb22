/**
 * Reads a delivery's JSON body with body-parser: gzip, deflate and brotli bodies are inflated (the cap
 * applies to the inflated size, so a small compressed bomb is refused too), and JSON is taken whichever of
 * the three types a sender labels it with — application/json (Segment's SDK and webhooks), text/plain
 * (clients that avoid a CORS preflight) or application/x-www-form-urlencoded (what RudderStack's SDK, through
 * axios, sends with its gzipped JSON).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import bodyParser from 'body-parser';
import { HttpProblem } from './answer.js';

const JSON_TYPES = ['application/json', 'text/plain', 'application/x-www-form-urlencoded'];

export type BodyReader = (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;

export function bodyReader(maxBytes: number): BodyReader {
  const parse = bodyParser.json({ type: JSON_TYPES, limit: maxBytes, inflate: true, strict: false });
  return (request, response) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!JSON_TYPES.includes(type))
      return Promise.reject(new HttpProblem(415, `content-type must be JSON (${JSON_TYPES.join(', ')})`));
    return new Promise((resolve, reject) => {
      parse(request, response, (error?: unknown) => {
        if (error === undefined || error === null) {
          const body = (request as IncomingMessage & { body?: unknown }).body;
          if (body === undefined) reject(new HttpProblem(400, 'the body is empty'));
          else resolve(body);
        } else {
          reject(problemOf(error, maxBytes));
        }
      });
    });
  };
}

/** body-parser's errors carry an HTTP status and a `type`; the sender gets a message it can act on. */
function problemOf(error: unknown, maxBytes: number): HttpProblem {
  const { type, status } = error as { type?: string; status?: number };
  switch (type) {
    case 'entity.too.large':
      return new HttpProblem(413, `body larger than ${maxBytes} bytes`);
    case 'entity.parse.failed':
      return new HttpProblem(400, 'body is not valid JSON');
    case 'encoding.unsupported':
      return new HttpProblem(415, 'content-encoding must be gzip, deflate or br (or none)');
    case 'charset.unsupported':
      return new HttpProblem(415, 'charset must be utf-8');
    default:
      return new HttpProblem(
        status !== undefined && status >= 400 && status < 500 ? status : 400,
        'the body could not be read',
      );
  }
}
