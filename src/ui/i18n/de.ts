// Deutsch: formal ("Sie"), with the Finesse state names agents know from the desktop header ("Bereit",
// "Nicht bereit", "Nachbearbeitung"). Every key of the English catalogue, the same `{placeholders}`.
import type { Catalogue } from './catalogue.ts';

export const de: Catalogue = {
  'status.connecting': 'Verbindung zu Finesse wird hergestellt…',
  'status.noContainer':
    'Dieses Gadget läuft im Finesse-Desktop: Der Container hat ihm keinen Hub und keine Einstellungen übergeben.',

  'gadget.title': 'Chat und Telefon',
  'gadget.description': 'Chats und Anrufe auf einem Desktop bearbeiten, mit Medien-Blending.',
  'gadget.pref.maxChats': 'Höchstzahl gleichzeitiger Chats',
  'gadget.pref.handlingChatReason': 'Nicht-bereit-Grund während Chats',
  'gadget.pref.chatService': 'Adresse des Chat-Servers: WebSocket, BOSH oder beide, durch ein Leerzeichen getrennt',
  'gadget.pref.chatRouter': 'Adresse des Chat-Routers (vollständige JID)',
  'gadget.pref.offerSound': 'Signalton bei einem Chat-Angebot, wenn das Gadget nicht zu sehen ist',
  'gadget.pref.desktopNotifications':
    'Desktop-Benachrichtigung bei einem Chat-Angebot, wenn der Desktop nicht zu sehen ist',
  'gadget.pref.autoAccept': 'Chat-Angebote annehmen, ohne auf den Agenten zu warten',

  'config.authorization':
    'Der Finesse-Desktop hat dem Gadget keine Anmeldedaten übergeben ("authorization" oder "authToken").',
  'config.authorization.fix':
    'Öffnen Sie das Gadget über den Finesse-Desktop: Fügen Sie es in der Finesse-Administrationskonsole (Desktop Layout) dem Desktop-Layout hinzu. Der Desktop übergibt die Anmeldedaten; sie stehen nie in der URL des Gadgets.',
  'config.authorization.malformed':
    'Die vom Desktop übergebenen Anmeldedaten ("authorization") sind nicht das base64-kodierte "id:Passwort", das Finesse übergibt; Finesse würde jede Anfrage ablehnen.',
  'config.authorization.malformed.fix':
    'Melden Sie sich vom Finesse-Desktop ab und wieder an. Bleibt es so, entfernen Sie ein "authorization" aus der URL des Gadgets im Desktop-Layout und prüfen Sie, dass kein Proxy die Adresse des Gadgets umschreibt.',
  'config.id':
    'Der Finesse-Desktop hat dem Gadget nicht mitgeteilt, wer angemeldet ist: keine "id", und die Anmeldedaten nennen keinen Agenten.',
  'config.id.fix':
    'Öffnen Sie das Gadget über das Finesse-Desktop-Layout (Desktop Layout in der Finesse-Administrationskonsole), nicht als eigene Seite.',
  'config.host': 'Der Finesse-Desktop hat dem Gadget seinen Servernamen ("host") nicht übergeben.',
  'config.host.fix':
    'Öffnen Sie das Gadget über das Finesse-Desktop-Layout (Desktop Layout in der Finesse-Administrationskonsole), nicht als eigene Seite.',
  'config.scheme': 'Das Schema "{value}" ist weder http noch https.',
  'config.scheme.fix':
    'Der Finesse-Desktop übergibt es: Entfernen Sie "scheme" aus der URL des Gadgets im Desktop-Layout, falls es dort steht, und öffnen Sie das Gadget über den Finesse-Desktop.',
  'config.maxChats': 'maxChats ist "{value}", keine ganze Zahl von 1 bis {limit}.',
  'config.maxChats.fix':
    'Setzen Sie in der URL des Gadgets im Desktop-Layout (Finesse-Administrationskonsole, Desktop Layout) eine ganze Zahl von 1 bis {limit}, zum Beispiel {example}',
  'config.flag':
    '{pref} ist "{value}", weder true noch false: Das Gadget verwendet vorerst den Standardwert {fallback}.',
  'config.flag.fix':
    'Setzen Sie in der URL des Gadgets im Desktop-Layout (Finesse-Administrationskonsole, Desktop Layout) true oder false, zum Beispiel {example}',
  'config.flag.true': 'true',
  'config.flag.false': 'false',
  'config.chatService.notAddress': 'chatService enthält "{value}", keine ws(s)://- oder http(s)://-Adresse.',
  'config.chatService.notAddress.fix':
    'Setzen Sie in der URL des Gadgets im Desktop-Layout die WebSocket-Adresse des Chat-Servers (wss://host:port/path), seine BOSH-Adresse (https://host:port/http-bind) oder beide, durch ein Leerzeichen getrennt, zum Beispiel {example}',
  'config.chatService.twoWebSocket': 'chatService nennt mehr als eine WebSocket-Adresse.',
  'config.chatService.twoWebSocket.fix':
    'Lassen Sie in der URL des Gadgets im Desktop-Layout eine WebSocket-Adresse, eine BOSH-Adresse oder je eine, durch ein Leerzeichen getrennt, zum Beispiel {example}',
  'config.chatService.twoBosh': 'chatService nennt mehr als eine BOSH-Adresse.',
  'config.chatService.twoBosh.fix':
    'Lassen Sie in der URL des Gadgets im Desktop-Layout eine WebSocket-Adresse, eine BOSH-Adresse oder je eine, durch ein Leerzeichen getrennt, zum Beispiel {example}',
  'config.chatService.insecure':
    'Die Chat-Adresse "{value}" ist unverschlüsselt (ws: oder http:), der Desktop läuft aber über https: Der Browser blockiert sie.',
  'config.chatService.insecure.fix':
    'Verwenden Sie in der URL des Gadgets im Desktop-Layout die wss://- (WebSocket) oder https://-Adresse (BOSH) des Chat-Servers, zum Beispiel {example}',
  'config.chatRouter': 'chatRouter ist "{value}", keine vollständige JID (Name@Domäne/Ressource).',
  'config.chatRouter.fix':
    'Setzen Sie in der URL des Gadgets im Desktop-Layout (Finesse-Administrationskonsole, Desktop Layout) die vollständige JID des Chat-Routers, zum Beispiel {example}',
  'config.chat.routerMissing': 'chatService ist gesetzt ("{value}"), chatRouter aber nicht: Der Chat braucht beide.',
  'config.chat.routerMissing.fix':
    'Ergänzen Sie in der URL des Gadgets im Desktop-Layout chatRouter, die vollständige JID des Chat-Routers, zum Beispiel {example}, oder entfernen Sie chatService für ein Gadget ohne Chat.',
  'config.chat.serviceMissing': 'chatRouter ist gesetzt ("{value}"), chatService aber nicht: Der Chat braucht beide.',
  'config.chat.serviceMissing.fix':
    'Ergänzen Sie in der URL des Gadgets im Desktop-Layout chatService, die Adresse des Chat-Servers, zum Beispiel {example}, oder entfernen Sie chatRouter für ein Gadget ohne Chat.',
  'config.xmppDomain':
    'Der Chat ist eingerichtet, aber der Finesse-Desktop hat dem Gadget keine XMPP-Domäne ("xmppDomain") für die Chat-Anmeldung übergeben.',
  'config.xmppDomain.fix':
    'Der Desktop übernimmt sie aus den Einstellungen von Finesse: Öffnen Sie das Gadget über den Finesse-Desktop; bleibt es so, lassen Sie den Finesse-Administrator die XMPP-Domäne prüfen, die Finesse in SystemInfo meldet.',
  'config.handlingChatReason.code':
    'handlingChatReason ist "{value}", kein Code eines Nicht-bereit-Grunds: Finesse-Codes reichen von 1 bis {limit} (1 bis 999 bei Unified CCX).',
  'config.handlingChatReason.code.fix':
    'Setzen Sie in der URL des Gadgets im Desktop-Layout den Code oder die Bezeichnung des Nicht-bereit-Grunds für Chats (Finesse-Administrationskonsole, Reasons), zum Beispiel {example}',
  'config.handlingChatReason.label':
    'handlingChatReason ist "{value}", länger als die {limit} Zeichen, die Finesse für die Bezeichnung eines Grunds erlaubt.',
  'config.handlingChatReason.label.fix':
    'Setzen Sie in der URL des Gadgets im Desktop-Layout die Bezeichnung oder den Code des Nicht-bereit-Grunds für Chats genau so, wie die Finesse-Administrationskonsole (Reasons) sie zeigt, zum Beispiel {example}',
  'config.heading.error': 'Dieses Gadget kann nicht starten: Seine Einstellungen müssen korrigiert werden',
  'config.heading.warning': 'Einige Einstellungen dieses Gadgets haben ungültige Werte',
  'config.intro.error':
    'Ein Administrator korrigiert sie in der Finesse-Administrationskonsole. Anrufe und die Finesse-Kopfzeile funktionieren solange wie gewohnt.',
  'config.intro.warning':
    'Das Gadget funktioniert und verwendet für diese Standardwerte. Ein Administrator korrigiert sie in der Finesse-Administrationskonsole.',
  'config.severity.error': 'Stoppt das Gadget',
  'config.severity.warning': 'Warnung',
  'config.found': 'Gefundener Wert:',
  'config.found.unset': 'nicht gesetzt',
  'config.found.hidden': 'nicht angezeigt (Anmeldedaten)',
  'config.fix': 'Korrektur:',
  'config.dismiss': 'Ausblenden',

  'state.starting': 'Blending wird gestartet…',
  'state.signedOut': 'Abgemeldet: keine Anrufe und keine Chats',
  'state.readyBoth': 'Bereit für Anrufe und Chats',
  'state.readyChatsOnly': 'Bereit für Chats; Telefon ist {voice}: keine Anrufe',
  'state.readyChatsVoiceGoing': 'Bereit für Chats; Telefon ist {voice} und wechselt zurück auf Bereit…',
  'state.readyChatsVoiceFailed':
    'Bereit für Chats; Telefon ist noch {voice}: Der Wechsel auf Bereit ist fehlgeschlagen',
  'state.handlingVoiceReady': 'Bearbeitet {count} von {max} Chats; Telefon ist noch Bereit: Anrufe können kommen',
  'state.onCall': 'Im Gespräch: Chats pausiert',
  'state.handling': 'Bearbeitet {count} von {max} Chats: Nicht bereit für Anrufe',
  'state.full': 'Bearbeitet {count} von {max} Chats: keine neuen Chats, Nicht bereit für Anrufe',
  'state.notReady': 'Nicht bereit ({reason}): keine Anrufe und keine neuen Chats',
  'state.notReadyChats.one': 'Nicht bereit ({reason}): {count} Chat läuft weiter, keine neuen Chats',
  'state.notReadyChats.other': 'Nicht bereit ({reason}): {count} Chats laufen weiter, keine neuen Chats',
  'state.offline': 'Chat offline: nur Anrufe',
  'state.holding': 'Keine Änderungen: {reason}',
  'state.detail': 'Telefon {voice} · Chat {chat} {count}/{max}',
  'state.pending': ' (als Nächstes: {state})',

  'voiceState.LOGIN': 'Anmeldung läuft',
  'voiceState.LOGOUT': 'Abgemeldet',
  'voiceState.NOT_READY': 'Nicht bereit',
  'voiceState.NOT_READY.reason': 'Nicht bereit ({reason})',
  'voiceState.READY': 'Bereit',
  'voiceState.RESERVED': 'Reserviert',
  'voiceState.RESERVED_OUTBOUND': 'Reserviert (ausgehend)',
  'voiceState.RESERVED_OUTBOUND_PREVIEW': 'Reserviert (Vorschau)',
  'voiceState.TALKING': 'Im Gespräch',
  'voiceState.HOLD': 'Gehalten',
  'voiceState.WORK': 'Nachbearbeitung',
  'voiceState.WORK_READY': 'Nachbearbeitung',
  'voiceState.UNKNOWN': 'Unbekannt',

  'offer.heading': 'Chat-Angebote',
  'offer.from': 'Chat von {name}',
  'offer.transferred': 'Weitergeleitet von Agent {agent}',
  'offer.expiresIn': 'Läuft ab in {seconds} s',
  'offer.expired': 'Läuft ab…',
  'offer.accept': 'Annehmen',
  'offer.decline': 'Ablehnen',
  'offer.acceptLabel': 'Chat von {name} annehmen',
  'offer.declineLabel': 'Chat von {name} ablehnen',
  'offer.reserving': 'Ihre Telefonleitung wird reserviert…',
  'offer.waiting': 'Warten auf Ihre Telefonleitung…',
  'offer.accepting': 'Wird angenommen…',
  'offer.declining': 'Wird abgelehnt…',

  'chats.heading': 'Unterhaltungen',
  'chats.none': 'Zurzeit keine Chats.',
  'chats.tabLabel': 'Chat mit {name}',
  'chats.typing': '{name} schreibt…',
  'chats.composer': 'Nachricht an {name}',
  'chats.placeholder': 'Nachricht schreiben; Eingabe sendet, Umschalt+Eingabe fügt eine Zeile ein',
  'chats.send': 'Senden',
  'chats.pending': 'wird gesendet…',
  'chats.end': 'Chat beenden',
  'chats.transfer': 'Zurück in die Warteschlange',
  'chats.close': 'Schließen',
  'chats.ending': 'Wird beendet…',
  'chats.transferring': 'Wird zurückgegeben…',
  'chats.transferQueue': 'In eine andere Warteschlange weiterleiten',
  'chats.transferPick': 'Warteschlange wählen…',
  'chats.transferSend': 'Weiterleiten',
  'chats.offline': 'Der Chat-Server ist nicht verbunden: Sie können schreiben, sobald er wieder da ist.',
  'chats.reconnecting':
    'Verbindung zum Chat-Server wird wiederhergestellt: Was Sie jetzt senden, geht hinaus, sobald er wieder da ist.',
  'chats.closedByCustomer': 'Der Kunde hat den Chat beendet.',
  'chats.closedCustomerLeft': 'Der Kunde hat den Chat verlassen.',
  'chats.closedByAgent': 'Sie haben den Chat beendet.',
  'chats.closedBySystem': 'Der Chat wurde vom System beendet.',
  'chats.closedTransferred': 'Der Chat wurde weitergeleitet.',
  'chats.closedReturned': 'Der Chat ist zurück in der Warteschlange.',
  'chats.you': 'Sie',
  'chats.system': 'System',

  'chatError.not-signed-in': 'Der Chat ist in diesem Fenster nicht angemeldet.',
  'chatError.auth-failed': 'Der Chat-Server hat die Anmeldedaten des Agenten abgelehnt.',
  'chatError.unreachable': 'Der Chat-Server ist nicht verbunden; versuchen Sie es erneut, sobald er wieder da ist.',
  'chatError.no-such-offer': 'Dieser Chat wird Ihnen nicht mehr angeboten.',
  'chatError.no-such-chat': 'Dieser Chat ist hier nicht aktiv.',
  'chatError.chat-ended': 'Dieser Chat ist bereits beendet.',
  'chatError.rejected': 'Der Chat-Router hat diese Anfrage abgelehnt.',
  'chatError.timeout': 'Der Chat-Router hat nicht rechtzeitig geantwortet; versuchen Sie es erneut.',
  'chatError.too-long': 'Die Nachricht ist zu lang; teilen Sie sie in kürzere Nachrichten auf.',
  'chatError.empty': 'Es gibt nichts zu senden.',

  'log.heading': 'Warum das Gadget so gehandelt hat',
  'log.empty': 'Noch keine Änderungen.',

  'owner.observer': 'Blending für Ihr Konto läuft in einem anderen Fenster. Dieses Fenster zeigt nur den Status.',
  'owner.useHere': 'Dieses Fenster verwenden',
  'owner.confirm': 'Übernehmen',
  'owner.cancel': 'Abbrechen',
  'owner.pending': 'Wird übernommen…',
  'owner.takenOver':
    'Blending für Ihr Konto wurde in einem anderen Fenster übernommen. Dieses Fenster zeigt jetzt nur den Status; wählen Sie hier "{button}", um es wieder in diesem Fenster auszuführen.',
  'owner.question':
    'Blending für Ihr Konto läuft in einem anderen Fenster. Hier übernehmen? Das andere Fenster ändert dann Ihren Status nicht mehr und zeigt an, dass übernommen wurde.',
  'owner.questionSince':
    'Blending für Ihr Konto läuft seit {time} in einem anderen Fenster. Hier übernehmen? Das andere Fenster ändert dann Ihren Status nicht mehr und zeigt an, dass übernommen wurde.',
  'owner.failed.not-running': 'Blending läuft in diesem Fenster nicht.',
  'owner.failed.lock': 'Dieses Fenster konnte das Blending nicht übernehmen; versuchen Sie es erneut.',
  'owner.failed.stolen': 'Inzwischen hat ein anderes Fenster das Blending übernommen.',

  'problems.heading': 'Probleme',

  'count.chats.one': '{count} Chat',
  'count.chats.other': '{count} Chats',
  'count.continuing.one': '; {count} Chat läuft weiter',
  'count.continuing.other': '; {count} Chats laufen weiter',
  'request.ready': 'Bereit',
  'request.notReady': 'Nicht bereit ({label})',
  'request.noReason': 'ohne Grund',

  'hold.finesse-down': 'Finesse ist auf beiden Knoten außer Betrieb',
  'hold.node-move': 'Finesse-Server {from} ist außer Betrieb; der Desktop wechselt zu Server {to}',
  'hold.notifications-down': 'Die Finesse-Benachrichtigungen sind ausgefallen',

  'reason.code': 'Code {code}',
  'reason.id': 'Grund {id}',
  'reason.none': 'ohne Grund',
  'reason.signing-out': 'Abmeldung',

  'work.wrap-up': 'der Nachbearbeitung',
  'work.reserved': 'einem für den Agenten reservierten Anruf',
  'work.acd-state': 'einem ACD-Anruf',
  'work.acd-call': 'einem ACD-Anruf ({callType})',
  'work.unknown-call': 'einem Anruf',
  'work.unknownType': 'unbekannter Typ',

  'chat.chat-server-down': 'Offline: Der Chat-Server ist nicht erreichbar',
  'chat.voice-unknown': 'Offline: Warten auf den Anmeldestatus von Finesse',
  'chat.signed-out': 'Offline: bei Finesse abgemeldet',
  'chat.holding': 'Unterbrochen: {hold}; keine neuen Chats, bis es wieder geht{continuing}',
  'chat.routed-work': 'Unterbrochen: bei {work}, keine Chats zugeteilt{continuing}',
  'chat.internal-call': 'Unterbrochen: in einem internen Anruf ({callType}), keine Chats zugeteilt',
  'chat.internal-call.direct': 'direkt',
  'chat.agent-chose-not-ready': 'Nicht bereit für Chats: vom Agenten gewählt{continuing}',
  'chat.voice-not-ready': 'Nicht bereit: Telefon ist Nicht bereit ({reason}), keine neuen Chats{continuing}',
  'chat.voice-transient': 'Nicht bereit: Telefonstatus ist {state}',
  'chat.voice-transient.unknown': 'unbekannt',
  'chat.chats-full': 'Ausgelastet: bearbeitet {count} von {max} Chats',
  'chat.chats-active': 'Aktiv: bearbeitet {count} von {max} Chats',
  'chat.chat-idle': 'Bereit für Chats und Anrufe',
  'chat.taking-over': 'Nicht bereit: Dieses Fenster übernimmt Ihre Chats',

  'voice.reserve-for-chat': 'Nicht bereit ({label}): Telefon wird für einen Chat reserviert',
  'voice.answer-ready': 'Nicht bereit ({label}): bearbeitet {chats}; Telefon bleibt Nicht bereit, bis die Chats enden',
  'voice.pending-after-call':
    'Nicht bereit ({label}) nach dem Anruf: bearbeitet {chats}, daher darf der Anruf nicht in Bereit enden',
  'voice.leave-wrap-up':
    'Nicht bereit ({label}): bearbeitet {chats}, daher darf die Nachbearbeitung nicht in Bereit enden',
  'voice.ready-after-call': 'Bereit nach dem Anruf: keine Chats, für die das Telefon gehalten wird',
  'voice.restore-ready': 'Bereit: Alle Chats sind beendet, Telefon wieder Bereit',

  'offer.declined-holding': 'Abgelehnt: {hold}, daher ging dieser Chat an einen anderen Agenten',
  'offer.declined-reservation.unavailable':
    'Abgelehnt: Finesse ist außer Betrieb, daher ging dieser Chat an einen anderen Agenten',
  'offer.declined-reservation.refused':
    'Abgelehnt: Finesse hat Nicht bereit für das Telefon verweigert (der Agent war evtl. für einen Anruf reserviert), daher ging dieser Chat an einen anderen Agenten',
  'offer.declined-reservation':
    'Abgelehnt: Das Telefon konnte nicht zuerst auf Nicht bereit gesetzt werden, daher ging dieser Chat an einen anderen Agenten',
  'offer.declined-unavailable': 'Abgelehnt: {chat}',
  'offer.declined-full': 'Abgelehnt: bearbeitet bereits {max} von {max} Chats',
  'offer.declined-voice': 'Abgelehnt: Telefon ist {state} und kann nicht für einen Chat gehalten werden',
  'offer.declined-by-agent': 'Vom Agenten abgelehnt',
  'offer.wait-voice-busy': 'Warten auf den laufenden Wechsel des Telefonstatus',
  'offer.wait-reserve': 'Warten: Telefon wird zuerst auf Nicht bereit ({label}) gesetzt',
  'offer.chat-accepted': 'Angenommen: Telefon ist Nicht bereit ({label}), bearbeitet jetzt {chats}',

  'log.chats-handed-back': 'Bei Finesse abgemeldet: {chats} zurück in die Warteschlange gegeben',
  'log.voice-request.again': '{intent} (Versuch {attempt} von {max})',
  'log.voice-confirmed': 'Finesse hat {request} bestätigt',
  'log.voice-refused': 'Finesse hat {request} abgelehnt: Der Status des Agenten hat sich geändert; er wird neu gelesen',
  'log.voice-refused-during-call':
    'Finesse hat {request} während des Anrufs abgelehnt: Bereit, sobald der Anruf endet; der Status wird neu gelesen',
  'log.voice-retry': '{request} nicht erledigt ({problem}); neuer Versuch in {seconds} s',
  'log.voice-retry.timeout': 'keine Antwort rechtzeitig',
  'log.voice-retry.unavailable': 'Finesse ist nicht verfügbar',
  'log.voice-failed': 'Telefon konnte nicht auf {request} gesetzt werden: {detail}',
  'log.reread-failed': 'Der Agentenstatus konnte nicht neu von Finesse gelesen werden: {detail}',
  'log.accept-failed': 'Das Chat-Angebot konnte nicht angenommen werden: {detail}',
  'log.hand-back-failed': 'Die Chats konnten nicht an die Warteschlange zurückgegeben werden: {detail}',
  'log.chat-availability': 'Chat-Verfügbarkeit {chat}',
  'log.chat-availability.signedIn': 'Chat-Verfügbarkeit {chat} (mit Finesse beim Chat angemeldet)',
  'log.holding-still': 'Keine Änderungen: {hold}. Keine Telefonwechsel und keine neuen Chats, bis es wieder geht',
  'log.finesse-back': 'Finesse ist wieder da: Agentenstatus und Anrufe werden neu gelesen und abgeglichen',
  'log.owner-here': 'Dieses Fenster führt jetzt das Blending für den Agenten aus',
  'log.owner-elsewhere': 'Ein anderes Fenster hat das Blending übernommen; dieses zeigt jetzt nur den Status',

  'problem.holding.finesse-down.title':
    'Finesse ist auf beiden Knoten außer Betrieb: keine neuen Chats, bis es wieder läuft; Ihre Chats laufen weiter.',
  'problem.holding.finesse-down.action':
    'Sie müssen nichts tun: Das Gadget liest Ihren Status neu und macht weiter, sobald ein Finesse-Knoten wieder da ist.',
  'problem.holding.notifications-down.title':
    'Die Finesse-Benachrichtigungen sind ausgefallen: keine neuen Chats und keine Statuswechsel durch das Gadget, bis sie wieder da sind; Ihre Chats laufen weiter.',
  'problem.holding.notifications-down.action':
    'Der Desktop verbindet sich neu; wenn das so bleibt, laden Sie den Desktop neu.',
  'problem.holding.node-move.title':
    'Finesse-Server {from} ist außer Betrieb; der Desktop wechselt zu Server {to}. Ihre Chats laufen weiter.',
  'problem.holding.node-move.action':
    'Keine neuen Chats und keine Statuswechsel durch das Gadget, bis der Desktop auf Server {to} ist; dort macht es weiter.',
  'problem.chat-reconnecting.title': 'Die Verbindung zum Chat-Server ist abgebrochen: Sie wird wiederhergestellt.',
  'problem.chat-reconnecting.action':
    'Ihre Chats laufen weiter; was Sie schreiben, wird gesendet, sobald die Verbindung wieder da ist.',
  'problem.chat-no-identity.title':
    'Chat-Anmeldung nicht möglich: Die Anmeldedaten, die der Finesse-Desktop dem Gadget gegeben hat, sind weder Basic id:password noch ein Bearer-Token.',
  'problem.chat-no-identity.action': 'Bitten Sie Ihren Administrator, die Anmeldemethode des Desktops zu prüfen.',
  'problem.chat-sign-in-failed.title': 'Chat-Anmeldung fehlgeschlagen: {error}',
  'problem.chat-sign-in-failed.action':
    'Ihnen werden keine Chats angeboten. Bitten Sie Ihren Administrator, Ihr Chat-Konto zu prüfen; Anrufe funktionieren wie gewohnt.',
  'problem.chat-handover-failed.title':
    'In diesem Fenster geschriebene Nachrichten wurden vor der Übergabe nicht vom Chat-Server bestätigt.',
  'problem.chat-handover-failed.action':
    'Die Unterhaltung geht in dem Fenster weiter, das übernommen hat; prüfen Sie dort, ob Ihre letzten Nachrichten angekommen sind.',
  'problem.chat-not-configured.title': 'Chat ist für dieses Gadget nicht eingerichtet: nur Anrufe.',
  'problem.chat-not-configured.action':
    'Ein Administrator setzt die Einstellungen chatService und chatRouter im Desktop-Layout, damit Chats angeboten werden.',
  'problem.reason-config.NOT_CONFIGURED':
    'Es ist kein Nicht-bereit-Grund für die Chat-Bearbeitung konfiguriert. Bitten Sie Ihren Administrator, die Gadget-Einstellung auf die Bezeichnung oder den Code eines Nicht-bereit-Grunds wie "Handling Chat" zu setzen.',
  'problem.reason-config.NOT_DEFINED':
    'Der Nicht-bereit-Grund {reason} ist in Finesse nicht definiert. Bitten Sie Ihren Administrator, ihn in der Finesse-Administrationskonsole unter Reason Codes (Not Ready) anzulegen.',
  'problem.reason-config.AMBIGUOUS':
    'Der Nicht-bereit-Grund {reason} passt in Finesse zu {count} Reason Codes: {matches}. Bitten Sie Ihren Administrator, in der Finesse-Administrationskonsole unter Reason Codes (Not Ready) nur einen zu behalten, oder konfigurieren Sie das Gadget über den Code.',
  'problem.reason-config.SYSTEM_CODE':
    "Der Nicht-bereit-Grund {reason} ist ein System-Reason-Code ({code}); das Gadget darf ihn nie setzen. Bitten Sie Ihren Administrator, in der Finesse-Administrationskonsole unter Reason Codes (Not Ready) einen eigenen Grund wie 'Handling Chat' anzulegen.",
  'problem.reason-config.byLabel': "'{label}'",
  'problem.reason-config.byCode': 'mit Code {code}',
  'problem.reason-config.match': "'{label}' (Code {code})",
  'problem.reason-codes-unread.title': 'Die Nicht-bereit-Gründe konnten nicht von Finesse gelesen werden: {detail}',
  'problem.config.action':
    'Blending ist aus, bis das behoben ist: Ihnen werden keine Chats angeboten; Anrufe und die Finesse-Kopfzeile funktionieren wie gewohnt.',
  'problem.notification.title':
    'Eine Finesse-Benachrichtigung auf {node} konnte nicht gelesen werden und wurde ignoriert: {detail}',
  'problem.notification.action':
    'Das Gadget liest Ihren Status regelmäßig neu von Finesse, es geht also nichts verloren.',
  'problem.windows-indistinct.title':
    'Dieser Browser kann die Fenster des Gadgets nicht unterscheiden: Öffnen Sie den Desktop nur in einem Fenster.',
  'problem.windows-indistinct.action': 'Zwei Desktop-Fenster würden beide Ihren Status ändern.',
  'problem.on-secondary-node.title':
    'Finesse-Server {from} ist außer Betrieb: Ihr Desktop läuft jetzt auf Server {to}. Ihre Chats und Anrufe gehen hier weiter.',
  'problem.on-secondary-node.action':
    'Sie müssen nichts tun: Das Gadget hat Ihre Chats und Ihren Telefonstatus auf Server {to} übernommen.',
  'problem.start-failed.title': 'Das Gadget konnte nicht starten: {detail}',
  'problem.start-failed.action': 'Laden Sie den Desktop neu; wenn das so bleibt, informieren Sie Ihren Administrator.',
  'problem.desktop-service-refused.header-channel.title':
    'Die Finesse-Kopfzeile hat den Chat-Status des Gadgets nicht übernommen und zeigt ihn vielleicht falsch an.',
  'problem.desktop-service-refused.header-channel.action':
    'Angebote erscheinen weiter im Gadget, und seine eigene Leiste setzt Ihren Chat-Status; informieren Sie Ihren Administrator: {detail}',
  'problem.desktop-service-refused.popover.title':
    'Der Desktop hat das Popup eines Chat-Angebots nicht angezeigt oder nicht entfernt.',
  'problem.desktop-service-refused.popover.action':
    'Angebote erscheinen weiter im Gadget; informieren Sie Ihren Administrator: {detail}',
  // Barrierefreiheit und Aussehen
  'state.off': 'Blending ist aus: nur Anrufe, keine Chats',
  'offer.shortcuts': 'Alt+A nimmt an, Alt+D lehnt ab',
  'announce.offer': 'Chat-Angebot von {name}',
  'announce.message': '{name} schreibt: {text}',
  'chats.waiting': 'wartet seit {time}',
  'chats.unreadLabel.one': '{count} ungelesene Nachricht',
  'chats.unreadLabel.other': '{count} ungelesene Nachrichten',
  'chats.ended': 'beendet',
  'chats.newTab': '(öffnet in einem neuen Tab)',
  // Kanal in der Kopfzeile und Hinweise
  'header.channel': 'Chat',
  'header.starting': 'Wird gestartet…',
  'header.ready': 'Bereit',
  'header.handling': '{count} von {max} Chats',
  'header.full': '{count} von {max} Chats (voll)',
  'header.paused': 'Pausiert',
  'header.notReady': 'Nicht bereit',
  'header.offline': 'Offline',
  'header.hover': 'Chats: {count} von {max}. {reason}',
  'header.elsewhere': 'Ein anderes Fenster dieses Desktops führt das Blending aus.',
  'header.menuAvailable': 'Bereit für Chats',
  'header.menuNotReady': 'Nicht bereit für Chats',
  'header.refused.elsewhere':
    'Ein anderes Fenster dieses Desktops führt das Blending aus: Ändern Sie den Chat-Status dort.',
  'header.refused.starting': 'Das Gadget startet noch: Versuchen Sie es gleich noch einmal.',
  'header.refused.unknown': 'Das Chat-Gadget bietet diese Auswahl nicht an.',
  'choice.heading': 'Chat',
  'choice.available': 'Bereit für Chats',
  'choice.notReady': 'Nicht bereit für Chats',
  'choice.current': 'Chat: {choice}',
  'choice.inHeader': 'Ändern Sie dies über „Chat“ in der Finesse-Kopfzeile.',
  'alerts.popoverAction': 'Nehmen Sie diesen Chat an oder lehnen Sie ihn ab, bevor die Zeit abläuft.',
  'alerts.customer': 'Kunde',
  'alerts.notificationTitle': 'Chat-Angebot von {name}',
  'alerts.notificationBody': '{context}Läuft in {seconds} s ab. Öffnen Sie den Desktop, um anzunehmen oder abzulehnen.',
  'alerts.allow': 'Desktop-Hinweise erlauben',
  'alerts.allowHint':
    'Zeigt eine Desktop-Benachrichtigung, wenn ein Chat angeboten wird, während der Desktop nicht zu sehen ist.',
  'alerts.denied': 'Desktop-Hinweise sind für diese Website in den Browser-Einstellungen blockiert.',
  // Die Diagnoseseite, für den Administrator.
  'gadget.pref.mode': 'Gadget-Modus: leer für den Agentenplatz, „diagnostics“ nur für die Diagnoseseite',
  'diag.open': 'Diagnose',
  'diag.heading': 'Diagnose',
  'diag.intro':
    'Was das Gadget braucht, Schritt für Schritt von diesem Desktop aus geprüft. Eine fehlgeschlagene Prüfung sagt, was zu tun ist; Prüfungen, die sie brauchen, laufen nicht.',
  'diag.check.prefs': 'Gadget-Einstellungen',
  'diag.check.finesse-rest': 'Finesse REST als dieser Agent',
  'diag.check.notifications': 'Finesse-Benachrichtigungen',
  'diag.check.system-info': 'Finesse-Server (SystemInfo)',
  'diag.check.reason-code': 'Der Grundcode „Handling Chat“',
  'diag.check.chat-server': 'Der Chat-Server',
  'diag.check.chat-sign-in': 'Die Chat-Anmeldung des Agenten',
  'diag.check.chat-router': 'Der Chat-Router',
  'diag.outcome.waiting': 'Wartet',
  'diag.outcome.running': 'Wird geprüft…',
  'diag.outcome.pass': 'Bestanden',
  'diag.outcome.warn': 'Funktioniert, mit Warnung',
  'diag.outcome.fail': 'Fehlgeschlagen',
  'diag.outcome.skipped': 'Nicht ausgeführt',
  'diag.outcome.off': 'Aus',
  'diag.progress.running': 'Prüfung {current} von {total}: {check}…',
  'diag.progress.done':
    'Fertig: {passed} bestanden, {warned} mit Warnung, {failed} fehlgeschlagen, {skipped} nicht ausgeführt.',
  'diag.skipped': 'Nicht ausgeführt: Zuerst muss „{check}“ bestehen.',
  'diag.runAgain': 'Erneut prüfen',
  'diag.copy': 'Bericht kopieren',
  'diag.copied':
    'Bericht kopiert: Fügen Sie ihn in Ihre Nachricht an den Support ein. Er enthält keine Passwörter, Tokens oder Chat-Texte.',
  'diag.copyManual':
    'Dieser Rahmen darf die Zwischenablage nicht verwenden: Der Bericht ist im Feld unten markiert; drücken Sie Strg+C, um ihn zu kopieren.',
  'diag.reportLabel': 'Diagnosebericht',
  'diag.back': 'Zurück zu den Chats',
  'diag.advice': 'Was zu tun ist: {advice}',
  'diag.prefs-ok': 'Alle Einstellungen, die das Gadget liest, sind gültig.',
  'diag.prefs-warnings': 'Das Gadget arbeitet, mit Standardwerten statt dieser Einstellungen:',
  'diag.prefs-problems': 'Die Einstellungen haben Fehler; die anderen Prüfungen brauchen sie zuerst korrigiert:',
  'diag.prefs-problems.advice':
    'Korrigieren Sie sie in der URL des Gadgets im Desktop-Layout (Finesse-Administrationskonsole, Desktop Layout) und laden Sie den Desktop neu.',
  'diag.user': 'Finesse antwortete für {name}, Status: {state}.',
  'diag.rest-auth': 'Finesse hat die Anmeldedaten des Agenten abgelehnt (401).',
  'diag.rest-auth.advice':
    'Melden Sie sich am Desktop ab und wieder an; bleibt es so, prüfen Sie das Passwort des Agenten oder Single Sign-On in Finesse.',
  'diag.rest-failed': 'Finesse REST hat nicht wie erwartet geantwortet: {why}.',
  'diag.rest-failed.advice':
    'Prüfen Sie, ob dieser Finesse-Server in Betrieb ist (Prüfung der Server) und ob der Desktop das Gadget von ihm geladen hat; laden Sie dann den Desktop neu.',
  'diag.why.network': 'der Server war nicht erreichbar',
  'diag.why.timeout': 'keine Antwort in der Zeit',
  'diag.why.aborted': 'die Anfrage wurde abgebrochen',
  'diag.why.unavailable': 'der Server ist außer Betrieb (503)',
  'diag.why.not-found': 'Finesse kennt diesen Agenten nicht (404)',
  'diag.why.auth': 'die Anmeldedaten wurden abgelehnt (401)',
  'diag.why.parse': 'die Antwort war nicht lesbar',
  'diag.why.status': 'HTTP-Status {status}',
  'diag.notifications-ok':
    'Die Benachrichtigungsverbindung des Desktops steht und hat ein Abonnement in {ms} ms beantwortet.',
  'diag.notifications-down': 'Die Benachrichtigungsverbindung des Desktops ist im Zustand {status}.',
  'diag.notifications-down.advice':
    'Der Desktop verbindet sich selbst neu; bleibt es so, prüfen Sie den Cisco Finesse Notification Service auf diesem Server (CLI: utils service list) und laden Sie den Desktop neu.',
  'diag.notifications-no-answer.connection':
    'Der Desktop hat nicht gesagt, wie es um seine Benachrichtigungsverbindung steht.',
  'diag.notifications-no-answer.subscribe':
    'Der Desktop hat ein Abonnement der Benachrichtigungen des Agenten nicht beantwortet.',
  'diag.notifications-no-answer.advice':
    'Das Gadget muss im Finesse-Desktop laufen (über sein Layout); laden Sie den Desktop neu. Bleibt es so, prüfen Sie den Cisco Finesse Notification Service auf diesem Server.',
  'diag.notifications-refused':
    'Der Desktop hat ein Abonnement der Benachrichtigungen des Agenten abgelehnt: {errorType}.',
  'diag.notifications-refused.advice':
    'Laden Sie den Desktop neu; bleibt es so, prüfen Sie den Cisco Finesse Notification Service auf diesem Server (CLI: utils service list).',
  'diag.nodes.pass': 'Alle Finesse-Server sind in Betrieb.',
  'diag.nodes.single': 'Der Finesse-Server ist in Betrieb; SystemInfo nennt keinen sekundären Server.',
  'diag.nodes.fail': 'Nicht alle Finesse-Server sind in Betrieb.',
  'diag.nodes.advice':
    'Ein Server, der außer Betrieb oder nicht erreichbar ist, kann den Desktop nicht übernehmen, wenn der andere ausfällt: Prüfen Sie seine Dienste (CLI: utils service list) und das Netz zwischen Desktop und diesem Server.',
  'diag.node.primary': 'Primärer Server {node}: {status}',
  'diag.node.secondary': 'Sekundärer Server {node}: {status}',
  'diag.node.IN_SERVICE': 'in Betrieb',
  'diag.node.OUT_OF_SERVICE': 'außer Betrieb',
  'diag.node.noAnswer': 'keine Antwort ({why})',
  'diag.deployment': 'Bereitstellung: {deployment}',
  'diag.system-info-failed': 'Dieser Finesse-Server hat seine SystemInfo nicht geliefert: {why}.',
  'diag.reason-ok':
    'Der Grund für Chats ist „{label}“ (Code {code}), ein Nicht-bereit-Grund, den Finesse diesem Agenten gibt.',
  'diag.reason-missing.label': 'Finesse gibt diesem Agenten keinen Nicht-bereit-Grund mit der Bezeichnung „{label}“.',
  'diag.reason-missing.code': 'Finesse gibt diesem Agenten keinen Nicht-bereit-Grund mit dem Code {code}.',
  'diag.reason-missing.advice':
    'Legen Sie in der Finesse-Administrationskonsole einen Nicht-bereit-Grundcode mit der Bezeichnung „{label}“ an (Unified CCE: https://<Finesse-Server>/cfadmin; Unified CCX: https://<Unified-CCX-Server>/cfadmin; Registerkarte Reasons, Not-Ready-Grundcodes), global oder für das Team dieses Agenten, oder setzen Sie die Einstellung handlingChatReason auf einen vorhandenen: {available}.',
  'diag.reason-missing.none': 'noch keiner',
  'diag.reason-other.advice':
    'Korrigieren Sie die Nicht-bereit-Grundcodes in der Finesse-Administrationskonsole (Registerkarte Reasons) oder die Einstellung handlingChatReason im Desktop-Layout.',
  'diag.reason-codes-unread': 'Die Nicht-bereit-Grundcodes konnten nicht aus Finesse gelesen werden: {why}.',
  'diag.chat-off':
    'Chat ist für dieses Gadget nicht eingerichtet (chatService, chatRouter oder xmppDomain fehlt): Es bearbeitet nur Anrufe.',
  'diag.chat-off.advice':
    'Um Chats anzubieten, setzen Sie die Einstellungen chatService und chatRouter in der URL des Gadgets im Desktop-Layout.',
  'diag.chat-off.short': 'Chat ist aus: nicht eingerichtet.',
  'diag.endpoints.pass': 'Der Chat-Server antwortet.',
  'diag.endpoints.warn': 'Der Chat-Server antwortet nur unter einer seiner Adressen.',
  'diag.endpoints.fail': 'Der Chat-Server antwortet nicht.',
  'diag.endpoints.fail.advice':
    'Starten Sie den Chat-Dienst und seinen XMPP-Server, oder korrigieren Sie chatService im Desktop-Layout. Die Browser der Agenten müssen diese Adressen erreichen (Firewall, Proxy).',
  'diag.endpoints.warn.advice':
    'Das Gadget nutzt die Adresse, die antwortet; korrigieren Sie die andere oder entfernen Sie sie aus chatService. BOSH ist langsamer als WebSocket.',
  'diag.endpoint.answered': 'Antwort in {ms} ms',
  'diag.endpoint.refused': 'nichts antwortet (Verbindung abgelehnt oder geschlossen)',
  'diag.endpoint.timeout': 'keine Antwort in der Zeit',
  'diag.endpoint.not-xmpp': 'etwas antwortet, aber kein XMPP-Server',
  'diag.endpoint.http-status': 'HTTP-Status {status}',
  'diag.signed-in':
    'Der Agent hat sich über {transport} in {ms} ms am Chat-Server angemeldet, in einer eigenen Sitzung, und wieder abgemeldet.',
  'diag.sign-in-refused': 'Der Chat-Server hat die Anmeldedaten des Agenten abgelehnt.',
  'diag.sign-in-refused.advice':
    'Der Chat-Server muss die Finesse-ID und das Passwort des Agenten (oder das SSO-Token) in der xmppDomain annehmen: Prüfen Sie das Konto des Agenten auf dem Chat-Server und die Einstellung xmppDomain.',
  'diag.sign-in-failed': 'Die Chat-Anmeldung wurde nicht abgeschlossen: {why}.',
  'diag.sign-in-failed.advice':
    'Prüfen Sie im Protokoll des Chat-Servers die Anmeldung dieses Agenten und ob seine XMPP-Domain die xmppDomain des Gadgets ist.',
  'diag.no-identity.advice':
    'Prüfen Sie die Anmeldemethode des Desktops: Der Chat-Server braucht Basic-Anmeldedaten oder ein SSO-Token.',
  'diag.router-ok.one': 'Der Chat-Router hat in {ms} ms geantwortet und nennt {count} Warteschlange.',
  'diag.router-ok.other': 'Der Chat-Router hat in {ms} ms geantwortet und nennt {count} Warteschlangen.',
  'diag.router-no-answer': 'Der Chat-Router hat nicht innerhalb von {ms} ms geantwortet.',
  'diag.router-error': 'Der Chat-Server hat für den Router geantwortet: {condition}.',
  'diag.router.advice':
    'Starten Sie den Chat-Dienst (sein Router meldet sich als chatRouter an) und prüfen Sie, ob chatRouter seine vollständige JID nennt, etwa chat-router@chat.example.com/router.',
  'diag.router-forbidden.advice':
    'Der Router hält diesen Agenten nicht für einen Agenten: Das Chat-Konto des Agenten muss in der Domain des Routers liegen.',
  'diag.report.title': 'finesse-blend-Diagnosebericht',
  'diag.report.date': 'Datum: {date}',
  'diag.report.version': 'Gadget-Version: {version}',
  'diag.report.unknown': 'unbekannt',
  'diag.report.agent': 'Agenten-ID: {id}',
  'diag.report.node': 'Desktop-Knoten: {node}',
  'diag.report.prefs': 'Geltende Einstellungen:',
  'diag.report.unset': '(nicht gesetzt)',
  'gadget.team.title': 'Team: Anrufe und Chats',
  'gadget.team.description':
    'Sprachstatus, Grund und Zeit im Status jedes Teammitglieds, mit den Aktionen des Supervisors.',
  'team.loading': 'Ihr Team wird geladen…',
  'team.noTeams':
    'Finesse nennt kein Team, das Sie betreuen. Bitten Sie Ihren Administrator, Ihnen ein Team zuzuweisen.',
  'team.select': 'Team anzeigen',
  'team.caption': 'Agenten von {team}',
  'team.summary.label': 'Team-Übersicht',
  'team.summary.ready': 'Bereit',
  'team.summary.onCall': 'Im Gespräch',
  'team.summary.notReady': 'Nicht bereit',
  'team.summary.signedOut': 'Abgemeldet',
  'team.summary.chats': 'Bearbeiten Chats',
  'team.summary.noReason': 'ohne Grund',
  'team.summary.spoken':
    '{team}: {ready} bereit, {onCall} im Gespräch, {notReady} nicht bereit, {signedOut} abgemeldet.',
  'team.filter.label': 'Anzeigen',
  'team.filter.all': 'Alle',
  'team.filter.ready': 'Bereit',
  'team.filter.on-call': 'Im Gespräch',
  'team.filter.not-ready': 'Nicht bereit',
  'team.filter.signed-out': 'Abgemeldet',
  'team.filter.other': 'Andere Status',
  'team.search.label': 'Nach Namen suchen',
  'team.col.name': 'Name',
  'team.col.state': 'Sprachstatus',
  'team.col.pending': 'Nächster Status',
  'team.col.time': 'Zeit im Status',
  'team.col.chat': 'Chat-Status',
  'team.col.chats': 'Aktive Chats',
  'team.col.decision': 'Letzte Blending-Entscheidung',
  'team.col.actions': 'Aktionen',
  'team.noChatData': 'Keine Chat-Daten: Der Chat-Dienst meldet dieses Team noch nicht',
  'team.noPending': 'Keine Änderung wartet',
  'team.timeUnknown': 'Unbekannt',
  'team.chat.available': 'Verfügbar',
  'team.chat.not-available': 'Nicht verfügbar',
  'team.chat.offline': 'Nicht verbunden',
  'team.chats': '{active} von {max}',
  'team.empty': 'Kein Agent passt.',
  'team.action.make-not-ready': 'Auf Nicht bereit setzen',
  'team.action.make-ready': 'Auf Bereit setzen',
  'team.action.sign-out': 'Abmelden',
  'team.action.for': '{action}: {name}',
  'team.confirm.make-not-ready':
    '{name} auf Nicht bereit setzen? Finesse vermerkt es als Änderung durch den Supervisor.',
  'team.confirm.make-ready': '{name} für Anrufe auf Bereit setzen?',
  'team.confirm.sign-out': '{name} von Finesse abmelden?',
  'team.confirm.yes': 'Bestätigen',
  'team.confirm.no': 'Abbrechen',
  'team.outcome.sending': 'Finesse wird gebeten, den Status von {name} zu ändern…',
  'team.outcome.accepted':
    'Finesse hat die Änderung für {name} angenommen; die Zeile folgt, sobald Finesse sie meldet.',
  'team.outcome.dismiss': 'Schließen',
  'team.error.on-call':
    'Finesse hat abgelehnt: {name} ist im Gespräch. Ein Supervisor kann einen Agenten nur auf Nicht bereit setzen, solange er bereit ist oder nachbearbeitet; versuchen Sie es nach dem Gespräch.',
  'team.error.not-allowed': 'Finesse hat abgelehnt: Der aktuelle Status von {name} erlaubt diese Änderung nicht.',
  'team.error.not-supervisor': 'Finesse hat abgelehnt: Sie betreuen das Team von {name} nicht.',
  'team.error.sign-in': 'Finesse hat Ihre Anmeldung nicht angenommen. Melden Sie sich erneut bei Finesse an.',
  'team.error.network': 'Finesse ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  'team.error.unavailable': 'Finesse ist gerade außer Betrieb. Versuchen Sie es gleich noch einmal.',
  'team.error.not-found': 'Finesse kennt diesen Agenten oder dieses Team nicht.',
  'team.error.other':
    'Finesse hat die Änderung ohne Grund abgelehnt. Versuchen Sie es erneut; wenn es wieder passiert, informieren Sie Ihren Administrator.',
  'team.problem.load-failed': 'Das Team konnte nicht geladen werden. {why}',
  'team.problem.subscribe-failed':
    'Der Desktop hat dieses Gadget nicht für die Änderungen des Teams angemeldet; Zeilen können veraltet sein. Laden Sie den Desktop neu.',
  'team.problem.notifications-down':
    'Der Desktop hat seine Benachrichtigungsverbindung verloren: Zeilen können veraltet sein, bis sie zurückkommt.',
  'team.feed.refused':
    'Der Chat-Dienst zeigt Ihnen die Chat-Zustände dieses Teams nicht: Er führt Sie nicht als Supervisor des Teams. Bitten Sie Ihren Administrator, das Team in Finesse zu prüfen.',
  'team.feed.down':
    'Der Chat-Dienst ist nicht erreichbar: Die Chat-Spalten sind nicht aktuell. Sie werden wieder aktualisiert, sobald er zurück ist.',
  'team.feed.sign-in-failed':
    'Der Chat-Dienst hat Ihre Anmeldung nicht akzeptiert, daher bleiben die Chat-Spalten leer. Melden Sie sich erneut bei Finesse an.',
  'team.decisions.open': 'Letzte Entscheidungen von {name}',
  'team.decisions.title': 'Letzte Blending-Entscheidungen: {name}',
  'team.decisions.loading': 'Entscheidungen werden gelesen…',
  'team.decisions.empty': 'Der Chat-Dienst hat noch keine Entscheidung dieses Agenten.',
  'team.decisions.failed.refused':
    'Der Chat-Dienst zeigt Ihnen die Entscheidungen dieses Agenten nicht: Er führt Sie nicht als Supervisor seines Teams.',
  'team.decisions.failed.down': 'Der Chat-Dienst ist nicht erreichbar. Versuchen Sie es erneut, sobald er zurück ist.',
  'team.decisions.failed.no-feed':
    'Für dieses Gadget ist kein Chat-Dienst eingestellt, daher gibt es keine Entscheidungen.',
  'team.decisions.close': 'Schließen',
};
