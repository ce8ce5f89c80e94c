// The same smoke scenario as chat-smoke-ejabberd.test.ts, against Prosody: a failure only on one server is a
// difference between servers, not a fault of the scenario.
import { startProsody } from '../../../sim/prosody/start-prosody.ts';
import { chatSmokeTests } from './chat-smoke.ts';

chatSmokeTests(() => startProsody({ chat: true }));
