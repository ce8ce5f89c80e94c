// XEP-0060 requests the simulator sends, built with strophe's builder (it escapes text and attributes).
// A Finesse notification item carries the <Update> document as escaped text inside
// <notification xmlns="http://jabber.org/protocol/pubsub">, which desktops read with textContent.
import { $iq, type Builder } from 'strophe.js';

export const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';
export const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
const NS_DATA = 'jabber:x:data';

/** Node settings for Finesse feeds: anyone on the server may subscribe, nothing is stored or replayed. */
const NODE_CONFIG: Readonly<Record<string, string>> = {
  'pubsub#access_model': 'open',
  'pubsub#publish_model': 'publishers',
  'pubsub#persist_items': 'false',
  'pubsub#max_items': '1',
  'pubsub#send_last_published_item': 'never',
  'pubsub#deliver_payloads': 'true',
  'pubsub#notification_type': 'headline',
};

/** Creates a node with the Finesse feed configuration. */
export function createNodeIq(service: string, node: string): Builder {
  const iq = $iq({ type: 'set', to: service })
    .c('pubsub', { xmlns: NS_PUBSUB })
    .c('create', { node })
    .up()
    .c('configure');
  iq.c('x', { xmlns: NS_DATA, type: 'submit' });
  iq.c('field', { var: 'FORM_TYPE', type: 'hidden' }).c('value').t(`${NS_PUBSUB}#node_config`).up().up();
  for (const [name, value] of Object.entries(NODE_CONFIG)) iq.c('field', { var: name }).c('value').t(value).up().up();
  return iq;
}

/** Publishes one notification item whose text is `payload` (normally an <Update> document). */
export function publishIq(service: string, node: string, payload: string): Builder {
  return $iq({ type: 'set', to: service })
    .c('pubsub', { xmlns: NS_PUBSUB })
    .c('publish', { node })
    .c('item')
    .c('notification', { xmlns: NS_PUBSUB })
    .t(payload);
}

/** Subscribes `jid` to `node` (the sender must be that JID, or an admin subscribing someone, as Finesse does). */
export function subscribeIq(service: string, node: string, jid: string): Builder {
  return $iq({ type: 'set', to: service }).c('pubsub', { xmlns: NS_PUBSUB }).c('subscribe', { node, jid });
}

/** Reads the (node, payload text) pairs out of a pubsub event message. */
export function notificationsIn(message: Element): Array<{ node: string; payload: string }> {
  const found: Array<{ node: string; payload: string }> = [];
  for (const event of Array.from(message.getElementsByTagNameNS(NS_PUBSUB_EVENT, 'event'))) {
    for (const items of Array.from(event.getElementsByTagNameNS(NS_PUBSUB_EVENT, 'items'))) {
      const node = items.getAttribute('node') ?? '';
      for (const item of Array.from(items.getElementsByTagNameNS(NS_PUBSUB_EVENT, 'item'))) {
        const notification = item.getElementsByTagNameNS(NS_PUBSUB, 'notification')[0];
        if (notification) found.push({ node, payload: notification.textContent ?? '' });
      }
    }
  }
  return found;
}
