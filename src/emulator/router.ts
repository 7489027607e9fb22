/** A small method + path-template router; handlers are synchronous functions of the parsed request. */
import { validationType } from './errors.js';
import type { Workspace } from './model.js';
import type { WriteContext } from './values.js';

export interface HandlerContext {
  ws: Workspace;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  write: WriteContext;
}

export interface Reply {
  status: number;
  body: unknown;
}

export type Handler = (ctx: HandlerContext) => Reply;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: Handler;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map((route) => {
      const names: string[] = [];
      const source = route.path.replace(/:([a-z_]+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { ...route, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
      return { handler: route.handler, params };
    }
    return undefined;
  }
}

export const ok = (data: unknown): Reply => ({ status: 200, body: { data } });

/** Attio answers a successful DELETE with 200 and an empty object. */
export const deleted = (): Reply => ({ status: 200, body: {} });

/** limit/offset from a query string or a JSON body; invalid values are Attio's validation_type. */
export function pagination(
  source: Record<string, unknown>,
  defaults: { limit: number; max?: number },
): { limit: number; offset: number } {
  const read = (name: 'limit' | 'offset', fallback: number): number => {
    const raw = source[name];
    if (raw === undefined || raw === null || raw === '') return fallback;
    const n = typeof raw === 'string' ? Number(raw) : raw;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw validationType(`"${name}" must be a non-negative integer, received ${JSON.stringify(raw)}.`);
    }
    return n;
  };
  const limit = read('limit', defaults.limit);
  if (defaults.max !== undefined && limit > defaults.max) {
    throw validationType(`"limit" must be at most ${defaults.max}, received ${limit}.`);
  }
  return { limit, offset: read('offset', 0) };
}

export function page<T>(rows: T[], { limit, offset }: { limit: number; offset: number }): T[] {
  return rows.slice(offset, offset + limit);
}
