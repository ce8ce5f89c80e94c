// The XML namespaces of the chat profile (docs/xmpp-chat-profile.md) and of the XEPs it uses.

/** This project's own elements: availability, offers, answers, queue and room notices. */
export const NS_CHAT = 'urn:finesse-blend:chat:0';
/** FORM_TYPE of the pre-chat form (customer -> router) and of the context in an offer. */
export const PRECHAT_FORM_TYPE = `${NS_CHAT}#prechat`;

export const NS_DATA = 'jabber:x:data'; // XEP-0004
export const NS_MUC = 'http://jabber.org/protocol/muc'; // XEP-0045
export const NS_MUC_USER = 'http://jabber.org/protocol/muc#user';
export const NS_MUC_ADMIN = 'http://jabber.org/protocol/muc#admin';
export const NS_MUC_OWNER = 'http://jabber.org/protocol/muc#owner';
export const NS_SID = 'urn:xmpp:sid:0'; // XEP-0359
export const NS_CHATSTATES = 'http://jabber.org/protocol/chatstates'; // XEP-0085
export const NS_MAM = 'urn:xmpp:mam:2'; // XEP-0313
export const NS_RSM = 'http://jabber.org/protocol/rsm'; // XEP-0059
export const NS_FORWARD = 'urn:xmpp:forward:0'; // XEP-0297
export const NS_DELAY = 'urn:xmpp:delay'; // XEP-0203
export const NS_HINTS = 'urn:xmpp:hints'; // XEP-0334
export const NS_STANZAS = 'urn:ietf:params:xml:ns:xmpp-stanzas';
