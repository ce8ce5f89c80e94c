import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTransportError } from '../../../src/core/finesse/rest/http-transport.ts';
import {
  makeRequestTransport,
  type GadgetsIo,
  type GadgetsIoResponse,
} from '../../../src/core/finesse/rest/make-request-transport.ts';

interface Call {
  url: string;
  params: Record<string, unknown>;
  respond: (response: GadgetsIoResponse) => void;
}

/**
 * A stand-in for Shindig's gadgets.io: the constants have Shindig's values, and makeRequest records the call and
 * lets the test answer it the way Shindig's callback does ({ data, text, rc, errors, headers }).
 */
function fakeGadgetsIo(): { io: GadgetsIo; calls: Call[] } {
  const calls: Call[] = [];
  const io: GadgetsIo = {
    makeRequest(url, callback, params) {
      calls.push({ url, params, respond: callback });
    },
    RequestParameters: {
      METHOD: 'METHOD',
      HEADERS: 'HEADERS',
      POST_DATA: 'POST_DATA',
      CONTENT_TYPE: 'CONTENT_TYPE',
      AUTHORIZATION: 'AUTHORIZATION',
      REFRESH_INTERVAL: 'REFRESH_INTERVAL',
    },
    MethodType: { GET: 'GET', POST: 'POST', PUT: 'PUT', DELETE: 'DELETE' },
    ContentType: { TEXT: 'TEXT' },
    AuthorizationType: { NONE: 'NONE' },
  };
  return { io, calls };
}

test('a PUT goes to makeRequest with method, headers, body, text content, no container auth and no caching', async () => {
  const { io, calls } = fakeGadgetsIo();
  const answer = makeRequestTransport(io).request({
    method: 'PUT',
    url: 'https://finesse.example.com/finesse/api/User/1001',
    headers: { 'Content-Type': 'application/xml', requestId: 'r-9' },
    body: '<User><state>NOT_READY</state></User>',
    timeoutMs: 5000,
  });
  const call = calls[0];
  assert.ok(call);
  assert.equal(call.url, 'https://finesse.example.com/finesse/api/User/1001');
  assert.deepEqual(call.params, {
    METHOD: 'PUT',
    HEADERS: { 'Content-Type': 'application/xml', requestId: 'r-9' },
    POST_DATA: '<User><state>NOT_READY</state></User>',
    CONTENT_TYPE: 'TEXT',
    AUTHORIZATION: 'NONE',
    REFRESH_INTERVAL: 0,
  });
  call.respond({ rc: 202, text: '', data: '', errors: [], headers: { 'Content-Length': ['0'] } });
  assert.deepEqual(await answer, { status: 202, headers: { 'content-length': '0' }, body: '' });
});

test('a GET carries no POST_DATA and returns the text body', async () => {
  const { io, calls } = fakeGadgetsIo();
  const answer = makeRequestTransport(io).request({
    method: 'GET',
    url: '/finesse/api/SystemInfo',
    headers: {},
    timeoutMs: 5000,
  });
  assert.equal('POST_DATA' in (calls[0]?.params ?? {}), false);
  calls[0]?.respond({ rc: 200, text: '<SystemInfo/>', data: '<SystemInfo/>', errors: [] });
  assert.deepEqual(await answer, { status: 200, headers: {}, body: '<SystemInfo/>' });
});

test("an error status from Shindig's callback (errors filled) is an answer, not a rejection", async () => {
  const { io, calls } = fakeGadgetsIo();
  const answer = makeRequestTransport(io).request({
    method: 'PUT',
    url: '/x',
    headers: {},
    body: '<User/>',
    timeoutMs: 5000,
  });
  calls[0]?.respond({ rc: 400, text: '<ApiErrors/>', errors: ['400 Error'] });
  const response = await answer;
  assert.equal(response.status, 400);
  assert.equal(response.body, '<ApiErrors/>');
});

test('rc 0 (no answer from the proxy) is a network failure', async () => {
  const { io, calls } = fakeGadgetsIo();
  const answer = makeRequestTransport(io).request({ method: 'GET', url: '/x', headers: {}, timeoutMs: 5000 });
  calls[0]?.respond({ rc: 0, errors: ['0 Error not specified'] });
  await assert.rejects(answer, (e: unknown) => isTransportError(e) && e.failure === 'network');
});

test('a missing rc means success, as in Shindig', async () => {
  const { io, calls } = fakeGadgetsIo();
  const answer = makeRequestTransport(io).request({ method: 'GET', url: '/x', headers: {}, timeoutMs: 5000 });
  calls[0]?.respond({ text: '<Team/>' });
  assert.equal((await answer).status, 200);
});

test('no callback within the time limit is a timeout, and a late callback is ignored', async () => {
  const { io, calls } = fakeGadgetsIo();
  const answer = makeRequestTransport(io).request({ method: 'GET', url: '/x', headers: {}, timeoutMs: 30 });
  await assert.rejects(answer, (e: unknown) => isTransportError(e) && e.failure === 'timeout');
  assert.doesNotThrow(() => calls[0]?.respond({ rc: 200, text: 'late' }));
});

test("the caller's signal ends the request as aborted", async () => {
  const { io } = fakeGadgetsIo();
  const controller = new AbortController();
  const answer = makeRequestTransport(io).request({
    method: 'GET',
    url: '/x',
    headers: {},
    timeoutMs: 5000,
    signal: controller.signal,
  });
  controller.abort();
  await assert.rejects(answer, (e: unknown) => isTransportError(e) && e.failure === 'aborted');
});

test('makeRequest throwing (container not ready) is a network failure, not an exception', async () => {
  const { io } = fakeGadgetsIo();
  const broken: GadgetsIo = {
    ...io,
    makeRequest: () => {
      throw new Error('gadgets.io not initialised');
    },
  };
  await assert.rejects(
    makeRequestTransport(broken).request({ method: 'GET', url: '/x', headers: {}, timeoutMs: 5000 }),
    (e: unknown) => isTransportError(e) && e.failure === 'network',
  );
});
