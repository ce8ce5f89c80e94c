// What the customer chat widget learns from the chat service (GET /widget/settings.json) and the pre-chat form's
// rules. DOM-free: the service builds the settings from its configuration, the widget reads and checks them, and
// both validate the form with the same words.

/** One field of the pre-chat form. `name` and `question` are the profile's known fields; others go to the agent. */
export interface PreChatField {
  /** The form field's name in the chat request (letters, digits, - and _). */
  readonly name: string;
  /** What the customer reads above the field. */
  readonly label: string;
  readonly kind: PreChatKind;
  readonly required: boolean;
  /** The longest value accepted, in characters. */
  readonly maxLength: number;
}

export const PRECHAT_KINDS = ['text', 'email', 'textarea'] as const;
export type PreChatKind = (typeof PRECHAT_KINDS)[number];

/** A queue the customer may pick (its id goes on the chat request as `queue`). */
export interface WidgetQueue {
  readonly id: string;
  readonly name: string;
}

/** The settings document the widget fetches. */
export interface WidgetSettings {
  /** The XMPP server's WebSocket or BOSH URL, as customers' browsers reach it. */
  readonly xmppService: string;
  /** The anonymous host customers sign in to. */
  readonly guestDomain: string;
  /** The router's full JID. */
  readonly routerJid: string;
  readonly preChatFields: readonly PreChatField[];
  readonly queues: readonly WidgetQueue[];
}

/** The form when the configuration names none: a name (required), an email address (optional), the question. */
export const DEFAULT_PRECHAT_FIELDS: readonly PreChatField[] = [
  { name: 'name', label: 'Your name', kind: 'text', required: true, maxLength: 80 },
  { name: 'email', label: 'Email address', kind: 'email', required: false, maxLength: 254 },
  { name: 'question', label: 'Your question', kind: 'textarea', required: true, maxLength: 2000 },
];

export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with one value of the form, in words for the customer; null when it is fine. */
export function fieldProblem(field: PreChatField, value: string): string | null {
  const v = value.trim();
  if (v === '') return field.required ? `Please fill in "${field.label}".` : null;
  if (v.length > field.maxLength) return `"${field.label}" is too long: at most ${field.maxLength} characters.`;
  if (field.kind === 'email' && !EMAIL.test(v))
    return `"${field.label}" must be an email address, like name@example.com.`;
  return null;
}

function isField(raw: unknown): raw is PreChatField {
  if (typeof raw !== 'object' || raw === null) return false;
  const f = raw as Record<string, unknown>;
  return (
    typeof f['name'] === 'string' &&
    FIELD_NAME.test(f['name']) &&
    typeof f['label'] === 'string' &&
    f['label'] !== '' &&
    (PRECHAT_KINDS as readonly unknown[]).includes(f['kind']) &&
    typeof f['required'] === 'boolean' &&
    typeof f['maxLength'] === 'number' &&
    Number.isInteger(f['maxLength']) &&
    f['maxLength'] > 0
  );
}

function isQueue(raw: unknown): raw is WidgetQueue {
  if (typeof raw !== 'object' || raw === null) return false;
  const q = raw as Record<string, unknown>;
  return typeof q['id'] === 'string' && q['id'] !== '' && typeof q['name'] === 'string' && q['name'] !== '';
}

/** Reads the settings document; null when it is not one (an old or misconfigured service). */
export function readWidgetSettings(raw: unknown): WidgetSettings | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Record<string, unknown>;
  const fields = s['preChatFields'];
  const queues = s['queues'] ?? [];
  if (
    typeof s['xmppService'] !== 'string' ||
    typeof s['guestDomain'] !== 'string' ||
    typeof s['routerJid'] !== 'string' ||
    !Array.isArray(fields) ||
    !fields.every(isField) ||
    !Array.isArray(queues) ||
    !queues.every(isQueue)
  )
    return null;
  return {
    xmppService: s['xmppService'],
    guestDomain: s['guestDomain'],
    routerJid: s['routerJid'],
    preChatFields: fields,
    queues,
  };
}
