// Public API of the Finesse REST layer: the client, its error union, the transport port and its two adapters.
export type {
  Accepted,
  CallOptions,
  DialogActionRequest,
  FinesseClient,
  FinesseClientOptions,
  FinesseRequestLog,
  TeamMemberStateChange,
  UserStateChange,
} from './finesse-client.ts';
export { createFinesseClient } from './finesse-client.ts';
export type { FinesseError } from './finesse-error.ts';
export type { FinesseAuth } from './finesse-auth.ts';
export { authorizationHeader } from './finesse-auth.ts';
export type { HttpMethod, HttpRequest, HttpResponse, HttpTransport, TransportFailure } from './http-transport.ts';
export { TransportError, isTransportError } from './http-transport.ts';
export type { FetchLike } from './fetch-transport.ts';
export { fetchTransport } from './fetch-transport.ts';
export type { GadgetsIo, GadgetsIoResponse } from './make-request-transport.ts';
export { makeRequestTransport } from './make-request-transport.ts';
