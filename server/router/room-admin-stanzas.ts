// XEP-0045 owner and admin requests, which only the router sends: it creates each chat's room, decides who is a
// member, and invites the customer. The gadget only joins and reads rooms (src/core/chat/xmpp/muc-stanzas.ts).
import { $iq, $msg, type Builder } from 'strophe.js';
import { attr, childElement, childElements } from '../../src/core/chat/xmpp/dom-read.ts';
import { NS_DATA, NS_MUC_ADMIN, NS_MUC_OWNER, NS_MUC_USER } from '../../src/core/chat/xmpp/namespaces.ts';

/** One room setting the profile asks for, and the form fields that set it (the standard one first). */
interface RoomSetting {
  readonly what: string;
  readonly vars: readonly string[];
  readonly value: string;
  /** Without it the profile does not hold (privacy, real JIDs, a room that outlives its occupants). */
  readonly required: boolean;
}

function roomSettings(name: string): RoomSetting[] {
  return [
    { what: 'a room title', vars: ['muc#roomconfig_roomname'], value: name, required: false },
    { what: 'persistent rooms', vars: ['muc#roomconfig_persistentroom'], value: '1', required: true },
    { what: 'members-only rooms', vars: ['muc#roomconfig_membersonly'], value: '1', required: true },
    { what: 'real JIDs shown to occupants', vars: ['muc#roomconfig_whois'], value: 'anyone', required: true },
    { what: 'rooms kept out of the room list', vars: ['muc#roomconfig_publicroom'], value: '0', required: false },
    { what: 'no invitations by occupants', vars: ['muc#roomconfig_allowinvites'], value: '0', required: false },
    { what: 'a subject occupants cannot change', vars: ['muc#roomconfig_changesubject'], value: '0', required: false },
    // Prosody's mod_muc_mam names it muc#roomconfig_enablearchiving; ejabberd's mod_muc names it `mam`.
    { what: 'message archiving', vars: ['muc#roomconfig_enablearchiving', 'mam'], value: '1', required: false },
  ];
}

/** Asks a room for its configuration form (XEP-0045 §10.1.3): servers differ in the fields they offer. */
export function roomConfigRequest(room: string): Builder {
  return $iq({ type: 'get', to: room }).c('query', { xmlns: NS_MUC_OWNER });
}

/** The field names of the configuration form in a room's answer, or null when it holds no form. */
export function readRoomConfigFields(answer: Element): Set<string> | null {
  const query = childElement(answer, 'query', NS_MUC_OWNER);
  const form = query && childElement(query, 'x', NS_DATA);
  if (!form) return null;
  return new Set(
    childElements(form, 'field')
      .map((f) => attr(f, 'var'))
      .filter((v): v is string => v !== null),
  );
}

export interface RoomConfigPlan {
  /** The fields to submit: only those the room's form offers (a server may refuse a form with any other). */
  readonly fields: readonly (readonly [string, string])[];
  /** Required settings the form does not offer: the room cannot be used for a chat. */
  readonly missing: readonly string[];
  /** Optional settings the form does not offer (message archiving must then be on by the server's own default). */
  readonly unset: readonly string[];
}

/** Which of the profile's room settings the offered form can carry, and under which field names. */
export function roomConfigPlan(name: string, offered: ReadonlySet<string>): RoomConfigPlan {
  const fields: [string, string][] = [];
  const missing: string[] = [];
  const unset: string[] = [];
  for (const setting of roomSettings(name)) {
    const field = setting.vars.find((v) => offered.has(v));
    if (field) fields.push([field, setting.value]);
    else (setting.required ? missing : unset).push(setting.what);
  }
  return { fields, missing, unset };
}

/** Submits the room configuration (XEP-0045 §10.2) with the fields of a plan. */
export function roomConfigSubmit(room: string, fields: RoomConfigPlan['fields']): Builder {
  const iq = $iq({ type: 'set', to: room })
    .c('query', { xmlns: NS_MUC_OWNER })
    .c('x', { xmlns: NS_DATA, type: 'submit' });
  iq.c('field', { var: 'FORM_TYPE' }).c('value').t('http://jabber.org/protocol/muc#roomconfig').up().up();
  for (const [name_, value] of fields) iq.c('field', { var: name_ }).c('value').t(value).up().up();
  return iq;
}

/** Grants or removes membership (XEP-0045 §9.3/§9.4); removing it removes the occupant from the room. */
export function setAffiliation(room: string, jid: string, affiliation: 'member' | 'none' | 'owner'): Builder {
  return $iq({ type: 'set', to: room }).c('query', { xmlns: NS_MUC_ADMIN }).c('item', { jid, affiliation });
}

/** A mediated invitation (XEP-0045 §7.8.2): the room forwards it to `invitee`. */
export function mediatedInvite(room: string, invitee: string, reason: string): Builder {
  return $msg({ to: room }).c('x', { xmlns: NS_MUC_USER }).c('invite', { to: invitee }).c('reason').t(reason);
}
