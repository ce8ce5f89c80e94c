import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../../src/core/result.ts';
import type { ApiError, ParseError } from '../../../src/core/finesse/types.ts';
import * as xml from '../../../src/core/finesse/xml/index.ts';
import { readFixture } from '../../fixtures/finesse/fixture-files.ts';

interface RoundTrip {
  readonly first: Result<unknown, ParseError>;
  readonly written: string;
  readonly second: Result<unknown, ParseError>;
}

/** Parses, writes back, and parses again with one parser/serializer pair. */
function codec<T>(parse: (text: string) => Result<T, ParseError>, write: (value: T) => string) {
  return (text: string): RoundTrip => {
    const first = parse(text);
    if (!first.ok) return { first, written: '', second: first };
    const written = write(first.value);
    return { first, written, second: parse(written) };
  };
}

const user = codec(xml.parseUser, xml.userToXml);
const dialog = codec(xml.parseDialog, xml.dialogToXml);
const dialogs = codec(xml.parseDialogs, xml.dialogsToXml);
const reasonCodes = codec(xml.parseReasonCodes, xml.reasonCodesToXml);
const team = codec(xml.parseTeam, xml.teamToXml);
const systemInfo = codec(xml.parseSystemInfo, xml.systemInfoToXml);
const syncErrors = codec(xml.parseApiErrors, (errors: readonly ApiError[]) =>
  xml.apiErrorsToXml(errors, { form: 'sync' }),
);
const asyncErrors = codec(xml.parseApiErrors, (errors: readonly ApiError[]) =>
  xml.apiErrorsToXml(errors, { form: 'async' }),
);
const update = codec(xml.parseUpdate, xml.updateToXml);
// A team member's <user> is told from the agent's own by the node it arrived on.
const teamUpdate = codec(
  (text: string) => xml.parseUpdate(text, { node: '/finesse/api/Team/2001/Users' }),
  xml.updateToXml,
);
const userRequest = codec(xml.parseUserRequest, xml.userRequestToXml);
const dialogRequest = codec(xml.parseDialogRequest, xml.dialogRequestToXml);

// Every valid fixture, with the parser that reads it and the serializer that writes it back.
const FIXTURES: ReadonlyArray<readonly [string, (text: string) => RoundTrip]> = [
  ['user-ucce-agent.xml', user],
  ['user-ucce-supervisor.xml', user],
  ['user-uccx-agent.xml', user],
  ['user-uccx-supervisor-forced.xml', user],
  ['user-numeric-strings.xml', user],
  ['dialogs-ucce-call-types.xml', dialogs],
  ['dialogs-one.xml', dialogs],
  ['dialogs-empty.xml', dialogs],
  ['dialog-single-everything.xml', dialog],
  ['reason-codes-not-ready.xml', reasonCodes],
  ['reason-codes-logout-one.xml', reasonCodes],
  ['reason-codes-empty.xml', reasonCodes],
  ['team-ucce.xml', team],
  ['team-one-member.xml', team],
  ['system-info-ucce.xml', systemInfo],
  ['system-info-uccx.xml', systemInfo],
  ['system-info-out-of-service-single-node.xml', systemInfo],
  ['api-errors-sync.xml', syncErrors],
  ['api-errors-sync-two.xml', syncErrors],
  ['api-errors-async.xml', asyncErrors],
  ['update-user-put.xml', update],
  ['update-user-doc-sample.xml', update],
  ['update-lowercase-dialogs-post.xml', update],
  ['update-dialogs-delete.xml', update],
  ['update-dialog-put.xml', update],
  ['update-team-user.xml', teamUpdate],
  ['update-team.xml', update],
  ['update-system-info.xml', update],
  ['update-api-errors-cf-invalid-object-state.xml', update],
  ['update-dialog-cti-error.xml', update],
  ['update-unknown-root.xml', update],
  ['update-user-deleted-no-data.xml', update],
  ['request-user-not-ready.xml', userRequest],
  ['request-user-login.xml', userRequest],
  ['request-dialog-answer.xml', dialogRequest],
  ['request-dialog-make-call.xml', dialogRequest],
  ['request-dialog-consult.xml', dialogRequest],
  ['request-dialog-wrap-up.xml', dialogRequest],
];

describe('every fixture round-trips: parse(serialize(parse(fixture))) equals parse(fixture)', () => {
  for (const [file, roundTrip] of FIXTURES) {
    it(file, () => {
      const { first, written, second } = roundTrip(readFixture(file));
      assert.ok(first.ok, first.ok ? '' : `${first.error.code}: ${first.error.message}`);
      assert.ok(second.ok, second.ok ? '' : `${second.error.code}: ${second.error.message}\n${written}`);
      assert.deepEqual(second.value, first.value);
    });
  }
});
