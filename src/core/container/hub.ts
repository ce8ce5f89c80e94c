// The OpenAjax hub as the core sees it: a narrow port, adapted from gadgets.Hub at boot and faked in tests.
import type { Unsubscribe } from '../shared/unsubscribe.ts';

/** Publish/subscribe on the Finesse desktop's OpenAjax hub (payloads are strings or plain objects). */
export interface HubPort {
  subscribe(topic: string, onMessage: (payload: unknown) => void): Unsubscribe;
  publish(topic: string, payload: unknown): void;
}

/** The hub topic Finesse publishes a REST resource's notifications on: /finesse/api/User/1 -> finesse.api.User.1. */
export function topicForNode(node: string): string {
  return node.replace(/^\/+/, '').replace(/\//g, '.');
}
