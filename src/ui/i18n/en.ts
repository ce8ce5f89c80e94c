// The English catalogue: the source of every message key. Its keys are the type every other catalogue must fill
// (src/ui/i18n/catalogue.ts); a key added here without a translation fails typecheck and test/node/i18n.
// `{name}` placeholders are filled with plain text; a plural message is a pair of keys `<base>.one` and
// `<base>.other`, chosen by the active language's plural rules (src/ui/i18n/plural.ts).

export const en = {
  'status.connecting': 'Connecting to Finesse…',
  'status.noContainer': 'This gadget runs inside the Finesse desktop: the container gave it no hub or preferences.',

  // The gadget XML's <Locale> bundles (generated from these at build time: scripts/gadget-bundles.ts).
  'gadget.title': 'Chat and Voice',
  'gadget.description': 'Handle chats and voice calls from one desktop, with media blending.',
  'gadget.pref.maxChats': 'Most chats at once',
  'gadget.pref.handlingChatReason': 'Not Ready reason while handling chats',
  'gadget.pref.chatService': 'Chat server address: WebSocket, BOSH, or both separated by a space',
  'gadget.pref.chatRouter': 'Chat router address (full JID)',
  'gadget.pref.offerSound': 'Chime for a chat offer while the gadget is out of sight',
  'gadget.pref.desktopNotifications': 'Desktop notification for a chat offer while the desktop is out of sight',
  'gadget.pref.autoAccept': 'Accept chat offers without waiting for the agent',

  // Configuration problems (src/core/container/gadget-config.ts), for the administrator: for each kind, what is
  // wrong (`config.<kind>`) and how to fix it (`config.<kind>.fix`); {example} is a gadget URL with the pref set.
  'config.authorization': 'The Finesse desktop gave the gadget no credentials ("authorization" or "authToken").',
  'config.authorization.fix':
    "Open the gadget from the Finesse desktop: add it to the desktop layout in the Finesse administration console (Desktop Layout). The desktop gives the credentials; they are never set in the gadget's URL.",
  'config.authorization.malformed':
    'The credentials the desktop gave ("authorization") are not the base64 "id:password" Finesse gives, so Finesse would refuse every request.',
  'config.authorization.malformed.fix':
    'Sign out of the Finesse desktop and sign in again. If it stays, remove any "authorization" from the gadget\'s URL in the desktop layout and check that no proxy rewrites the gadget\'s address.',
  'config.id':
    'The Finesse desktop did not tell the gadget who is signed in: no "id", and the credentials do not name the agent.',
  'config.id.fix':
    'Open the gadget from the Finesse desktop layout (Desktop Layout in the Finesse administration console), not as a page of its own.',
  'config.host': 'The Finesse desktop did not give the gadget its server name ("host").',
  'config.host.fix':
    'Open the gadget from the Finesse desktop layout (Desktop Layout in the Finesse administration console), not as a page of its own.',
  'config.scheme': 'The scheme "{value}" is neither http nor https.',
  'config.scheme.fix':
    'The Finesse desktop gives it: remove "scheme" from the gadget\'s URL in the desktop layout if it is there, and open the gadget from the Finesse desktop.',
  'config.maxChats': 'maxChats is "{value}", which is not a whole number from 1 to {limit}.',
  'config.maxChats.fix':
    "Set a whole number from 1 to {limit} in the gadget's URL in the desktop layout (Finesse administration console, Desktop Layout), for example {example}",
  'config.flag':
    '{pref} is "{value}", which is neither true nor false: the gadget uses its default, {fallback}, meanwhile.',
  'config.flag.fix':
    "Set true or false in the gadget's URL in the desktop layout (Finesse administration console, Desktop Layout), for example {example}",
  'config.flag.true': 'true',
  'config.flag.false': 'false',
  'config.chatService.notAddress': 'chatService has "{value}", which is not a ws(s):// or http(s):// address.',
  'config.chatService.notAddress.fix':
    "Set the chat server's WebSocket address (wss://host:port/path), its BOSH address (https://host:port/http-bind), or both separated by a space, in the gadget's URL in the desktop layout, for example {example}",
  'config.chatService.twoWebSocket': 'chatService names more than one WebSocket address.',
  'config.chatService.twoWebSocket.fix':
    "Keep one WebSocket address, one BOSH address, or one of each separated by a space, in the gadget's URL in the desktop layout, for example {example}",
  'config.chatService.twoBosh': 'chatService names more than one BOSH address.',
  'config.chatService.twoBosh.fix':
    "Keep one WebSocket address, one BOSH address, or one of each separated by a space, in the gadget's URL in the desktop layout, for example {example}",
  'config.chatService.insecure':
    'The chat address "{value}" is not encrypted (ws: or http:) while the desktop runs on https: the browser blocks it.',
  'config.chatService.insecure.fix':
    "Use the chat server's wss:// (WebSocket) or https:// (BOSH) address in the gadget's URL in the desktop layout, for example {example}",
  'config.chatRouter': 'chatRouter is "{value}", which is not a full JID (name@domain/resource).',
  'config.chatRouter.fix':
    "Set the chat router's full JID in the gadget's URL in the desktop layout (Finesse administration console, Desktop Layout), for example {example}",
  'config.chat.routerMissing': 'chatService is set ("{value}") but chatRouter is not: chat needs both.',
  'config.chat.routerMissing.fix':
    "Add chatRouter, the chat router's full JID, to the gadget's URL in the desktop layout, for example {example}, or remove chatService for a gadget without chat.",
  'config.chat.serviceMissing': 'chatRouter is set ("{value}") but chatService is not: chat needs both.',
  'config.chat.serviceMissing.fix':
    "Add chatService, the chat server's address, to the gadget's URL in the desktop layout, for example {example}, or remove chatRouter for a gadget without chat.",
  'config.xmppDomain':
    'Chat is set up, but the Finesse desktop gave the gadget no XMPP domain ("xmppDomain") to sign in to chat on.',
  'config.xmppDomain.fix':
    "The desktop gives it from Finesse's own settings: open the gadget from the Finesse desktop; if it stays, have the Finesse administrator check the XMPP domain Finesse reports in SystemInfo.",
  'config.handlingChatReason.code':
    'handlingChatReason is "{value}", which is no Not Ready reason code: Finesse codes run from 1 to {limit} (1 to 999 on Unified CCX).',
  'config.handlingChatReason.code.fix':
    "Set the code or the label of the Not Ready reason for chats (Finesse administration console, Reasons) in the gadget's URL in the desktop layout, for example {example}",
  'config.handlingChatReason.label':
    'handlingChatReason is "{value}", longer than the {limit} characters Finesse allows a reason label.',
  'config.handlingChatReason.label.fix':
    "Set the label or the code of the Not Ready reason for chats, exactly as the Finesse administration console (Reasons) shows it, in the gadget's URL in the desktop layout, for example {example}",
  // The panel that lists them (src/ui/config-problems.ts).
  'config.heading.error': 'This gadget cannot start: its preferences need fixing',
  'config.heading.warning': 'Some preferences of this gadget have bad values',
  'config.intro.error':
    'An administrator fixes these in the Finesse administration console. Calls and the Finesse header work as usual meanwhile.',
  'config.intro.warning':
    'The gadget works, using defaults for these. An administrator fixes them in the Finesse administration console.',
  'config.severity.error': 'Stops the gadget',
  'config.severity.warning': 'Warning',
  'config.found': 'Value found:',
  'config.found.unset': 'not set',
  'config.found.hidden': 'not shown (a credential)',
  'config.fix': 'To fix:',
  'config.dismiss': 'Dismiss',

  'state.starting': 'Starting blending…',
  'state.signedOut': 'Signed out: no calls or chats',
  'state.readyBoth': 'Ready for calls and chats',
  'state.readyChatsOnly': 'Ready for chats; voice is {voice}: no calls',
  'state.readyChatsVoiceGoing': 'Ready for chats; voice is {voice}, going back to Ready…',
  'state.readyChatsVoiceFailed': 'Ready for chats; voice is still {voice}: the change to Ready failed',
  'state.handlingVoiceReady': 'Handling {count} of {max} chats; voice is still Ready: calls can come',
  'state.onCall': 'On a call: chats paused',
  'state.handling': 'Handling {count} of {max} chats: Not Ready for calls',
  'state.full': 'Handling {count} of {max} chats: no new chats, Not Ready for calls',
  'state.notReady': 'Not Ready ({reason}): no calls or new chats',
  'state.notReadyChats.one': 'Not Ready ({reason}): {count} chat continues, no new chats',
  'state.notReadyChats.other': 'Not Ready ({reason}): {count} chats continue, no new chats',
  'state.offline': 'Chat offline: calls only',
  'state.holding': 'Holding still: {reason}',
  'state.detail': 'Voice {voice} · Chat {chat} {count}/{max}',
  'state.pending': ' (next: {state})',

  // Finesse's voice states in words, as agents know them from the desktop header.
  'voiceState.LOGIN': 'Signing in',
  'voiceState.LOGOUT': 'Signed out',
  'voiceState.NOT_READY': 'Not Ready',
  'voiceState.NOT_READY.reason': 'Not Ready ({reason})',
  'voiceState.READY': 'Ready',
  'voiceState.RESERVED': 'Reserved',
  'voiceState.RESERVED_OUTBOUND': 'Reserved (outbound)',
  'voiceState.RESERVED_OUTBOUND_PREVIEW': 'Reserved (preview)',
  'voiceState.TALKING': 'Talking',
  'voiceState.HOLD': 'On hold',
  'voiceState.WORK': 'Wrap-up',
  'voiceState.WORK_READY': 'Wrap-up',
  'voiceState.UNKNOWN': 'Unknown',

  'offer.heading': 'Chat offers',
  'offer.from': 'Chat from {name}',
  'offer.transferred': 'Transferred from agent {agent}',
  'offer.expiresIn': 'Expires in {seconds} s',
  'offer.expired': 'Expiring…',
  'offer.accept': 'Accept',
  'offer.decline': 'Decline',
  'offer.acceptLabel': 'Accept the chat from {name}',
  'offer.declineLabel': 'Decline the chat from {name}',
  'offer.reserving': 'Reserving your phone line…',
  'offer.waiting': 'Waiting for your phone line…',
  'offer.accepting': 'Accepting…',
  'offer.declining': 'Declining…',

  'chats.heading': 'Conversations',
  'chats.none': 'No chats right now.',
  'chats.tabLabel': 'Chat with {name}',
  'chats.typing': '{name} is typing…',
  'chats.composer': 'Message to {name}',
  'chats.placeholder': 'Write a message; Enter sends, Shift+Enter adds a line',
  'chats.send': 'Send',
  'chats.pending': 'sending…',
  'chats.end': 'End chat',
  'chats.transfer': 'Back to queue',
  'chats.close': 'Close',
  'chats.ending': 'Ending…',
  'chats.transferring': 'Handing back…',
  'chats.transferQueue': 'Transfer to another queue',
  'chats.transferPick': 'Choose a queue…',
  'chats.transferSend': 'Transfer',
  'chats.offline': 'The chat server is not connected: you can write once it is back.',
  'chats.reconnecting': 'Reconnecting to the chat server: messages you send now go out when it is back.',
  'chats.closedByCustomer': 'The customer ended the chat.',
  'chats.closedCustomerLeft': 'The customer left the chat.',
  'chats.closedByAgent': 'You ended the chat.',
  'chats.closedBySystem': 'The chat was ended by the system.',
  'chats.closedTransferred': 'The chat was transferred.',
  'chats.closedReturned': 'The chat went back to the queue.',
  'chats.you': 'You',
  'chats.system': 'System',

  // A conversation action that failed, by the chat channel's error code (src/core/chat/chat-channel.ts).
  'chatError.not-signed-in': 'Chat is not signed in in this window.',
  'chatError.auth-failed': "The chat server refused the agent's credentials.",
  'chatError.unreachable': 'The chat server is not connected; try again once it is back.',
  'chatError.no-such-offer': 'This chat is no longer offered to you.',
  'chatError.no-such-chat': 'This chat is not active here.',
  'chatError.chat-ended': 'This chat has already ended.',
  'chatError.rejected': 'The chat router refused this request.',
  'chatError.timeout': 'The chat router did not answer in time; try again.',
  'chatError.too-long': 'The message is too long to send; split it into shorter messages.',
  'chatError.empty': 'There is nothing to send.',

  'log.heading': 'Why the gadget did what it did',
  'log.empty': 'No changes yet.',

  'owner.observer': 'Blending for your account runs in another window. This window only shows the state.',
  'owner.useHere': 'Use this window',
  'owner.confirm': 'Take over',
  'owner.cancel': 'Cancel',
  'owner.pending': 'Taking over…',
  'owner.takenOver':
    'Blending for your account was taken over in another window. This window only shows the state now; choose "{button}" here to run it in this window again.',
  'owner.question':
    'Blending for your account runs in another window. Take over here? The other window will stop changing your state and will say it was taken over.',
  'owner.questionSince':
    'Blending for your account runs in another window since {time}. Take over here? The other window will stop changing your state and will say it was taken over.',
  'owner.failed.not-running': 'Blending is not running in this window.',
  'owner.failed.lock': 'This window could not take over blending; try again.',
  'owner.failed.stolen': 'Another window took over blending meanwhile.',

  'problems.heading': 'Problems',

  // Causes (src/core/blending/causes.ts): one message per kind; cause-text.ts fills the parameters.
  'count.chats.one': '{count} chat',
  'count.chats.other': '{count} chats',
  'count.continuing.one': '; {count} chat continues',
  'count.continuing.other': '; {count} chats continue',
  'request.ready': 'Ready',
  'request.notReady': 'Not Ready ({label})',
  'request.noReason': 'no reason',

  'hold.finesse-down': 'Finesse is out of service on both nodes',
  'hold.node-move': 'Finesse server {from} is out of service; the desktop is moving you to server {to}',
  'hold.notifications-down': 'Finesse notifications are down',

  'reason.code': 'code {code}',
  'reason.id': 'reason {id}',
  'reason.none': 'no reason',
  'reason.signing-out': 'signing out',

  'work.wrap-up': 'wrap-up',
  'work.reserved': 'a call reserved for the agent',
  'work.acd-state': 'an ACD call',
  'work.acd-call': 'an ACD call ({callType})',
  'work.unknown-call': 'a call',
  'work.unknownType': 'unknown type',

  'chat.chat-server-down': 'Offline: the chat server cannot be reached',
  'chat.voice-unknown': 'Offline: waiting for the Finesse sign-in state',
  'chat.signed-out': 'Offline: signed out of Finesse',
  'chat.holding': 'Interrupted: {hold}; no new chats until it is back{continuing}',
  'chat.routed-work': 'Interrupted: on {work}, no chats routed{continuing}',
  'chat.internal-call': 'Interrupted: on an internal call ({callType}), no chats routed',
  'chat.internal-call.direct': 'direct',
  'chat.agent-chose-not-ready': 'Not Ready for chat: chosen by the agent{continuing}',
  'chat.voice-not-ready': 'Not Ready: voice is Not Ready ({reason}), no new chats{continuing}',
  'chat.voice-transient': 'Not Ready: voice state is {state}',
  'chat.voice-transient.unknown': 'unknown',
  'chat.chats-full': 'Busy: handling {count} of {max} chats',
  'chat.chats-active': 'Active: handling {count} of {max} chats',
  'chat.chat-idle': 'Ready for chats and calls',
  'chat.taking-over': 'Not Ready: this window is taking your chats over',

  'voice.reserve-for-chat': 'Not Ready ({label}): reserving voice to take a chat',
  'voice.answer-ready': 'Not Ready ({label}): handling {chats}; voice stays Not Ready until the chats end',
  'voice.pending-after-call': 'Not Ready ({label}) after the call: handling {chats}, so the call must not end in Ready',
  'voice.leave-wrap-up': 'Not Ready ({label}): handling {chats}, so wrap-up must not end in Ready',
  'voice.ready-after-call': 'Ready after the call: no chats to hold voice for',
  'voice.restore-ready': 'Ready: all chats ended, voice back to Ready',

  'offer.declined-holding': 'Declined: {hold}, so this chat went to another agent',
  'offer.declined-reservation.unavailable': 'Declined: Finesse is out of service, so this chat went to another agent',
  'offer.declined-reservation.refused':
    'Declined: Finesse refused to set voice Not Ready (the agent may have been reserved for a call), so this chat went to another agent',
  'offer.declined-reservation': 'Declined: voice could not be set Not Ready first, so this chat went to another agent',
  'offer.declined-unavailable': 'Declined: {chat}',
  'offer.declined-full': 'Declined: already handling {max} of {max} chats',
  'offer.declined-voice': 'Declined: voice is {state}, it cannot be held for a chat',
  'offer.declined-by-agent': 'Declined by the agent',
  'offer.wait-voice-busy': 'Waiting for the voice state change in progress',
  'offer.wait-reserve': 'Waiting: setting voice Not Ready ({label}) first',
  'offer.chat-accepted': 'Accepted: voice is Not Ready ({label}), now handling {chats}',

  'log.chats-handed-back': 'Signed out of Finesse: {chats} handed back to the queue',
  'log.voice-request.again': '{intent} (attempt {attempt} of {max})',
  'log.voice-confirmed': 'Finesse confirmed {request}',
  'log.voice-refused': "Finesse refused {request}: the agent's state changed; re-reading it",
  'log.voice-refused-during-call':
    'Finesse refused {request} during the call: Ready once the call ends; re-reading the state',
  'log.voice-retry': '{request} not done ({problem}); trying again in {seconds} s',
  'log.voice-retry.timeout': 'no answer in time',
  'log.voice-retry.unavailable': 'Finesse is unavailable',
  'log.voice-failed': 'Could not set voice {request}: {detail}',
  'log.reread-failed': 'Could not re-read the agent state from Finesse: {detail}',
  'log.accept-failed': 'The chat offer could not be accepted: {detail}',
  'log.hand-back-failed': 'Could not hand the chats back to the queue: {detail}',
  'log.chat-availability': 'Chat availability {chat}',
  'log.chat-availability.signedIn': 'Chat availability {chat} (signed in to chat with Finesse)',
  'log.holding-still': 'Holding still: {hold}. No voice changes and no new chats until it is back',
  'log.finesse-back': 'Finesse is back: re-reading the agent state and dialogs, then reconciling',
  'log.owner-here': 'This window now runs blending for the agent',
  'log.owner-elsewhere': 'Another window took over blending; this one only shows the state now',

  'problem.holding.finesse-down.title':
    'Finesse is out of service on both nodes: no new chats until it is back; your chats continue.',
  'problem.holding.finesse-down.action':
    'Nothing to do here: the gadget re-reads your state and carries on as soon as a Finesse node is back.',
  'problem.holding.notifications-down.title':
    'Finesse notifications are down: no new chats and no state changes by the gadget until they are back; your chats continue.',
  'problem.holding.notifications-down.action': 'The desktop is reconnecting; if this stays, reload the desktop.',
  'problem.holding.node-move.title':
    'Finesse server {from} is out of service; the desktop is moving you to server {to}. Your chats continue.',
  'problem.holding.node-move.action':
    'No new chats and no state changes by the gadget until the desktop is on server {to}; it picks up from there.',
  'problem.chat-reconnecting.title': 'The chat server connection dropped: reconnecting.',
  'problem.chat-reconnecting.action': 'Your chats continue; messages you write are sent when it is back.',
  'problem.chat-no-identity.title':
    'Chat cannot sign in: the credentials the Finesse desktop gave the gadget are neither Basic id:password nor a Bearer token.',
  'problem.chat-no-identity.action': 'Ask your administrator to check the desktop sign-in method.',
  'problem.chat-sign-in-failed.title': 'Chat sign-in failed: {error}',
  'problem.chat-sign-in-failed.action':
    'No chats are offered to you. Ask your administrator to check your chat account; calls work as usual.',
  'problem.chat-handover-failed.title':
    'Messages written in this window were not confirmed by the chat server before the hand-over.',
  'problem.chat-handover-failed.action':
    'The conversation continues in the window that took over; check there that your last messages arrived.',
  'problem.chat-not-configured.title': 'Chat is not set up for this gadget: calls only.',
  'problem.chat-not-configured.action':
    'An administrator sets the chatService and chatRouter preferences in the desktop layout to offer chats.',
  'problem.reason-config.NOT_CONFIGURED':
    'No Not Ready reason for chat handling is configured. Ask your administrator to set the gadget preference to the label or code of a Not Ready reason such as "Handling Chat".',
  'problem.reason-config.NOT_DEFINED':
    'The Not Ready reason {reason} is not defined in Finesse. Ask your administrator to add it in the Finesse administration console under Reason Codes (Not Ready).',
  'problem.reason-config.AMBIGUOUS':
    'The Not Ready reason {reason} matches {count} reason codes in Finesse: {matches}. Ask your administrator to keep one in the Finesse administration console under Reason Codes (Not Ready), or configure the gadget by code.',
  'problem.reason-config.SYSTEM_CODE':
    "The Not Ready reason {reason} is a system reason code ({code}); the gadget must never set it. Ask your administrator to add a separate reason such as 'Handling Chat' in the Finesse administration console under Reason Codes (Not Ready).",
  'problem.reason-config.byLabel': "'{label}'",
  'problem.reason-config.byCode': 'with code {code}',
  'problem.reason-config.match': "'{label}' (code {code})",
  'problem.reason-codes-unread.title': 'The Not Ready reason codes could not be read from Finesse: {detail}',
  'problem.config.action':
    'Blending is off until this is fixed: no chats are offered to you; calls and the Finesse header work as usual.',
  'problem.notification.title': 'A Finesse notification on {node} could not be read and was ignored: {detail}',
  'problem.notification.action': 'The gadget re-reads your state from Finesse now and then, so nothing is lost.',
  'problem.windows-indistinct.title':
    "This browser cannot tell the gadget's windows apart: open the desktop in one window only.",
  'problem.windows-indistinct.action': 'Two desktop windows would both change your state.',
  'problem.on-secondary-node.title':
    'Finesse server {from} is out of service: your desktop now runs on server {to}. Your chats and calls continue here.',
  'problem.on-secondary-node.action': 'Nothing to do: the gadget picked up your chats and voice state on server {to}.',
  'problem.start-failed.title': 'The gadget could not start: {detail}',
  'problem.start-failed.action': 'Reload the desktop; if this stays, tell your administrator.',
  'problem.desktop-service-refused.header-channel.title':
    'The Finesse header did not take the chat state from the gadget, so it may show your chat state wrongly.',
  'problem.desktop-service-refused.header-channel.action':
    'Offers still show in the gadget and its own bar sets your chat state; tell your administrator: {detail}',
  'problem.desktop-service-refused.popover.title': 'The desktop did not show or remove a chat offer popover.',
  'problem.desktop-service-refused.popover.action':
    'Offers still show in the gadget; tell your administrator: {detail}',
  // accessibility and look
  'state.off': 'Blending is off: calls only, no chats',
  'offer.shortcuts': 'Alt+A accepts, Alt+D declines',
  'announce.offer': 'Chat offer from {name}',
  'announce.message': '{name} says: {text}',
  'chats.waiting': 'waiting {time}',
  'chats.unreadLabel.one': '{count} unread message',
  'chats.unreadLabel.other': '{count} unread messages',
  'chats.ended': 'ended',
  'chats.newTab': '(opens in a new tab)',
  // header channel and alerts
  'header.channel': 'Chat',
  'header.starting': 'Starting…',
  'header.ready': 'Ready',
  'header.handling': '{count} of {max} chats',
  'header.full': '{count} of {max} chats (full)',
  'header.paused': 'Paused',
  'header.notReady': 'Not Ready',
  'header.offline': 'Offline',
  'header.hover': 'Chats: {count} of {max}. {reason}',
  'header.elsewhere': 'Another window of this desktop runs blending.',
  'header.menuAvailable': 'Available for chat',
  'header.menuNotReady': 'Not ready for chat',
  'header.refused.elsewhere': 'Another window of this desktop runs blending: change chat there.',
  'header.refused.starting': 'The gadget is still starting: try again in a moment.',
  'header.refused.unknown': 'The chat gadget does not offer this choice.',
  'choice.heading': 'Chat',
  'choice.available': 'Available for chat',
  'choice.notReady': 'Not ready for chat',
  'choice.current': 'Chat: {choice}',
  'choice.inHeader': 'Change it from Chat in the Finesse header.',
  'alerts.popoverAction': 'Accept or decline this chat before the time runs out.',
  'alerts.customer': 'Customer',
  'alerts.notificationTitle': 'Chat offer from {name}',
  'alerts.notificationBody': '{context}Expires in {seconds} s. Open the desktop to accept or decline.',
  'alerts.allow': 'Allow desktop alerts',
  'alerts.allowHint': 'Shows a desktop notification when a chat is offered while the desktop is out of sight.',
  'alerts.denied': 'Desktop alerts are blocked for this site in the browser settings.',
  // The diagnostics page (src/app/diagnostics.ts, src/ui/diagnostics-view.ts), for the administrator.
  'gadget.pref.mode': 'Gadget mode: empty for the agent\'s desk, "diagnostics" for the diagnostics page alone',
  'diag.open': 'Diagnostics',
  'diag.heading': 'Diagnostics',
  'diag.intro':
    'What the gadget needs, checked one by one from this desktop. A check that fails says what to do; checks that need it are not run.',
  'diag.check.prefs': 'Gadget preferences',
  'diag.check.finesse-rest': 'Finesse REST as this agent',
  'diag.check.notifications': 'Finesse notifications',
  'diag.check.system-info': 'Finesse servers (SystemInfo)',
  'diag.check.reason-code': 'The Handling Chat reason code',
  'diag.check.chat-server': 'The chat server',
  'diag.check.chat-sign-in': "The agent's chat sign-in",
  'diag.check.chat-router': 'The chat router',
  'diag.outcome.waiting': 'Waiting',
  'diag.outcome.running': 'Checking…',
  'diag.outcome.pass': 'Passed',
  'diag.outcome.warn': 'Works, with a warning',
  'diag.outcome.fail': 'Failed',
  'diag.outcome.skipped': 'Not run',
  'diag.outcome.off': 'Off',
  'diag.progress.running': 'Checking {current} of {total}: {check}…',
  'diag.progress.done': 'Done: {passed} passed, {warned} with a warning, {failed} failed, {skipped} not run.',
  'diag.skipped': 'Not run: it needs “{check}” to pass first.',
  'diag.runAgain': 'Run again',
  'diag.copy': 'Copy report',
  'diag.copied': 'Report copied: paste it into your message to support. It holds no password, token or chat text.',
  'diag.copyManual':
    'This frame may not use the clipboard: the report is selected in the box below; press Ctrl+C to copy it.',
  'diag.reportLabel': 'Diagnostics report',
  'diag.back': 'Back to chats',
  'diag.advice': 'What to do: {advice}',
  'diag.prefs-ok': 'Every preference the gadget reads is valid.',
  'diag.prefs-warnings': 'The gadget works, with defaults in place of these preferences:',
  'diag.prefs-problems': 'The preferences have problems; the other checks need them fixed first:',
  'diag.prefs-problems.advice':
    "Correct them in the gadget's URL in the desktop layout (Finesse administration console, Desktop Layout), then reload the desktop.",
  'diag.user': 'Finesse answered for {name}, who is {state}.',
  'diag.rest-auth': "Finesse refused the agent's credentials (401).",
  'diag.rest-auth.advice':
    "Sign out of the desktop and sign in again; if it stays, check the agent's password or single sign-on in Finesse.",
  'diag.rest-failed': 'Finesse REST did not answer as expected: {why}.',
  'diag.rest-failed.advice':
    'Check that this Finesse server is in service (the servers check) and that the desktop loaded the gadget from it; then reload the desktop.',
  'diag.why.network': 'the server could not be reached',
  'diag.why.timeout': 'no answer in time',
  'diag.why.aborted': 'the request was cancelled',
  'diag.why.unavailable': 'the server is out of service (503)',
  'diag.why.not-found': 'Finesse does not know this agent (404)',
  'diag.why.auth': 'the credentials were refused (401)',
  'diag.why.parse': 'the answer could not be read',
  'diag.why.status': 'HTTP status {status}',
  'diag.notifications-ok': "The desktop's notification connection is up and answered a subscription in {ms} ms.",
  'diag.notifications-down': "The desktop's notification connection is {status}.",
  'diag.notifications-down.advice':
    'The desktop reconnects by itself; if this stays, check the Cisco Finesse Notification Service on this server (CLI: utils service list) and reload the desktop.',
  'diag.notifications-no-answer.connection': 'The desktop did not say how its notification connection is.',
  'diag.notifications-no-answer.subscribe': 'The desktop did not answer a subscription to the agent’s notifications.',
  'diag.notifications-no-answer.advice':
    'The gadget must run inside the Finesse desktop (its layout); reload the desktop. If this stays, check the Cisco Finesse Notification Service on this server.',
  'diag.notifications-refused': "The desktop refused a subscription to the agent's notifications: {errorType}.",
  'diag.notifications-refused.advice':
    'Reload the desktop; if this stays, check the Cisco Finesse Notification Service on this server (CLI: utils service list).',
  'diag.nodes.pass': 'Every Finesse server is in service.',
  'diag.nodes.single': 'The Finesse server is in service; SystemInfo names no secondary server.',
  'diag.nodes.fail': 'Not every Finesse server is in service.',
  'diag.nodes.advice':
    'A server that is out of service or unreachable cannot take the desktop over when the other fails: check its services (CLI: utils service list) and the network between the desktop and that server.',
  'diag.node.primary': 'Primary server {node}: {status}',
  'diag.node.secondary': 'Secondary server {node}: {status}',
  'diag.node.IN_SERVICE': 'in service',
  'diag.node.OUT_OF_SERVICE': 'out of service',
  'diag.node.noAnswer': 'did not answer ({why})',
  'diag.deployment': 'Deployment: {deployment}',
  'diag.system-info-failed': 'This Finesse server did not give its SystemInfo: {why}.',
  'diag.reason-ok': 'The Handling Chat reason is “{label}” (code {code}), a Not Ready reason Finesse gives this agent.',
  'diag.reason-missing.label': 'Finesse gives this agent no Not Ready reason labelled “{label}”.',
  'diag.reason-missing.code': 'Finesse gives this agent no Not Ready reason with code {code}.',
  'diag.reason-missing.advice':
    'Create a Not Ready reason code labelled “{label}” in the Finesse administration console (Unified CCE: https://<Finesse server>/cfadmin; Unified CCX: https://<Unified CCX server>/cfadmin; Reasons tab, Not Ready reason codes), global or for this agent’s team, or set the handlingChatReason preference to an existing one: {available}.',
  'diag.reason-missing.none': 'none yet',
  'diag.reason-other.advice':
    'Correct the Not Ready reason codes in the Finesse administration console (Reasons tab), or the handlingChatReason preference in the desktop layout.',
  'diag.reason-codes-unread': 'The Not Ready reason codes could not be read from Finesse: {why}.',
  'diag.chat-off':
    'Chat is not set up for this gadget (no chatService, chatRouter or xmppDomain): it handles calls only.',
  'diag.chat-off.advice':
    "To offer chats, set the chatService and chatRouter preferences in the gadget's URL in the desktop layout.",
  'diag.chat-off.short': 'Chat is off: not set up.',
  'diag.endpoints.pass': 'The chat server answers.',
  'diag.endpoints.warn': 'The chat server answers on one of its addresses only.',
  'diag.endpoints.fail': 'The chat server does not answer.',
  'diag.endpoints.fail.advice':
    "Start the chat service and its XMPP server, or correct chatService in the desktop layout. The agents' browsers must reach these addresses (firewall, proxy).",
  'diag.endpoints.warn.advice':
    'The gadget uses the address that answers; correct the other, or remove it from chatService. BOSH is slower than WebSocket.',
  'diag.endpoint.answered': 'answered in {ms} ms',
  'diag.endpoint.refused': 'nothing answers (connection refused or closed)',
  'diag.endpoint.timeout': 'no answer in time',
  'diag.endpoint.not-xmpp': 'something answers, but not an XMPP server',
  'diag.endpoint.http-status': 'HTTP status {status}',
  'diag.signed-in':
    'The agent signed in to the chat server over {transport} in {ms} ms, in a session of its own, and signed out again.',
  'diag.sign-in-refused': "The chat server refused the agent's credentials.",
  'diag.sign-in-refused.advice':
    "The chat server must accept the agent's Finesse id and password (or SSO token) on the xmppDomain: check the agent's account on the chat server and the xmppDomain preference.",
  'diag.sign-in-failed': 'The chat sign-in did not finish: {why}.',
  'diag.sign-in-failed.advice':
    "Check the chat server's log for this agent's sign-in, and that its XMPP domain is the gadget's xmppDomain.",
  'diag.no-identity.advice':
    'Check the desktop sign-in method: the chat server needs Basic credentials or an SSO token.',
  'diag.router-ok.one': 'The chat router answered in {ms} ms and lists {count} queue.',
  'diag.router-ok.other': 'The chat router answered in {ms} ms and lists {count} queues.',
  'diag.router-no-answer': 'The chat router did not answer within {ms} ms.',
  'diag.router-error': 'The chat server answered for the router: {condition}.',
  'diag.router.advice':
    'Start the chat service (its router signs in as chatRouter), and check that chatRouter names its full JID, such as chat-router@chat.example.com/router.',
  'diag.router-forbidden.advice':
    "The router does not take this agent for an agent: the agent's chat account must be on the router's domain.",
  'diag.report.title': 'finesse-blend diagnostics report',
  'diag.report.date': 'Date: {date}',
  'diag.report.version': 'Gadget version: {version}',
  'diag.report.unknown': 'not known',
  'diag.report.agent': 'Agent id: {id}',
  'diag.report.node': 'Desktop node: {node}',
  'diag.report.prefs': 'Preferences in force:',
  'diag.report.unset': '(not set)',
  // The supervisor's team gadget (gadget/team-gadget.xml; src/ui/team-view.ts).
  'gadget.team.title': 'Team: calls and chats',
  'gadget.team.description':
    "Every team member's voice state, reason and time in state, with the supervisor's actions.",
  'team.loading': 'Loading your team…',
  'team.noTeams': 'Finesse lists no team that you supervise. Ask your administrator to assign you a team.',
  'team.select': 'Show team',
  'team.caption': 'Agents of {team}',
  'team.summary.label': 'Team summary',
  'team.summary.ready': 'Ready',
  'team.summary.onCall': 'On a call',
  'team.summary.notReady': 'Not Ready',
  'team.summary.signedOut': 'Signed out',
  'team.summary.chats': 'Handling chats',
  'team.summary.noReason': 'no reason',
  'team.summary.spoken': '{team}: {ready} ready, {onCall} on a call, {notReady} not ready, {signedOut} signed out.',
  'team.filter.label': 'Show',
  'team.filter.all': 'Everyone',
  'team.filter.ready': 'Ready',
  'team.filter.on-call': 'On a call',
  'team.filter.not-ready': 'Not Ready',
  'team.filter.signed-out': 'Signed out',
  'team.filter.other': 'Other states',
  'team.search.label': 'Search by name',
  'team.col.name': 'Agent',
  'team.col.state': 'Voice state',
  'team.col.pending': 'Next state',
  'team.col.time': 'Time in state',
  'team.col.chat': 'Chat state',
  'team.col.chats': 'Active chats',
  'team.col.decision': 'Latest blending decision',
  'team.col.actions': 'Actions',
  'team.noChatData': 'No chat data: the chat service does not report this team yet',
  'team.noPending': 'No change waiting',
  'team.timeUnknown': 'Not known',
  'team.chat.available': 'Available',
  'team.chat.not-available': 'Not available',
  'team.chat.offline': 'Offline',
  'team.chats': '{active} of {max}',
  'team.empty': 'No agent matches.',
  'team.action.make-not-ready': 'Make Not Ready',
  'team.action.make-ready': 'Make Ready',
  'team.action.sign-out': 'Sign out',
  'team.action.for': '{action}: {name}',
  'team.confirm.make-not-ready': 'Make {name} Not Ready? Finesse records it as a supervisor change.',
  'team.confirm.make-ready': 'Make {name} Ready for calls?',
  'team.confirm.sign-out': 'Sign {name} out of Finesse?',
  'team.confirm.yes': 'Confirm',
  'team.confirm.no': 'Cancel',
  'team.outcome.sending': 'Asking Finesse to change the state of {name}…',
  'team.outcome.accepted': 'Finesse accepted the change for {name}; the row follows when Finesse reports it.',
  'team.outcome.dismiss': 'Dismiss',
  'team.error.on-call':
    'Finesse refused: {name} is on a call. A supervisor can make an agent Not Ready only while the agent is Ready or in wrap-up; try again after the call.',
  'team.error.not-allowed': 'Finesse refused: the state {name} is in now does not allow this change.',
  'team.error.not-supervisor': "Finesse refused: you do not supervise {name}'s team.",
  'team.error.sign-in': 'Finesse did not accept your sign-in. Sign in to Finesse again.',
  'team.error.network': 'Finesse could not be reached. Check the connection and try again.',
  'team.error.unavailable': 'Finesse is out of service right now. Try again in a moment.',
  'team.error.not-found': 'Finesse does not know this agent or team.',
  'team.error.other':
    'Finesse refused the change without saying why. Try again; if it keeps happening, tell your administrator.',
  'team.problem.load-failed': 'The team could not be loaded. {why}',
  'team.problem.subscribe-failed':
    "The desktop did not subscribe this gadget to the team's changes, so rows may be out of date. Reload the desktop.",
  'team.problem.notifications-down':
    'The desktop lost its notification connection: rows may be out of date until it comes back.',
  'team.feed.refused':
    "The chat service does not show you this team's chat states: it does not list you as the team's supervisor. Ask your administrator to check the team in Finesse.",
  'team.feed.down':
    'The chat service cannot be reached: the chat columns are not current. They update again once it is back.',
  'team.feed.sign-in-failed':
    'The chat service did not accept your sign-in, so the chat columns stay empty. Sign in to Finesse again.',
  'team.decisions.open': 'Recent decisions of {name}',
  'team.decisions.title': 'Recent blending decisions: {name}',
  'team.decisions.loading': 'Reading the decisions…',
  'team.decisions.empty': 'The chat service holds no decision of this agent yet.',
  'team.decisions.failed.refused':
    "The chat service does not show you this agent's decisions: it does not list you as the supervisor of the agent's team.",
  'team.decisions.failed.down': 'The chat service cannot be reached. Try again once it is back.',
  'team.decisions.failed.no-feed': 'No chat service is set for this gadget, so there are no decisions to show.',
  'team.decisions.close': 'Close',
} as const;
