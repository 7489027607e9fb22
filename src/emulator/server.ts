/** The HTTP shell: logging, faults, auth, rate limits, JSON in and out, routing to the handlers. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AttioApiError, authError, notFound, rateLimitError, validationType } from './errors.js';
import { FaultInjector, parseFaultSpec } from './faults.js';
import { ATTIO_RATE_LIMITS, RateLimiter } from './rate-limit.js';
import { Router, type Reply } from './router.js';
import { configurationRoutes } from './routes/configuration.js';
import { entryRoutes } from './routes/entries.js';
import { metaRoutes } from './routes/meta.js';
import { noteRoutes } from './routes/notes.js';
import { recordRoutes } from './routes/records.js';
import { taskRoutes } from './routes/tasks.js';
import { controlRoutes } from './routes/control.js';
import { valueRoutes } from './routes/values.js';
import { webhookRoutes } from './routes/webhooks.js';
import { createWorkspace } from './seeds.js';
import { attioTimestamp, findMemberByEmail } from './store.js';
import type { EmulatorActor, EmulatorHandle, EmulatorOptions, RequestLogEntry } from './types.js';
import type { WebhookEvent } from './webhooks/events.js';
import { WebhookDispatcher } from './webhooks/delivery.js';
import type { Member, Workspace } from './model.js';

export const EMULATOR_API_KEY = 'emulator-key';

/** Every route the emulator serves; in-process callers (tests, benchmarks) can build a Router from it. */
export const EMULATOR_ROUTES = [
  ...metaRoutes,
  ...configurationRoutes,
  ...recordRoutes,
  ...entryRoutes,
  ...noteRoutes,
  ...taskRoutes,
  ...valueRoutes,
  ...webhookRoutes,
  ...controlRoutes,
];
const router = new Router(EMULATOR_ROUTES);

/** Attio counts the query endpoints as reads although they are POSTs. */
function isWrite(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  return !(method === 'POST' && /\/(records|entries)\/query\/?$/.test(path));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(payload);
}

const errorReply = (error: AttioApiError): Reply => ({ status: error.status, body: error.toBody() });

function serverErrorReply(status: number, message: string): Reply {
  return { status, body: { status_code: status, type: 'api_error', code: 'server_error', message } };
}

/** The member a member token acts as: the one named, else the first who is not the admin. */
function repMember(ws: Workspace, email: string | undefined): Member {
  if (email !== undefined) {
    const named = findMemberByEmail(ws, email);
    if (!named)
      throw new Error(
        `memberEmail "${email}" is not a member of the emulated workspace (${ws.members.map((m) => m.email).join(', ')}).`,
      );
    return named;
  }
  const [first] = ws.members;
  const rep = ws.members.find((m) => m.id !== ws.selfMemberId) ?? first;
  if (!rep) throw new Error('The emulated workspace has no members.');
  return rep;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const host = opts.host ?? '127.0.0.1';
  const apiKey = opts.apiKey ?? EMULATOR_API_KEY;
  const ws = createWorkspace(opts.seed ?? 'plg-demo');
  const apiTokenActor: EmulatorActor = { type: 'api-token', id: ws.tokenId };
  const rep = opts.memberToken === undefined ? undefined : repMember(ws, opts.memberEmail);
  const memberActor: EmulatorActor | undefined = rep && { type: 'workspace-member', id: rep.id };
  if (opts.memberToken !== undefined && opts.memberToken === apiKey)
    throw new Error('memberToken must differ from the API key.');
  const actorOf = (authorization: string | undefined): EmulatorActor | undefined => {
    if (authorization === `Bearer ${apiKey}`) return apiTokenActor;
    if (memberActor && authorization === `Bearer ${opts.memberToken}`) return memberActor;
    return undefined;
  };
  const webhooks = new WebhookDispatcher(ws, opts.webhooks);
  const limits = opts.rateLimit === true ? ATTIO_RATE_LIMITS : opts.rateLimit || undefined;
  const now = opts.now ?? Date.now;
  const limiter = limits ? new RateLimiter(limits, now) : undefined;
  const faults = opts.faults ? new FaultInjector(parseFaultSpec(opts.faults)) : undefined;
  const requests: RequestLogEntry[] = [];
  const logLimit = opts.requestLogLimit ?? 100_000;
  // Requests a `timeout` fault never answers; close() destroys them so it cannot hang.
  const held = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const text = await readBody(req);
    let body: unknown;
    let badJson = false;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        badJson = true;
      }
    }
    const write = isWrite(method, path);
    const entry: RequestLogEntry = { method, path, query: Object.fromEntries(url.searchParams), status: 0, write };
    if (body !== undefined) entry.body = body;
    requests.push(entry);
    if (requests.length > logLimit + Math.ceil(logLimit / 10)) requests.splice(0, requests.length - logLimit);
    const respond = (reply: Reply, headers?: Record<string, string>): void => {
      entry.status = reply.status;
      send(res, reply, headers);
    };

    const delay = faults?.latencyMs() ?? 0;
    if (delay > 0) await sleep(delay);
    const fault = faults?.beforeProcessing();
    if (fault?.kind === 'reset') {
      entry.fault = 'reset';
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'timeout') {
      entry.fault = 'timeout';
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    if (fault?.kind === 'status') {
      entry.fault = String(fault.status);
      if (fault.status === 429) {
        respond(errorReply(rateLimitError()), { 'retry-after': nextSecond(now()).toUTCString() });
      } else {
        respond(serverErrorReply(fault.status, 'The emulator injected this failure; the request was not processed.'));
      }
      return;
    }

    const actor = actorOf(req.headers.authorization);
    if (!actor) return respond(errorReply(authError()));
    const decision = limiter?.take(write ? 'write' : 'read');
    if (decision && !decision.allowed) {
      return respond(errorReply(rateLimitError()), { 'retry-after': decision.retryAt.toUTCString() });
    }
    if (badJson) return respond(errorReply(validationType('Request body is not valid JSON.')));
    const route = router.match(method, path);
    if (!route) return respond(errorReply(notFound(`Route ${method} ${path} not found.`)));

    let reply: Reply;
    const events: WebhookEvent[] = [];
    try {
      const now = attioTimestamp();
      reply = route.handler({ ws, params: route.params, query: entry.query, body, write: { ws, now, actor, events } });
    } catch (error) {
      reply = error instanceof AttioApiError ? errorReply(error) : serverErrorReply(500, String(error));
      events.length = 0;
    }
    // Attio sends webhooks for what was written, whatever became of the answer.
    const announce = () => webhooks.publish(events);
    if (write && faults?.failAfterCommit()) {
      entry.fault = 'after-commit-502';
      respond(serverErrorReply(502, 'Bad gateway (injected after the write was applied).'));
      return announce();
    }
    respond(reply);
    announce();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, serverErrorReply(500, String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}`,
    requests,
    reset: () => {
      requests.length = 0;
    },
    apiTokenActor,
    ...(rep && memberActor ? { member: { ...memberActor, email: rep.email } } : {}),
    webhooks,
    close: async () => {
      webhooks.close();
      for (const res of held) res.socket?.destroy();
      held.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function nextSecond(now: number): Date {
  return new Date((Math.floor(now / 1000) + 1) * 1000);
}
