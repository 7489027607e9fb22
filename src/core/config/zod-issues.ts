import type { z } from 'zod';

/**
 * Turns zod issues into the (field, reason) pairs that ConfigError and InvalidEventError carry. Shared by
 * the configuration and the event schemas so that both speak the same way. Reasons never repeat the input
 * value: it may be a secret (an API key) or personal data.
 */

export interface FieldProblem {
  /** Dotted path as the user wrote it: `scoringModel.signals[2].weight`, `traits.email`. */
  field: string;
  reason: string;
}

/** `['scoringModel', 'signals', 2, 'weight']` -> `scoringModel.signals[2].weight`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === 'number') return `${out}[${segment}]`;
    const key = String(segment);
    if (/^[A-Za-z_$][\w$]*$/.test(key)) return out === '' ? key : `${out}.${key}`;
    return `${out}[${JSON.stringify(key)}]`;
  }, '');
}

/** The first problem of a failed parse, its path formatted and prefixed with `root` when the path is empty. */
export function firstProblem(error: z.ZodError, root: string): FieldProblem {
  const issue = error.issues[0];
  if (issue === undefined) return { field: root, reason: 'is invalid' };
  const path =
    issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
  return { field: formatPath(path) || root, reason: issue.message };
}

/** Error map for `safeParse(input, { error: describeIssue })`: messages in the house style. */
export const describeIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${withArticle(issue.expected === 'number' ? 'finite number' : issue.expected)}, got ${describeKind(issue.input)}`;
    case 'too_small':
      return describeBound('at least', issue.origin, issue.minimum, issue.inclusive);
    case 'too_big':
      return describeBound('at most', issue.origin, issue.maximum, issue.inclusive);
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return 'is not a known key';
    case 'invalid_format':
      return 'has an invalid format';
    case 'invalid_union':
      return 'has an unsupported type';
    default:
      return undefined;
  }
};

function describeBound(
  word: 'at least' | 'at most',
  origin: string,
  bound: number | bigint,
  inclusive?: boolean,
): string {
  if (origin === 'string')
    return word === 'at least' && bound === 1 ? 'must not be empty' : `must be ${word} ${bound} characters`;
  if (origin === 'array' || origin === 'set') return `must have ${word} ${bound} items`;
  const operator = word === 'at least' ? (inclusive === false ? '>' : '>=') : inclusive === false ? '<' : '<=';
  return `must be ${operator} ${bound}`;
}

function describeKind(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return withArticle(typeof input);
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
