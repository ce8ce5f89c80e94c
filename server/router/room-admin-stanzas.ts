// XEP-0045 owner and admin requests, which only the router sends: it creates each chat's room, decides who is a
// member, and invites the customer. The gadget only joins and reads rooms (src/core/chat/xmpp/muc-stanzas.ts).
import { $iq, $msg, type Builder } from 'strophe.js';
import { NS_DATA, NS_MUC_ADMIN, NS_MUC_OWNER, NS_MUC_USER } from '../../src/core/chat/xmpp/namespaces.ts';

/** Submits the room configuration the profile needs (XEP-0045 §10.2). */
export function roomConfigSubmit(room: string, name: string): Builder {
  const fields: [string, string][] = [
    ['FORM_TYPE', 'http://jabber.org/protocol/muc#roomconfig'],
    ['muc#roomconfig_roomname', name],
    ['muc#roomconfig_persistentroom', '1'],
    ['muc#roomconfig_membersonly', '1'],
    ['muc#roomconfig_whois', 'anyone'],
    ['muc#roomconfig_publicroom', '0'],
    ['muc#roomconfig_allowinvites', '0'],
    ['muc#roomconfig_changesubject', '0'],
    ['muc#roomconfig_enablearchiving', '1'],
  ];
  const iq = $iq({ type: 'set', to: room })
    .c('query', { xmlns: NS_MUC_OWNER })
    .c('x', { xmlns: NS_DATA, type: 'submit' });
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
