// The agent gadget's UI strings: English is the default catalogue and its keys are the type every other
// language must fill. `{name}` placeholders are replaced with text (never markup).

const en = {
  'status.connecting': 'Connecting to Finesse…',
  'status.noContainer': 'This gadget runs inside the Finesse desktop: the container gave it no hub or preferences.',

  'state.starting': 'Starting blending…',
  'state.signedOut': 'Signed out: no calls or chats',
  'state.readyBoth': 'Ready for calls and chats',
  'state.readyChatsOnly': 'Ready for chats; voice is {voice}: no calls',
  'state.readyChatsVoiceGoing': 'Ready for chats; voice is {voice}, going back to Ready…',
  'state.readyChatsVoiceFailed': 'Ready for chats; voice is still {voice}: the change to Ready failed',
  'state.handlingVoiceReady': 'Handling {count} of {max} chats; voice is still Ready: calls can come',
  'state.onCall': 'On a call: chats paused',
  'state.handling': 'Handling {count} of {max} chats: Not Ready for calls',
  'state.full': 'Handling {count} of {max} chats: no new chats, Not Ready for calls',
  'state.notReady': 'Not Ready ({reason}): no calls or new chats',
  'state.notReadyChats': 'Not Ready ({reason}): {count} chats continue, no new chats',
  'state.offline': 'Chat offline: calls only',
  'state.holding': 'Holding still: {reason}',
  'state.detail': 'Voice {voice} · Chat {chat} {count}/{max}',
  'state.pending': ' (next: {state})',

  'offer.heading': 'Chat offers',
  'offer.from': 'Chat from {name}',
  'offer.transferred': 'Transferred from agent {agent}',
  'offer.expiresIn': 'Expires in {seconds} s',
  'offer.expired': 'Expiring…',
  'offer.accept': 'Accept',
  'offer.decline': 'Decline',
  'offer.acceptLabel': 'Accept the chat from {name}',
  'offer.declineLabel': 'Decline the chat from {name}',
  'offer.reserving': 'Reserving your phone line…',
  'offer.waiting': 'Waiting for your phone line…',
  'offer.accepting': 'Accepting…',
  'offer.declining': 'Declining…',

  'chats.heading': 'Conversations',
  'chats.none': 'No chats right now.',
  'chats.tabLabel': 'Chat with {name}',
  'chats.unread': '{count} new',
  'chats.typing': '{name} is typing…',
  'chats.composer': 'Message to {name}',
  'chats.placeholder': 'Write a message; Enter sends, Shift+Enter adds a line',
  'chats.send': 'Send',
  'chats.pending': 'sending…',
  'chats.end': 'End chat',
  'chats.transfer': 'Back to queue',
  'chats.close': 'Close',
  'chats.ending': 'Ending…',
  'chats.transferring': 'Handing back…',
  'chats.offline': 'The chat server is not connected: you can write once it is back.',
  'chats.reconnecting': 'Reconnecting to the chat server: messages you send now go out when it is back.',
  'chats.closedByCustomer': 'The customer ended the chat.',
  'chats.closedByAgent': 'You ended the chat.',
  'chats.closedBySystem': 'The chat was ended by the system.',
  'chats.closedTransferred': 'The chat was transferred.',
  'chats.closedReturned': 'The chat went back to the queue.',
  'chats.you': 'You',
  'chats.system': 'System',

  'log.heading': 'Why the gadget did what it did',
  'log.empty': 'No changes yet.',

  'owner.observer': 'Blending for your account runs in another window. This window only shows the state.',
  'owner.useHere': 'Use this window',
  'owner.confirm': 'Take over',
  'owner.cancel': 'Cancel',
  'owner.pending': 'Taking over…',

  'problems.heading': 'Problems',
} as const;

/** Every UI string key; other catalogues must provide the same keys. */
export type MessageKey = keyof typeof en;

/** A catalogue for one language. */
export type Catalogue = Readonly<Record<MessageKey, string>>;

export const ENGLISH: Catalogue = en;

/** Values for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Formats a message: `{name}` placeholders become the given values, as plain text. */
export function formatMessage(catalogue: Catalogue, key: MessageKey, params: MessageParams = {}): string {
  return catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The message in the default (English) catalogue. */
export function t(key: MessageKey, params?: MessageParams): string {
  return formatMessage(ENGLISH, key, params);
}
