// Reading a room's archive (XEP-0313) page by page. The archived messages arrive as separate stanzas before the
// query's answer, so they are collected by query id until the answer says the page is complete.
import type { Result } from '../../result.ts';
import type { ChatLink } from './chat-link.ts';
import type { IqFailure } from './iq-tracker.ts';
import { mamQuery, readArchivedMessage, type ArchivedMessage } from './muc-stanzas.ts';

/** One page of an archive: the query's answer (with its `<fin/>`) and the messages that came with it. */
export interface ArchivePage {
  readonly answer: Result<Element, IqFailure>;
  readonly results: readonly ArchivedMessage[];
}

export class RoomArchive {
  readonly #link: ChatLink;
  readonly #newId: () => string;
  /** Archive results by query id, collected until the query's IQ result arrives. */
  readonly #results = new Map<string, ArchivedMessage[]>();

  constructor(link: ChatLink, newId: () => string) {
    this.#link = link;
    this.#newId = newId;
  }

  /** Asks for the page of `room`'s archive after `afterId` (from the start when null). */
  async page(room: string, afterId: string | null, max: number): Promise<ArchivePage> {
    const queryId = this.#newId();
    this.#results.set(queryId, []);
    const answer = await this.#link.request(mamQuery(room, queryId, afterId, max));
    const results = this.#results.get(queryId) ?? [];
    this.#results.delete(queryId);
    return { answer, results };
  }

  /** Takes a message that is an archive result (true), or leaves it to the caller (false). */
  collect(message: Element): boolean {
    const archived = readArchivedMessage(message);
    if (!archived) return false;
    this.#results.get(archived.queryId)?.push(archived);
    return true;
  }
}
