import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topicForNode } from '../../src/core/container/hub.ts';

test('a REST node maps to the hub topic Finesse publishes it on', () => {
  assert.equal(topicForNode('/finesse/api/User/1001001'), 'finesse.api.User.1001001');
  assert.equal(topicForNode('/finesse/api/User/1001001/Dialogs'), 'finesse.api.User.1001001.Dialogs');
  assert.equal(topicForNode('/finesse/api/Team/7/Users'), 'finesse.api.Team.7.Users');
});
