// The chat channel in the Finesse header, over Cisco's ChannelService: added once with its menu, updated only when
// what the header shows changes, removed when the gadget goes. Menu choices (also the header's ALL_READY and
// ALL_NOT_READY) become the agent's chat-availability intent, answered onSuccess or onError as documented.
import type { AgentIntents, AgentView } from '../app/agent-view.ts';
import {
  headerChannelState,
  headerMenuIntent,
  headerMenuRefusal,
  MENU_AVAILABLE,
  MENU_NOT_READY,
  sameHeaderState,
  type HeaderChannelState,
  type HeaderChannelText,
} from '../app/header-channel.ts';
import type { ChannelCallResult, ChannelService, ChannelStatePayload } from './finesse-library.ts';

/** The gadget's channel id in the header. */
export const CHAT_CHANNEL_ID = 'finesse-blend-chat';
/** How long the header waits for the gadget to answer a menu choice; it answers at once. */
const ACTION_TIMEOUT_SECONDS = 10;

export interface HeaderChannelOptions {
  readonly service: ChannelService;
  readonly say: HeaderChannelText;
  /** Why a menu choice cannot be carried out now, in words, for the header's error. */
  readonly refusal: (reason: 'elsewhere' | 'starting' | 'unknown') => string;
  /** The view now (a menu choice is checked against it). */
  readonly view: () => AgentView;
  readonly onIntent: (detail: AgentIntents['chat-availability']) => void;
  /** The header refused the channel or an update (an older FNC, a schema it does not take). */
  readonly onProblem: (detail: string) => void;
}

export interface HeaderChannel {
  /** Shows this view in the header, if it changes what the header shows. */
  update(view: AgentView): void;
  /** Takes the channel out of the header. */
  remove(): void;
}

function payload(state: HeaderChannelState, service: ChannelService): ChannelStatePayload {
  const badges = service.ICON_BADGE_TYPE;
  return {
    label: state.label,
    currentState: state.currentState,
    iconColor: service.STATE_STATUS[state.status],
    enable: state.enable,
    logoutDisabled: false,
    // The samples set "error" where the constant has no ERROR entry.
    iconBadge: state.badge === 'ERROR' ? (badges.ERROR ?? 'error') : badges.NONE,
    hoverText: state.hoverText,
  };
}

const problemText = (what: string, r: ChannelCallResult): string =>
  `${what}: ${r.error?.errorDesc ?? r.error?.errorCode ?? r.status ?? 'no reason given'}`;

/** Adds the chat channel to the header for the current view and keeps it current. */
export function addHeaderChannel(options: HeaderChannelOptions): HeaderChannel {
  const { service, say } = options;
  let shown: HeaderChannelState = headerChannelState(options.view(), say);
  let latest: HeaderChannelState = shown;
  let added = false;
  let removed = false;

  const send = (): void => {
    if (!added || removed || sameHeaderState(shown, latest)) return;
    shown = latest;
    service.updateChannel(CHAT_CHANNEL_ID, { channelState: payload(latest, service) }, undefined, (r) =>
      options.onProblem(problemText('The header did not take the chat state', r)),
    );
  };

  const answer = (
    channelId: string,
    selectedMenuId: string,
    onSuccess: (r: ChannelCallResult) => void,
    onError: (r: ChannelCallResult) => void,
  ): void => {
    const intent = headerMenuIntent(selectedMenuId);
    const refused = intent === null ? 'unknown' : headerMenuRefusal(options.view());
    if (intent === null || refused !== null) {
      onError({
        channelId,
        status: service.STATUS.FAILURE,
        error: { errorCode: refused ?? 'unknown', errorDesc: options.refusal(refused ?? 'unknown') },
      });
      return;
    }
    options.onIntent(intent);
    onSuccess({ channelId, status: service.STATUS.SUCCESS });
  };

  service.addChannel(
    CHAT_CHANNEL_ID,
    {
      menuConfig: {
        label: say.text('channel'),
        menuItems: [
          { id: MENU_AVAILABLE, label: say.text('menuAvailable'), iconColor: service.STATE_STATUS.AVAILABLE },
          { id: MENU_NOT_READY, label: say.text('menuNotReady'), iconColor: service.STATE_STATUS.UNAVAILABLE },
        ],
      },
      channelConfig: {
        actionTimeoutInSec: ACTION_TIMEOUT_SECONDS,
        icons: [{ type: service.ICON_TYPE.COLLAB_ICON, value: 'Chat' }],
      },
      channelState: payload(shown, service),
    },
    answer,
    () => {
      added = true;
      send();
    },
    (r) => options.onProblem(problemText('The header did not take the chat channel', r)),
  );

  return {
    update(view) {
      latest = headerChannelState(view, say);
      send();
    },
    remove() {
      if (removed) return;
      removed = true;
      service.removeChannel(CHAT_CHANNEL_ID);
    },
  };
}
