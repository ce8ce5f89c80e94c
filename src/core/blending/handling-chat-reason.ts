// Resolving the configured "Handling Chat" Not Ready reason against the reason codes Finesse defines.
// A missing, ambiguous or system reason is a configuration error an administrator can act on, never a fallback:
// blending with a wrong reason would overwrite agents' choices or mislead reporting.

import { err, ok, type Result } from '../result.ts';
import type { ReasonCode } from '../finesse/types.ts';
import type { HandlingChatReason } from './facts.ts';

/** How an administrator names the reason in the gadget preferences: by its label or by its numeric code. */
export type HandlingChatConfig =
  { readonly by: 'label'; readonly label: string } | { readonly by: 'code'; readonly code: number };

export type HandlingChatErrorCode = 'NOT_CONFIGURED' | 'NOT_DEFINED' | 'AMBIGUOUS' | 'SYSTEM_CODE';

export interface HandlingChatConfigError {
  readonly kind: 'config';
  readonly code: HandlingChatErrorCode;
  /** A sentence an administrator can act on. */
  readonly message: string;
}

const WHERE = 'in the Finesse administration console under Reason Codes (Not Ready)';

/** Reads the preference text: "code:12" or a bare number is a code; "label:Handling Chat" or other text is a label. */
export function parseHandlingChatConfig(pref: string): Result<HandlingChatConfig, HandlingChatConfigError> {
  const text = pref.trim();
  const byCode = /^(?:code:)?\s*(\d{1,9})$/i.exec(text);
  if (byCode?.[1] !== undefined) return ok({ by: 'code', code: Number(byCode[1]) });
  const label = text.replace(/^label:/i, '').trim();
  if (label === '') {
    return err({
      kind: 'config',
      code: 'NOT_CONFIGURED',
      message:
        'No Not Ready reason for chat handling is configured. Ask your administrator to set the gadget preference to the label or code of a Not Ready reason such as "Handling Chat".',
    });
  }
  return ok({ by: 'label', label });
}

const describe = (config: HandlingChatConfig): string =>
  config.by === 'label' ? `'${config.label}'` : `with code ${config.code}`;

/** Finds the one Not Ready reason code the configuration names, or says exactly what an administrator must fix. */
export function resolveHandlingChatReason(
  config: HandlingChatConfig,
  reasonCodes: readonly ReasonCode[],
): Result<HandlingChatReason, HandlingChatConfigError> {
  const notReady = reasonCodes.filter((r) => r.category === 'NOT_READY');
  const wanted = config.by === 'label' ? config.label.trim().toLowerCase() : null;
  const matches = notReady.filter((r) =>
    wanted !== null ? r.label.trim().toLowerCase() === wanted : config.by === 'code' && r.code === config.code,
  );
  const name = describe(config);
  if (matches.length === 0) {
    return err({
      kind: 'config',
      code: 'NOT_DEFINED',
      message: `The Not Ready reason ${name} is not defined in Finesse. Ask your administrator to add it ${WHERE}.`,
    });
  }
  if (matches.length > 1) {
    const list = matches.map((r) => `'${r.label}' (code ${r.code})`).join(', ');
    return err({
      kind: 'config',
      code: 'AMBIGUOUS',
      message: `The Not Ready reason ${name} matches ${matches.length} reason codes in Finesse: ${list}. Ask your administrator to keep one ${WHERE}, or configure the gadget by code.`,
    });
  }
  const found = matches[0] as ReasonCode;
  if (found.systemCode) {
    return err({
      kind: 'config',
      code: 'SYSTEM_CODE',
      message: `The Not Ready reason ${name} is a system reason code (${found.code}); the gadget must never set it. Ask your administrator to add a separate reason such as 'Handling Chat' ${WHERE}.`,
    });
  }
  return ok({ id: found.id, code: found.code, label: found.label });
}
