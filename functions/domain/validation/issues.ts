import type { z } from 'zod';
import { ValidationError, type FieldIssue } from '../errors';
import type { Language } from '../i18n';
import { isMessageKey, message } from './messages';

type ZodIssue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** One zod issue in words; a schema's own message key wins over the generic phrasing. */
function describe(issue: ZodIssue, input: unknown, lang: Language): string {
  if (isMessageKey(issue.message)) return message(issue.message, lang, issue as unknown as Record<string, unknown>);
  const params = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return message('required', lang);
      return message(issue.expected === 'int' ? 'notInteger' : 'wrongType', lang, params);
    case 'too_small':
      return message(issue.origin === 'string' ? 'tooShort' : 'tooSmall', lang, params);
    case 'too_big':
      return message(issue.origin === 'string' ? 'tooLong' : 'tooBig', lang, params);
    case 'invalid_value':
      return message('oneOf', lang, params);
    case 'invalid_format':
      return message('invalidFormat', lang, params);
    default:
      return message('invalid', lang, params);
  }
}

/**
 * Turns zod issues into the API's `issues` list: one entry per bad field,
 * with its dotted path, in the caller's language. An unknown key becomes one
 * issue naming that key's own path, so nothing is silently dropped.
 */
export function toFieldIssues(issues: readonly ZodIssue[], input: unknown, lang: Language): FieldIssue[] {
  const result: FieldIssue[] = [];
  const seen = new Set<string>();
  const push = (path: string, text: string) => {
    if (seen.has(path)) return; // the first problem with a field is the one to fix
    seen.add(path);
    result.push({ path, message: text });
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) push(dotted([...issue.path, key]), message('unknownField', lang));
    } else {
      push(dotted(issue.path), describe(issue, input, lang));
    }
  }
  return result;
}

/**
 * A `PUT /…/{key}` request: the path key and every field of the body are
 * checked together, so one 400 names them all (the key by its parameter name).
 */
export function parseKeyedBody<K, B>(
  key: { name: string; raw: string; schema: z.ZodType<K> },
  body: { raw: unknown; schema: z.ZodType<B> },
  lang: Language,
): { key: K; body: B } {
  const parsedKey = key.schema.safeParse(key.raw);
  const parsedBody = body.schema.safeParse(body.raw ?? {});
  if (parsedKey.success && parsedBody.success) return { key: parsedKey.data, body: parsedBody.data };
  throw new ValidationError([
    ...(parsedKey.success ? [] : toFieldIssues(parsedKey.error.issues.map((issue) => ({ ...issue, path: [key.name] })), { [key.name]: key.raw }, lang)),
    ...(parsedBody.success ? [] : toFieldIssues(parsedBody.error.issues, body.raw ?? {}, lang)),
  ]);
}
