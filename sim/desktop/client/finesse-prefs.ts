// What a Finesse desktop hands every gadget: the prefs finesse.gadget.Config is built from (Cisco's ScreenPop sample
// for 10.6.1 reads them with new gadgets.Prefs(): authorization, country, language, locale, host, hostPort,
// extension, mobileAgentMode, mobileAgentDialNumber, xmppDomain, pubsubDomain, restHost, scheme, localhostFQDN,
// localhostPort, clientDriftInMillis), and the credential Cisco's library reads from the page's session storage.

/**
 * The session storage key of the agent's Basic credential (base64 of id:password, without "Basic "):
 * finesse.js 10.5.1's Utilities.getUserAuthString reads window.sessionStorage 'userFinesseAuth'. The value's exact
 * format is inferred from how the library uses it (unconfirmed).
 */
export const CREDENTIAL_STORAGE_KEY = 'userFinesseAuth';

interface PrefsInput {
  /** base64 of id:password (the agent's id is not a pref of its own: Cisco's library decodes it from here). */
  readonly authorization: string;
  /** The desktop page's location. */
  readonly location: { readonly hostname: string; readonly port: string; readonly protocol: string };
  readonly xmppDomain: string;
  readonly pubsubDomain: string;
  readonly extension: string;
  readonly locale?: string;
}

/**
 * The prefs, by name (without the up_ prefix the container puts on them): the documented set and nothing more, so
 * that a gadget tried here does not come to rely on a pref no Finesse desktop is known to give (an id, a team).
 */
export function finessePrefs(input: PrefsInput): Record<string, string> {
  const scheme = input.location.protocol.replace(/:$/, '');
  const port = input.location.port || (scheme === 'https' ? '443' : '80');
  const locale = input.locale ?? 'en_US';
  const [language = 'en', country = 'US'] = locale.split('_');
  return {
    authorization: input.authorization,
    // The desktop and the REST API are one server here, as on a Finesse node.
    host: input.location.hostname,
    hostPort: port,
    restHost: input.location.hostname,
    scheme,
    localhostFQDN: input.location.hostname,
    localhostPort: port,
    xmppDomain: input.xmppDomain,
    pubsubDomain: input.pubsubDomain,
    locale,
    language,
    country,
    extension: input.extension,
    // Prefs the samples read that the stand-in has no use for: a mobile agent is never signed in here.
    mobileAgentMode: '',
    mobileAgentDialNumber: '',
    clientDriftInMillis: '0',
  };
}

/** The prefs as the up_ parameters of a gadget frame's URL fragment. */
export function prefsFragment(prefs: Readonly<Record<string, string>>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(prefs)) out.set(`up_${k}`, v);
  return out.toString();
}

/** Puts the credential where a desktop-loaded finesse.js reads it; never logged. */
export function storeCredential(storage: Pick<Storage, 'setItem'>, authorization: string): void {
  storage.setItem(CREDENTIAL_STORAGE_KEY, authorization);
}

/** Removes the credential when the agent signs out. */
export function clearCredential(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(CREDENTIAL_STORAGE_KEY);
}
