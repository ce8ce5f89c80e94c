// The desktop layout (Finesse layout XML) and the OpenAjax topic rules the container's hub follows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultLayoutXml, layoutForRoles, parseLayout, splitGadgetUrl } from '../../../sim/desktop/layout.ts';
import { isPublishTopic, isSubscribeTopic, topicMatches } from '../../../sim/desktop/client/topic-match.ts';

test('agents get the agent layout, supervisors the supervisor layout with its team tab', () => {
  const layouts = parseLayout(defaultLayoutXml('finesse-blend', '/3rdpartygadget/files/finesse-blend/team.xml?x=1'));
  assert.ok(layouts.ok);
  const agent = layoutForRoles(layouts.value, ['Agent']);
  assert.deepEqual(
    agent?.tabs.map((t) => t.label),
    ['Home'],
  );
  assert.deepEqual(agent?.tabs[0]?.gadgets, ['/3rdpartygadget/files/finesse-blend/gadget.xml']);
  const supervisor = layoutForRoles(layouts.value, ['Agent', 'Supervisor']);
  assert.deepEqual(
    supervisor?.tabs.map((t) => t.id),
    ['home', 'team'],
  );
  assert.deepEqual(supervisor?.tabs[1]?.gadgets, ['/3rdpartygadget/files/finesse-blend/team.xml?x=1']);
});

test('a layout gadget URL carries user prefs in its query', () => {
  const { specUrl, prefs } = splitGadgetUrl('/3rdpartygadget/files/x/gadget.xml?maxChats=3&chatService=ws%3A%2F%2Fh');
  assert.equal(specUrl, '/3rdpartygadget/files/x/gadget.xml');
  assert.equal(prefs.get('maxChats'), '3');
  assert.equal(prefs.get('chatService'), 'ws://h');
});

test('a layout without roles is refused with a sentence', () => {
  const r = parseLayout('<finesseLayout><layout><tabs/></layout></finesseLayout>');
  assert.ok(!r.ok && /role/.test(r.error));
});

test('topics: * matches one token, a final ** one or more; publish topics have no wildcards', () => {
  assert.ok(topicMatches('finesse.api.User.1001', 'finesse.api.User.1001'));
  assert.ok(!topicMatches('finesse.api.User.1001', 'finesse.api.User.1001.Dialogs'));
  assert.ok(topicMatches('finesse.api.User.*', 'finesse.api.User.1001'));
  assert.ok(!topicMatches('finesse.api.User.*', 'finesse.api.User.1001.Dialogs'));
  assert.ok(topicMatches('finesse.api.**', 'finesse.api.User.1001.Dialogs'));
  assert.ok(!topicMatches('finesse.api.**', 'finesse.api'));
  assert.ok(isPublishTopic('finesse.info.responses.abc-1'));
  assert.ok(!isPublishTopic('finesse.*.x'));
  assert.ok(!isPublishTopic('a..b'));
  assert.ok(isSubscribeTopic('a.*.c'));
  assert.ok(!isSubscribeTopic('a.**.c'));
});
