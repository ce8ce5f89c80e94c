// Desktop failover in the stand-in: the desktop page watches the Finesse node it was loaded from and, when that node
// is out of service while the other is in service, moves the agent to the other node's desktop (the page and its
// gadgets start again there) and signs in there without asking again.
//
// Sources: the developer guide's "Finesse High Availability" chapter (a node is usable when its SystemInfo says
// IN_SERVICE; a SystemInfo OUT_OF_SERVICE notification reports the loss of the CTI link), "Notifications on Finesse
// Desktop" (when its XMPP connection cannot be re-established the desktop fails over to the alternate server) and
// the DesktopConfig object (systemStatus, isAlternateSystemAvailable, alternateHost, redirectToAlternateHost).
// Unconfirmed (the stand-in's choices): that the desktop also moves on an OUT_OF_SERVICE status while its XMPP
// connection is up, how often it checks, the banner's words, and how the credential reaches the other node (here:
// the URL fragment, never the query, removed from the address bar at once, never logged).

/** What the desktop's own node says about itself and the other node (shaped like Finesse's DesktopConfig). */
export interface NodeStatusReport {
  /** This node's SystemInfo status: IN_SERVICE or OUT_OF_SERVICE. */
  readonly systemStatus: string;
  readonly isAlternateSystemAvailable: boolean;
  /** The other node's base URL (e.g. http://127.0.0.1:41235). */
  readonly alternateHost: string | null;
  readonly redirectToAlternateHost: boolean;
  /** Letters the agent knows the nodes by: this one and the other ("A" for the primary, "B" for the secondary). */
  readonly thisNode: string;
  readonly alternateNode: string;
}

/** The sign-in the previous node's desktop carried over, read from the fragment once. */
export interface CarriedSignIn {
  readonly id: string;
  readonly password: string;
  readonly extension: string;
  /** The language chosen at sign-in (a Finesse locale such as de_DE), kept on the other node. */
  readonly locale?: string;
  /** The node the agent was moved from ("A"), for the words the page shows. */
  readonly movedFrom: string;
}

const FRAGMENT_KEY = 'failover=';

/**
 * Reads a sign-in carried in the URL fragment by the other node's desktop and removes it from the address bar
 * before anything else runs. Null when there is none (a normal visit).
 */
export function takeCarriedSignIn(): CarriedSignIn | null {
  const hash = location.hash;
  if (!hash.startsWith(`#${FRAGMENT_KEY}`)) return null;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  try {
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(hash.slice(1 + FRAGMENT_KEY.length)), (c) => c.charCodeAt(0)),
    );
    const value = JSON.parse(json) as Partial<CarriedSignIn>;
    if (typeof value.id !== 'string' || typeof value.password !== 'string' || typeof value.extension !== 'string')
      return null;
    return {
      id: value.id,
      password: value.password,
      extension: value.extension,
      ...(typeof value.locale === 'string' ? { locale: value.locale } : {}),
      movedFrom: typeof value.movedFrom === 'string' ? value.movedFrom : '',
    };
  } catch {
    return null;
  }
}

/** The other node's desktop address carrying the sign-in in the fragment (never the query: it is not sent). */
function carriedUrl(alternateHost: string, signIn: CarriedSignIn): string {
  const bytes = new TextEncoder().encode(JSON.stringify(signIn));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `${alternateHost.replace(/\/$/, '')}/desktop/#${FRAGMENT_KEY}${btoa(binary)}`;
}

interface NodeWatchOptions {
  /** The signed-in agent, carried to the other node's desktop when the desktop moves. */
  readonly signIn: Omit<CarriedSignIn, 'movedFrom'>;
  /** Shows (or, with null, hides) the banner about the node. */
  readonly banner: (text: string | null) => void;
  /** Before leaving: stop the notification connection etc. */
  readonly beforeMove: () => void;
  /** Check period; default 5 s. */
  readonly intervalMs?: number;
}

/** How long the banner shows before the page moves to the other node. */
const MOVE_DELAY_MS = 1500;

export interface NodeWatch {
  /** Checks now (a SystemInfo notification arrived, or a request answered 503). */
  checkNow(): void;
  stop(): void;
}

async function readStatus(): Promise<NodeStatusReport | null> {
  try {
    const r = await fetch('/desktop/harness/node-status', { cache: 'no-store' });
    if (!r.ok) return null;
    return (await r.json()) as NodeStatusReport;
  } catch {
    return null;
  }
}

/** Watches this desktop's node; moves the agent to the other node when this one is out of service and that one is not. */
export function watchNode(options: NodeWatchOptions): NodeWatch {
  let stopped = false;
  let checking = false;
  let moving = false;
  const check = async (): Promise<void> => {
    if (stopped || checking || moving) return;
    checking = true;
    try {
      const status = await readStatus();
      if (stopped || status === null) return;
      if (status.systemStatus === 'IN_SERVICE') {
        options.banner(null);
        return;
      }
      if (!status.redirectToAlternateHost || status.alternateHost === null) {
        options.banner(
          `Finesse server ${status.thisNode} is out of service and server ${status.alternateNode} is not available: ` +
            'the desktop waits for a server to come back. Calls in progress continue.',
        );
        return;
      }
      moving = true;
      options.banner(
        `Finesse server ${status.thisNode} is out of service: moving you to server ${status.alternateNode}…`,
      );
      const url = carriedUrl(status.alternateHost, { ...options.signIn, movedFrom: status.thisNode });
      setTimeout(() => {
        if (stopped) return;
        options.beforeMove();
        location.assign(url);
      }, MOVE_DELAY_MS);
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), options.intervalMs ?? 5000);
  void check();
  return {
    checkNow: () => void check(),
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** Shows the banner about this desktop's node (null hides it). */
export function showNodeBanner(text: string | null): void {
  const banner = document.getElementById('node-banner');
  if (!banner) return;
  banner.textContent = text ?? '';
  banner.hidden = text === null;
}

/** Signs in with what the other node's desktop carried, telling the agent why the desktop started again here. */
export async function signInMovedWith(carried: CarriedSignIn, signIn: () => Promise<void>): Promise<void> {
  const note = document.getElementById('node-note');
  const here = carried.movedFrom === 'A' ? 'B' : carried.movedFrom === 'B' ? 'A' : 'the other server';
  const from = carried.movedFrom ? `Finesse server ${carried.movedFrom}` : 'Your Finesse server';
  if (note) {
    note.textContent = `${from} went out of service: the desktop moved you to server ${here}. Signing you in…`;
    note.hidden = false;
  }
  await signIn();
  if (note) note.textContent = `${from} went out of service: the desktop moved you to server ${here}.`;
}

/** On the secondary node the control and customer chat pages are the primary's (they live on its listener only). */
export function pointLinksHome(config: { readonly homeUrl?: string | null }): void {
  const home = config.homeUrl;
  if (!home) return;
  for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="/control"], a[href^="/chat/"]'))) {
    a.href = `${home}${a.getAttribute('href') ?? ''}`;
  }
}
