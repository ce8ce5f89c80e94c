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

/**
 * What an administrator must fix about the reason, as data the UI words: none configured, not defined in Finesse,
 * named by more than one reason code (`matches`), or a system reason code.
 */
export type HandlingChatConfigError =
  | { readonly kind: 'config'; readonly code: 'NOT_CONFIGURED' }
  | { readonly kind: 'config'; readonly code: 'NOT_DEFINED'; readonly reason: HandlingChatConfig }
  | {
      readonly kind: 'config';
      readonly code: 'AMBIGUOUS';
      readonly reason: HandlingChatConfig;
      readonly matches: readonly { readonly label: string; readonly code: number }[];
    }
  | {
      readonly kind: 'config';
      readonly code: 'SYSTEM_CODE';
      readonly reason: HandlingChatConfig;
      readonly systemCode: number;
    };

/** Reads the preference text: "code:12" or a bare number is a code; "label:Handling Chat" or other text is a label. */
export function parseHandlingChatConfig(pref: string): Result<HandlingChatConfig, HandlingChatConfigError> {
  const text = pref.trim();
  const byCode = /^(?:code:)?\s*(\d{1,9})$/i.exec(text);
  if (byCode?.[1] !== undefined) return ok({ by: 'code', code: Number(byCode[1]) });
  const label = text.replace(/^label:/i, '').trim();
  if (label === '') {
    return err({ kind: 'config', code: 'NOT_CONFIGURED' });
  }
  return ok({ by: 'label', label });
}

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
  if (matches.length === 0) {
    return err({ kind: 'config', code: 'NOT_DEFINED', reason: config });
  }
  if (matches.length > 1) {
    const named = matches.map((r) => ({ label: r.label, code: r.code }));
    return err({ kind: 'config', code: 'AMBIGUOUS', reason: config, matches: named });
  }
  const found = matches[0] as ReasonCode;
  if (found.systemCode) {
    return err({ kind: 'config', code: 'SYSTEM_CODE', reason: config, systemCode: found.code });
  }
  return ok({ id: found.id, code: found.code, label: found.label });
}
