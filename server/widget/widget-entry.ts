// The widget's script (finesse-blend-chat.js, a classic script): remembers where it was loaded from (the chat
// service's origin, the element's default `service`) and defines <finesse-blend-chat> once.
import { FinesseBlendChat } from './finesse-blend-chat.ts';

const script = document.currentScript;
if (script instanceof HTMLScriptElement && script.src) FinesseBlendChat.defaultService = new URL(script.src).origin;
if (!customElements.get('finesse-blend-chat')) customElements.define('finesse-blend-chat', FinesseBlendChat);

declare global {
  interface HTMLElementTagNameMap {
    'finesse-blend-chat': FinesseBlendChat;
  }
}
