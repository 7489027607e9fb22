/**
 * Validates requests and responses against Attio's official OpenAPI 3.1 document, read from ../shared.
 * The document is contract data only; it is never copied into the project, so callers skip when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { AttioRequest, Transport } from '../../src/core/attio/transport.js';

export const ATTIO_OPENAPI_PATH = fileURLToPath(new URL('../../../shared/attio-openapi/api-00.json', import.meta.url));
export const OPENAPI_ABSENT_MESSAGE = `Attio OpenAPI document not found at ${ATTIO_OPENAPI_PATH}: contract tests skipped`;

const DOC_ID = 'https://attio-openapi.local/api-00.json';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, unknown> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

export interface RequestToValidate {
  method: string;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}
export interface ResponseToValidate {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

interface Route {
  template: string;
  pattern: RegExp;
  literalSegments: number;
}

export class AttioOpenApi {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenApiDocument) {
    (addFormatsModule as unknown as (ajv: Ajv2020) => void)(this.ajv);
    allowNullInNullableEnums(doc);
    this.ajv.addSchema({ ...doc, $id: DOC_ID } as object);
    this.routes = Object.keys(doc.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        literalSegments: template.split('/').filter((s) => s && !s.startsWith('{')).length,
      }))
      // The most specific template wins: /v2/objects/records/search before /v2/objects/{object}/records.
      .sort((a, b) => b.literalSegments - a.literalSegments);
  }

  /** The path template and operation a concrete request maps to, if the document defines it. */
  findOperation(method: string, path: string): { template: string; operation: Operation } | undefined {
    const lower = method.toLowerCase();
    for (const route of this.routes) {
      const operation = this.doc.paths[route.template]?.[lower];
      if (operation && route.pattern.test(path)) return { template: route.template, operation };
    }
    return undefined;
  }

  validateRequest(request: RequestToValidate): string[] {
    const found = this.findOperation(request.method, request.path);
    if (!found) return [`${request.method} ${request.path}: no such operation in the OpenAPI document`];
    const { template, operation } = found;
    const errors: string[] = [];
    const parameters = operation.parameters ?? [];
    const query = Object.fromEntries(Object.entries(request.query ?? {}).filter(([, v]) => v !== undefined));
    for (const parameter of parameters) {
      if (parameter.in === 'query' && parameter.required && !(parameter.name in query)) {
        errors.push(`query parameter ${parameter.name} is required`);
      }
    }
    const known = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of Object.keys(query)) {
      if (!known.has(name)) errors.push(`query parameter ${name} is not defined for ${request.method} ${template}`);
    }
    const bodySchema = operation.requestBody?.content?.['application/json'];
    if (request.body !== undefined) {
      if (!bodySchema) errors.push(`${request.method} ${template} takes no JSON body`);
      else
        errors.push(
          ...this.validate(
            `${pointer(template, request.method)}/requestBody/content/application~1json/schema`,
            request.body,
          ),
        );
    } else if (operation.requestBody?.required) {
      errors.push(`${request.method} ${template} requires a body`);
    }
    return errors;
  }

  validateResponse(response: ResponseToValidate): string[] {
    const found = this.findOperation(response.method, response.path);
    if (!found) return [`${response.method} ${response.path}: no such operation in the OpenAPI document`];
    const { template, operation } = found;
    const status = String(response.status);
    const responseSpec = operation.responses?.[status];
    if (!responseSpec) return []; // statuses the document does not describe (e.g. 401, 429) have no schema
    if (!responseSpec.content?.['application/json']) return [];
    return this.validate(
      `${pointer(template, response.method)}/responses/${status}/content/application~1json/schema`,
      response.body,
    );
  }

  private validate(schemaPointer: string, value: unknown): string[] {
    let validator = this.validators.get(schemaPointer);
    if (!validator) {
      validator = this.ajv.compile({ $ref: `${DOC_ID}#${schemaPointer}` });
      this.validators.set(schemaPointer, validator);
    }
    if (validator(value)) return [];
    return (validator.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  }
}

/**
 * The document types some enums as `["string","null"]` without listing null among the values (Attio returns
 * null there, e.g. a non-currency attribute's `config.currency.default_currency_code`). JSON Schema would
 * then reject null, so null is added to such enums: the document's evident intent.
 */
function allowNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(allowNullInNullableEnums);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (
    Array.isArray(schema.enum) &&
    Array.isArray(schema.type) &&
    schema.type.includes('null') &&
    !schema.enum.includes(null)
  ) {
    schema.enum = [...schema.enum, null];
  }
  Object.values(schema).forEach(allowNullInNullableEnums);
}

function pointer(template: string, method: string): string {
  const escaped = template.replace(/~/g, '~0').replace(/\//g, '~1');
  return `/paths/${encodeURIComponent(escaped).replace(/%7E/g, '~')}/${method.toLowerCase()}`;
}

let cached: AttioOpenApi | null | undefined;

/** The validator over ../shared/attio-openapi/api-00.json, or undefined where that document is absent. */
export function loadAttioOpenApi(): AttioOpenApi | undefined {
  if (cached === undefined) {
    cached = existsSync(ATTIO_OPENAPI_PATH)
      ? new AttioOpenApi(JSON.parse(readFileSync(ATTIO_OPENAPI_PATH, 'utf8')) as OpenApiDocument)
      : null;
  }
  return cached ?? undefined;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** JSON-pointer paths of every timestamp value (`attribute_type: "timestamp"`) holding an ISO date-time. */
function timestampValuePaths(node: unknown, path = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => timestampValuePaths(item, `${path}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  if (record.attribute_type === 'timestamp' && typeof record.value === 'string' && ISO_TIMESTAMP.test(record.value))
    return [path];
  return Object.entries(record).flatMap(([key, value]) => timestampValuePaths(value, `${path}/${key}`));
}

/**
 * Two places where the document contradicts Attio's own behaviour, so its errors there are not ours:
 * - timestamp values are typed `format: date` although its own example (and Attio) return a date-time
 *   (SOURCE.md beside the document notes the Speakeasy overlay removes exactly this);
 * - each 4xx response lists one example `code` as an enum, while an endpoint answers several codes
 *   (a record create can fail with validation_type, missing_value, uniqueness_conflict...). The rest of
 *   the error body (status_code, type, message) is still checked.
 */
export function withoutKnownDocumentDefects(body: unknown, errors: string[]): string[] {
  const timestamps = timestampValuePaths(body);
  return errors.filter((error) => {
    const [where = ''] = error.split(' ', 1);
    if (timestamps.some((path) => where === path || where.startsWith(`${path}/`))) return false;
    return !(where === '/code' && error.endsWith('must be equal to one of the allowed values'));
  });
}

/**
 * A transport that checks every request it sends, and every answer it gets, against the document: the
 * problems go to `problems`, and `onRequest` sees each request before it is sent.
 */
export function validatingTransport(
  openApi: AttioOpenApi,
  http: Transport,
  problems: string[],
  onRequest: (request: AttioRequest) => void = () => undefined,
): Transport {
  return {
    async send(request) {
      const query = Object.fromEntries(
        Object.entries(request.query ?? {}).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
      );
      const where = `${request.method} ${request.path}`;
      onRequest(request);
      problems.push(...openApi.validateRequest({ ...request, query }).map((p) => `${where} request: ${p}`));
      const response = await http.send(request);
      const answer = openApi.validateResponse({
        method: request.method,
        path: request.path,
        status: response.status,
        body: response.body,
      });
      problems.push(
        ...withoutKnownDocumentDefects(response.body, answer).map((p) => `${where} ${response.status}: ${p}`),
      );
      return response;
    },
  };
}
