// The team view's chat columns over the chat service's team feed (src/core/chat/xmpp/team-feed.ts): each member's
// chat row as the router reports it, in the team model's terms.
import type { XmppTeamFeed } from '../core/chat/xmpp/team-feed.ts';
import { teamChatState } from '../core/chat/xmpp/team-feed.ts';
import type { TeamChatFeed } from './team-model.ts';

/** The TeamChatFeed the team session follows, made from the XMPP team feed. */
export function teamChatFeedOf(feed: XmppTeamFeed): TeamChatFeed {
  return {
    watch: (teamId, onRow, onStatus) =>
      feed.follow(
        teamId,
        (m) =>
          onRow({ agentId: m.agentId, chat: teamChatState(m.state), active: m.active, max: m.max, latest: m.latest }),
        onStatus,
      ),
    decisions: (agentId) => feed.decisions(agentId),
  };
}
