// The "widget" part of the chat service's configuration file: which websites may embed the chat widget, and the
// pre-chat form. Checked with one sentence per problem, like the rest of the file (server/service/config.ts).
import { DEFAULT_PRECHAT_FIELDS, FIELD_NAME, PRECHAT_KINDS, type PreChatField } from './widget-settings.ts';

export interface WidgetConfig {
  /** Origins (scheme://host[:port]) of the websites that may load the widget's settings; the service's own always may. */
  readonly allowedOrigins: readonly string[];
  readonly preChatFields: readonly PreChatField[];
}

export const DEFAULT_WIDGET_CONFIG: WidgetConfig = { allowedOrigins: [], preChatFields: DEFAULT_PRECHAT_FIELDS };

const EXAMPLE_FIELD = '{"name": "order", "label": "Order number", "kind": "text", "required": false}';

function originProblem(value: unknown, i: number): string | null {
  const where = `"widget.allowedOrigins"[${i}]`;
  if (typeof value !== 'string')
    return `${where} must be a string like "https://www.example.com": quote the website's origin.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${where} ("${value}") is not an origin: write it as scheme://host, e.g. "https://www.example.com".`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `${where} ("${value}") must start with https:// (or http:// for a test site).`;
  if (url.origin !== value)
    return `${where} ("${value}") must be an origin only, without a path or trailing slash: write "${url.origin}".`;
  return null;
}

function readField(raw: unknown, i: number, problems: string[]): PreChatField | null {
  const where = `"widget.preChatFields"[${i}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${where} must be an object like ${EXAMPLE_FIELD}.`);
    return null;
  }
  const f = raw as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(f))
    if (!['name', 'label', 'kind', 'required', 'maxLength'].includes(key))
      problems.push(`${where}.${key} is not a field setting: only name, label, kind, required and maxLength are.`);
  const name = f['name'];
  if (typeof name !== 'string' || !FIELD_NAME.test(name))
    problems.push(
      `${where}.name must be a short name of letters, digits, - and _ starting with a letter, e.g. "order".`,
    );
  const label = f['label'];
  if (typeof label !== 'string' || label.trim() === '' || label.length > 80)
    problems.push(`${where}.label must be the text customers read above the field (1 to 80 characters).`);
  const kind = f['kind'] ?? 'text';
  if (!(PRECHAT_KINDS as readonly unknown[]).includes(kind))
    problems.push(`${where}.kind must be one of ${PRECHAT_KINDS.join(', ')}.`);
  const required = f['required'] ?? false;
  if (typeof required !== 'boolean') problems.push(`${where}.required must be true or false (without quotes).`);
  const fallback = kind === 'textarea' ? 2000 : 200;
  const maxLength = f['maxLength'] ?? fallback;
  if (typeof maxLength !== 'number' || !Number.isInteger(maxLength) || maxLength < 1 || maxLength > 2000)
    problems.push(`${where}.maxLength must be a whole number from 1 to 2000, e.g. ${fallback}.`);
  if (problems.length > before) return null;
  return {
    name: name as string,
    label: (label as string).trim(),
    kind: kind as PreChatField['kind'],
    required: required as boolean,
    maxLength: maxLength as number,
  };
}

/** Checks the "widget" setting (absent: no other website may embed the widget, the default form). */
export function checkWidgetConfig(raw: unknown, problems: string[]): WidgetConfig {
  if (raw === undefined) return DEFAULT_WIDGET_CONFIG;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(
      `"widget" must be an object like {"allowedOrigins": ["https://www.example.com"], "preChatFields": [...]}: fix its shape.`,
    );
    return DEFAULT_WIDGET_CONFIG;
  }
  const w = raw as Record<string, unknown>;
  for (const key of Object.keys(w))
    if (key !== 'allowedOrigins' && key !== 'preChatFields')
      problems.push(`"widget.${key}" is not a setting: only "allowedOrigins" and "preChatFields" are.`);

  let allowedOrigins: readonly string[] = [];
  const origins = w['allowedOrigins'];
  if (origins !== undefined) {
    if (!Array.isArray(origins)) {
      problems.push(`"widget.allowedOrigins" must be a list of website origins, e.g. ["https://www.example.com"].`);
    } else {
      const bad = origins.map((o, i) => originProblem(o, i)).filter((p): p is string => p !== null);
      problems.push(...bad);
      if (bad.length === 0) allowedOrigins = origins as string[];
    }
  }

  let preChatFields = DEFAULT_PRECHAT_FIELDS;
  const fields = w['preChatFields'];
  if (fields !== undefined) {
    if (!Array.isArray(fields) || fields.length === 0 || fields.length > 10) {
      problems.push(`"widget.preChatFields" must be a list of 1 to 10 fields, each like ${EXAMPLE_FIELD}.`);
    } else {
      const read = fields.map((f, i) => readField(f, i, problems));
      const names = fields.map((f: unknown) =>
        typeof f === 'object' && f !== null ? (f as Record<string, unknown>)['name'] : undefined,
      );
      const twice = names.find((n, i) => typeof n === 'string' && names.indexOf(n) !== i);
      if (twice) problems.push(`"widget.preChatFields" names "${twice}" twice: give each field its own name.`);
      if (read.every((f) => f !== null) && !twice) preChatFields = read as PreChatField[];
    }
  }
  return { allowedOrigins, preChatFields };
}
