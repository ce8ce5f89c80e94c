// The few Finesse REST calls the desktop itself makes: sign in, read the user and reason codes, change state.
import {
  parseApiErrors,
  parseReasonCodes,
  parseUser,
  userRequestToXml,
  type UserRequest,
} from '../../../src/core/finesse/xml/index.ts';
import type { ReasonCategory, ReasonCode, User } from '../../../src/core/finesse/types.ts';
import { err, ok, type Result } from '../../../src/core/result.ts';

/** The signed-in agent's credentials, held only in this page's memory. */
export interface Credentials {
  readonly id: string;
  /** base64("id:password"), the value Finesse gives gadgets as the authorization pref. */
  readonly basic: string;
  readonly password: string;
}

/** Encodes Basic credentials (UTF-8 safe). */
export function makeCredentials(id: string, password: string): Credentials {
  const bytes = new TextEncoder().encode(`${id}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return { id, basic: btoa(binary), password };
}

async function call(creds: Credentials, method: string, path: string, body?: string): Promise<Result<string, string>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Authorization: `Basic ${creds.basic}`,
        Accept: 'application/xml',
        ...(body !== undefined ? { 'Content-Type': 'application/xml' } : {}),
      },
      body,
      cache: 'no-store',
    });
  } catch (e) {
    return err(`Finesse could not be reached (${e instanceof Error ? e.message : String(e)}).`);
  }
  const text = await response.text();
  if (response.ok) return ok(text);
  if (response.status === 401) return err('The username or password is not valid.');
  const errors = parseApiErrors(text);
  const detail =
    errors.ok && errors.value[0]
      ? `${errors.value[0].errorType}: ${errors.value[0].errorMessage}`
      : `HTTP ${response.status}`;
  return err(detail);
}

/** GET User/{id}. */
export async function getUser(creds: Credentials): Promise<Result<User, string>> {
  const r = await call(creds, 'GET', `/finesse/api/User/${encodeURIComponent(creds.id)}`);
  if (!r.ok) return r;
  const user = parseUser(r.value);
  return user.ok ? user : err(user.error.message);
}

/** PUT User/{id} (202: the result arrives as a notification). */
export async function putUser(creds: Credentials, request: UserRequest): Promise<Result<void, string>> {
  const r = await call(creds, 'PUT', `/finesse/api/User/${encodeURIComponent(creds.id)}`, userRequestToXml(request));
  return r.ok ? ok(undefined) : r;
}

/** GET User/{id}/ReasonCodes?category=... */
export async function getReasonCodes(
  creds: Credentials,
  category: ReasonCategory,
): Promise<Result<ReasonCode[], string>> {
  const r = await call(
    creds,
    'GET',
    `/finesse/api/User/${encodeURIComponent(creds.id)}/ReasonCodes?category=${category}`,
  );
  if (!r.ok) return r;
  const codes = parseReasonCodes(r.value);
  return codes.ok ? codes : err(codes.error.message);
}
