// XEP-0045 rooms and XEP-0313 archives as the chat profile uses them: one members-only, non-anonymous,
// persistent, archived room per chat. Creating and administering rooms is the router's (server/router/room-admin-stanzas.ts).
import { $iq, $pres, type Builder } from 'strophe.js';
import { attr, bareJid, childElement, childElements, firstChildName, jidResource } from './dom-read.ts';
import { NS_DELAY, NS_FORWARD, NS_MAM, NS_MUC, NS_MUC_USER, NS_RSM } from './namespaces.ts';

/** Joins a room; history comes from the archive instead (XEP-0313), so the room sends none. */
export function joinPresence(room: string, nick: string): Builder {
  return $pres({ to: `${room}/${nick}` })
    .c('x', { xmlns: NS_MUC })
    .c('history', { maxstanzas: '0' });
}

export function leavePresence(room: string, nick: string): Builder {
  return $pres({ to: `${room}/${nick}`, type: 'unavailable' });
}

export interface OccupantPresence {
  readonly room: string;
  readonly nick: string;
  /** The occupant's real bare JID (the rooms are non-anonymous). */
  readonly realJid: string | null;
  readonly available: boolean;
  /** Status code 110: this presence is about ourselves. */
  readonly self: boolean;
  /** Status codes 301/307/321/322/332: removed by the room (banned, kicked, affiliation change, shutdown). */
  readonly removed: boolean;
  /** The error condition of a failed join, or null. */
  readonly error: string | null;
}

/** Reads a presence from a room occupant. */
export function readOccupantPresence(presence: Element): OccupantPresence | null {
  const from = presence.getAttribute('from') ?? '';
  const nick = jidResource(from);
  if (!nick) return null;
  const type = presence.getAttribute('type');
  const x = childElement(presence, 'x', NS_MUC_USER);
  const codes = x ? childElements(x, 'status').map((s) => s.getAttribute('code') ?? '') : [];
  const item = x ? childElement(x, 'item') : null;
  const realJid = item ? attr(item, 'jid') : null;
  let error: string | null = null;
  if (type === 'error') {
    const errorEl = childElement(presence, 'error');
    const condition = errorEl ? firstChildName(errorEl) : null;
    error = condition ?? 'undefined-condition';
  }
  return {
    room: bareJid(from),
    nick,
    realJid: realJid ? bareJid(realJid) : null,
    available: type !== 'unavailable' && type !== 'error',
    self: codes.includes('110'),
    removed: ['301', '307', '321', '322', '332'].some((c) => codes.includes(c)),
    error,
  };
}

// ---- archive (XEP-0313 over XEP-0059 paging) ----

/** One page of the room's archive after `afterId` (from the start when null). */
export function mamQuery(room: string, queryId: string, afterId: string | null, max: number): Builder {
  const iq = $iq({ type: 'set', to: room }).c('query', { xmlns: NS_MAM, queryid: queryId }).c('set', { xmlns: NS_RSM });
  iq.c('max').t(String(max)).up();
  if (afterId) iq.c('after').t(afterId).up();
  return iq;
}

export interface ArchivedMessage {
  readonly queryId: string;
  /** The archive id, which is also the room's stanza-id for the message. */
  readonly archiveId: string;
  /** The archived message as the room sent it. */
  readonly message: Element;
  readonly at: number | null;
}

/** Reads a `<result/>` message of an archive query. */
export function readArchivedMessage(message: Element): ArchivedMessage | null {
  const result = childElement(message, 'result', NS_MAM);
  const queryId = result && attr(result, 'queryid');
  const archiveId = result && attr(result, 'id');
  if (!result || !queryId || !archiveId) return null;
  const forwarded = childElement(result, 'forwarded', NS_FORWARD);
  const inner = forwarded && childElement(forwarded, 'message');
  if (!forwarded || !inner) return null;
  const delay = childElement(forwarded, 'delay', NS_DELAY);
  const stamp = delay ? Date.parse(delay.getAttribute('stamp') ?? '') : NaN;
  return { queryId, archiveId, message: inner, at: Number.isNaN(stamp) ? null : stamp };
}

/** Reads the `<fin/>` of an archive query's result: whether it is complete, and the last id of the page. */
export function readMamFin(iq: Element): { complete: boolean; last: string | null } | null {
  const fin = childElement(iq, 'fin', NS_MAM);
  if (!fin) return null;
  const set = childElement(fin, 'set', NS_RSM);
  const last = set ? childElement(set, 'last') : null;
  return { complete: fin.getAttribute('complete') === 'true', last: last ? (last.textContent ?? null) : null };
}

/** The real JID an archived room message carries (non-anonymous rooms), or null. */
export function archivedSenderJid(message: Element): string | null {
  const x = childElement(message, 'x', NS_MUC_USER);
  const item = x ? childElement(x, 'item') : null;
  const jid = item ? attr(item, 'jid') : null;
  return jid ? bareJid(jid) : null;
}
