// The desktop layout, in the shape of Finesse's layout XML (<finesseLayout><layout><role/><tabs><tab>...):
// which gadgets appear on which tab for agents and for supervisors. A gadget URL's query carries its user prefs.
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { err, ok, type Result } from '../../src/core/result.ts';
import { hasDoctype } from './gadget-spec.ts';

export interface LayoutTab {
  readonly id: string;
  readonly label: string;
  /** Gadget spec URLs, each with its user prefs in the query (…/gadget.xml?maxChats=3). */
  readonly gadgets: readonly string[];
}

export interface RoleLayout {
  readonly role: 'Agent' | 'Supervisor';
  readonly tabs: readonly LayoutTab[];
}

/** Labels Finesse's stock layout uses as message keys, shown as the desktop shows them. */
const KNOWN_LABELS: Readonly<Record<string, string>> = {
  'finesse.container.tabs.agent.homeLabel': 'Home',
  'finesse.container.tabs.agent.myStatisticsLabel': 'My Statistics',
  'finesse.container.tabs.supervisor.teamDataLabel': 'Team Data',
  'finesse.container.tabs.supervisor.queueDataLabel': 'Queue Data',
  'finesse.container.tabs.supervisor.manageTeamLabel': 'Manage Team',
};

/**
 * The layout `npm start` uses: the product gadget for agents; supervisors also get a team tab. `agentPrefs`
 * go into the product gadget's URL query (e.g. chatService, chatRouter); the desktop hands them on as up_ prefs.
 * The team gadget gets the chat ones (chatService, chatRouter) for its team feed.
 */
export function defaultLayoutXml(
  folder = 'finesse-blend',
  teamGadget: string | null = null,
  agentPrefs: Readonly<Record<string, string>> = {},
): string {
  const query = new URLSearchParams(agentPrefs).toString();
  // The query's '&' separators must be escaped in XML text; URLSearchParams already percent-encodes the values.
  const agentGadget = `/3rdpartygadget/files/${folder}/gadget.xml${query ? `?${query.replace(/&/g, '&amp;')}` : ''}`;
  // The team gadget signs in to the chat service as the agent gadget does: the same chat prefs.
  const chatQuery = new URLSearchParams(
    Object.entries(agentPrefs).filter(([name]) => name === 'chatService' || name === 'chatRouter'),
  ).toString();
  const team = teamGadget
    ? `<gadget>${teamGadget}${chatQuery ? `?${chatQuery.replace(/&/g, '&amp;')}` : ''}</gadget>`
    : '';
  const home = `<tab><id>home</id><label>finesse.container.tabs.agent.homeLabel</label>
      <columns><column><gadgets><gadget>${agentGadget}</gadget></gadgets></column></columns></tab>`;
  return `<finesseLayout xmlns="http://www.cisco.com/vtg/finesse">
  <layout><role>Agent</role><tabs>${home}</tabs></layout>
  <layout><role>Supervisor</role><tabs>${home}
    <tab><id>team</id><label>Team</label><columns><column><gadgets>${team}</gadgets></column></columns></tab>
  </tabs></layout>
</finesseLayout>`;
}

/** Reads a Finesse layout XML; a layout without roles is rejected with a sentence saying so. */
export function parseLayout(xml: string): Result<readonly RoleLayout[], string> {
  if (hasDoctype(xml)) return err('The layout XML has a DOCTYPE.');
  const problems: string[] = [];
  let root: XmlElement | null;
  try {
    root = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(xml, 'text/xml').documentElement;
  } catch (e) {
    return err(`The layout XML is not well-formed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (problems.length > 0 || !root) return err(`The layout XML is not well-formed: ${problems[0] ?? 'no root'}`);
  const layouts: RoleLayout[] = [];
  for (const layout of descendants(root, 'layout')) {
    const role = text(descendants(layout, 'role')[0]);
    if (role !== 'Agent' && role !== 'Supervisor') continue;
    const tabs = descendants(layout, 'tab').map((tab) => {
      const label = text(descendants(tab, 'label')[0]);
      return {
        id: text(descendants(tab, 'id')[0]),
        label: KNOWN_LABELS[label] ?? label,
        gadgets: descendants(tab, 'gadget').map(text).filter(Boolean),
      };
    });
    layouts.push({ role, tabs });
  }
  if (layouts.length === 0)
    return err('The layout XML has no <layout> with <role>Agent</role> or <role>Supervisor</role>.');
  return ok(layouts);
}

/** Supervisors get the supervisor layout when there is one; everyone else the agent layout. */
export function layoutForRoles(layouts: readonly RoleLayout[], roles: readonly string[]): RoleLayout | null {
  const wanted = roles.includes('Supervisor') ? 'Supervisor' : 'Agent';
  return layouts.find((l) => l.role === wanted) ?? layouts.find((l) => l.role === 'Agent') ?? null;
}

/** Splits a layout gadget URL into the spec URL and the user prefs its query sets. */
export function splitGadgetUrl(layoutUrl: string): {
  readonly specUrl: string;
  readonly prefs: ReadonlyMap<string, string>;
} {
  const q = layoutUrl.indexOf('?');
  if (q < 0) return { specUrl: layoutUrl, prefs: new Map() };
  return { specUrl: layoutUrl.slice(0, q), prefs: new Map(new URLSearchParams(layoutUrl.slice(q + 1))) };
}

function descendants(parent: XmlElement, name: string): XmlElement[] {
  return Array.from(parent.getElementsByTagName('*')).filter(
    (e) => (e as XmlElement).localName === name,
  ) as XmlElement[];
}

function text(e: XmlElement | undefined): string {
  return (e?.textContent ?? '').trim();
}
