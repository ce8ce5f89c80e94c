// The chat profile's core flows against ejabberd (Debian's package): the profile works on any standard XMPP
// server, not only on the Prosody the detailed tests use.
import { startEjabberd } from '../xmpp-servers/start-ejabberd.ts';
import { chatSmokeTests } from './chat-smoke.ts';

chatSmokeTests(() => startEjabberd());
