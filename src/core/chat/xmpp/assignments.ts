// After a fresh session (sign-in, reload, hand-over, reconnect without resumption) the router says which chats and
// offers are this agent's. Its list wins over what the channel held, except for what arrived after the question was
// asked: that is newer than the answer.
import type { OfferBook } from './offer-book.ts';
import type { AssignmentList } from './profile/shared.ts';
import type { RoomSessions } from './room-sessions.ts';

/** Brings sessions and offers in line with the router's list; `asked` is the sequence number of the question. */
export function applyAssignments(list: AssignmentList, asked: number, sessions: RoomSessions, offers: OfferBook): void {
  const listed = new Set(list.chats.map((c) => c.chatId));
  for (const session of sessions.all()) {
    if (!listed.has(session.chatId) && session.sequence < asked) session.close('returned-to-queue', false);
  }
  for (const chat of list.chats) {
    if (!sessions.has(chat.chatId)) sessions.start(chat, chat.room);
  }
  const offered = new Set(list.offers.map((o) => o.chatId));
  for (const booked of offers.all()) {
    if (!offered.has(booked.offer.chatId) && booked.sequence < asked) offers.remove(booked.offer.chatId, 'revoked');
  }
  for (const offer of list.offers) if (!sessions.has(offer.chatId)) offers.add(offer);
}
