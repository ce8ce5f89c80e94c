// The header channel's words (src/app/header-channel.ts asks for them by key) from the message catalogue.
// Pure, no Lit: boot hands it to the application layer as it hands the router's words.
import type { HeaderChannelText, HeaderTextKey } from '../app/header-channel.ts';
import { causeText } from './cause-text.ts';
import { language, type MessageKey } from './messages.ts';
import type { Translator } from './i18n/translator.ts';

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

/** The header channel's words in one language: the agent's (chosen at boot) unless given. */
export function headerChannelText(words: Translator = language()): HeaderChannelText {
  const causes = causeText(words);
  return {
    text: (key, params) => words.t(KEYS[key], params),
    chatCause: (cause) => causes.chat(cause),
  };
}
