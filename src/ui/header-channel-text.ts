// The header channel's words (src/app/header-channel.ts asks for them by key) from the message catalogue.
// Pure, no Lit: boot hands it to the application layer as it hands the router's words.
import type { HeaderChannelText, HeaderTextKey } from '../app/header-channel.ts';
import { causeText } from './cause-text.ts';
import { ENGLISH, formatMessage, type Catalogue, type MessageKey } from './messages.ts';

const KEYS: Readonly<Record<HeaderTextKey, MessageKey>> = {
  channel: 'header.channel',
  starting: 'header.starting',
  ready: 'header.ready',
  handling: 'header.handling',
  full: 'header.full',
  paused: 'header.paused',
  notReady: 'header.notReady',
  offline: 'header.offline',
  hover: 'header.hover',
  elsewhere: 'header.elsewhere',
  menuAvailable: 'header.menuAvailable',
  menuNotReady: 'header.menuNotReady',
};

/** The header channel's words in one catalogue. */
export function headerChannelText(catalogue: Catalogue = ENGLISH): HeaderChannelText {
  const causes = causeText(catalogue);
  return {
    text: (key, params) => formatMessage(catalogue, KEYS[key], params),
    chatCause: (cause) => causes.chat(cause),
  };
}
