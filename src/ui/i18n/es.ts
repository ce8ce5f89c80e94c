// Español neutro (easy to read across Latin America and Spain), addressing the agent as "usted" implicitly, with
// one name per Finesse state used everywhere: "Disponible", "No disponible", "En llamada", "Cierre".
// Every key of the English catalogue, the same `{placeholders}`.
import type { Catalogue } from './catalogue.ts';

export const es: Catalogue = {
  'status.connecting': 'Conectando con Finesse…',
  'status.noContainer':
    'Este gadget se ejecuta dentro del escritorio de Finesse: el contenedor no le dio ni hub ni preferencias.',

  'gadget.title': 'Chat y voz',
  'gadget.description': 'Atienda chats y llamadas desde un solo escritorio, con combinación de canales.',
  'gadget.pref.maxChats': 'Máximo de chats simultáneos',
  'gadget.pref.handlingChatReason': 'Motivo de No disponible mientras atiende chats',
  'gadget.pref.chatService': 'Dirección del servidor de chat: WebSocket, BOSH o ambas separadas por un espacio',
  'gadget.pref.chatRouter': 'Dirección del enrutador de chat (JID completo)',
  'gadget.pref.offerSound': 'Sonido al ofrecerse un chat mientras el gadget no está a la vista',
  'gadget.pref.desktopNotifications':
    'Notificación de escritorio al ofrecerse un chat mientras el escritorio no está a la vista',
  'gadget.pref.autoAccept': 'Aceptar los chats ofrecidos sin esperar al agente',

  'config.authorization': 'El escritorio de Finesse no dio credenciales al gadget ("authorization" o "authToken").',
  'config.authorization.fix':
    'Abra el gadget desde el escritorio de Finesse: añádalo al diseño del escritorio en la consola de administración de Finesse (Desktop Layout). El escritorio da las credenciales; nunca se escriben en la URL del gadget.',
  'config.authorization.malformed':
    'Las credenciales que dio el escritorio ("authorization") no son el "id:contraseña" en base64 que da Finesse, así que Finesse rechazaría todas las solicitudes.',
  'config.authorization.malformed.fix':
    'Cierre la sesión del escritorio de Finesse y vuelva a iniciarla. Si sigue igual, quite cualquier "authorization" de la URL del gadget en el diseño del escritorio y compruebe que ningún proxy reescribe la dirección del gadget.',
  'config.id':
    'El escritorio de Finesse no indicó al gadget quién inició sesión: no hay "id" y las credenciales no nombran al agente.',
  'config.id.fix':
    'Abra el gadget desde el diseño del escritorio de Finesse (Desktop Layout en la consola de administración de Finesse), no como una página aparte.',
  'config.host': 'El escritorio de Finesse no dio al gadget el nombre de su servidor ("host").',
  'config.host.fix':
    'Abra el gadget desde el diseño del escritorio de Finesse (Desktop Layout en la consola de administración de Finesse), no como una página aparte.',
  'config.scheme': 'El esquema "{value}" no es http ni https.',
  'config.scheme.fix':
    'Lo da el escritorio de Finesse: quite "scheme" de la URL del gadget en el diseño del escritorio si está allí y abra el gadget desde el escritorio de Finesse.',
  'config.maxChats': 'maxChats es "{value}", que no es un número entero de 1 a {limit}.',
  'config.maxChats.fix':
    'Indique un número entero de 1 a {limit} en la URL del gadget en el diseño del escritorio (consola de administración de Finesse, Desktop Layout), por ejemplo {example}',
  'config.flag':
    '{pref} vale "{value}", que no es true ni false: mientras tanto el gadget usa su valor predeterminado, {fallback}.',
  'config.flag.fix':
    'Escriba true o false en la URL del gadget en el diseño del escritorio (consola de administración de Finesse, Desktop Layout), por ejemplo {example}',
  'config.flag.true': 'true',
  'config.flag.false': 'false',
  'config.chatService.notAddress': 'chatService contiene "{value}", que no es una dirección ws(s):// ni http(s)://.',
  'config.chatService.notAddress.fix':
    'Indique la dirección WebSocket del servidor de chat (wss://host:port/path), su dirección BOSH (https://host:port/http-bind) o ambas separadas por un espacio en la URL del gadget en el diseño del escritorio, por ejemplo {example}',
  'config.chatService.twoWebSocket': 'chatService tiene más de una dirección WebSocket.',
  'config.chatService.twoWebSocket.fix':
    'Deje una dirección WebSocket, una BOSH o una de cada, separadas por un espacio, en la URL del gadget en el diseño del escritorio, por ejemplo {example}',
  'config.chatService.twoBosh': 'chatService tiene más de una dirección BOSH.',
  'config.chatService.twoBosh.fix':
    'Deje una dirección WebSocket, una BOSH o una de cada, separadas por un espacio, en la URL del gadget en el diseño del escritorio, por ejemplo {example}',
  'config.chatService.insecure':
    'La dirección de chat "{value}" no está cifrada (ws: o http:) y el escritorio funciona con https: el navegador la bloquea.',
  'config.chatService.insecure.fix':
    'Use la dirección wss:// (WebSocket) o https:// (BOSH) del servidor de chat en la URL del gadget en el diseño del escritorio, por ejemplo {example}',
  'config.chatRouter': 'chatRouter es "{value}", que no es un JID completo (nombre@dominio/recurso).',
  'config.chatRouter.fix':
    'Indique el JID completo del enrutador de chat en la URL del gadget en el diseño del escritorio (consola de administración de Finesse, Desktop Layout), por ejemplo {example}',
  'config.chat.routerMissing': 'chatService está definido ("{value}") pero chatRouter no: el chat necesita ambos.',
  'config.chat.routerMissing.fix':
    'Añada chatRouter, el JID completo del enrutador de chat, a la URL del gadget en el diseño del escritorio, por ejemplo {example}, o quite chatService para un gadget sin chat.',
  'config.chat.serviceMissing': 'chatRouter está definido ("{value}") pero chatService no: el chat necesita ambos.',
  'config.chat.serviceMissing.fix':
    'Añada chatService, la dirección del servidor de chat, a la URL del gadget en el diseño del escritorio, por ejemplo {example}, o quite chatRouter para un gadget sin chat.',
  'config.xmppDomain':
    'El chat está configurado, pero el escritorio de Finesse no dio al gadget un dominio XMPP ("xmppDomain") con el que iniciar sesión en el chat.',
  'config.xmppDomain.fix':
    'El escritorio lo toma de la configuración de Finesse: abra el gadget desde el escritorio de Finesse; si sigue igual, pida al administrador de Finesse que revise el dominio XMPP que Finesse indica en SystemInfo.',
  'config.handlingChatReason.code':
    'handlingChatReason es "{value}", que no es un código de motivo de No disponible: los códigos de Finesse van de 1 a {limit} (de 1 a 999 en Unified CCX).',
  'config.handlingChatReason.code.fix':
    'Indique el código o la etiqueta del motivo de No disponible para chats (consola de administración de Finesse, Reasons) en la URL del gadget en el diseño del escritorio, por ejemplo {example}',
  'config.handlingChatReason.label':
    'handlingChatReason es "{value}", más largo que los {limit} caracteres que Finesse permite en la etiqueta de un motivo.',
  'config.handlingChatReason.label.fix':
    'Indique la etiqueta o el código del motivo de No disponible para chats, tal como lo muestra la consola de administración de Finesse (Reasons), en la URL del gadget en el diseño del escritorio, por ejemplo {example}',
  'config.heading.error': 'Este gadget no puede iniciarse: hay que corregir sus preferencias',
  'config.heading.warning': 'Algunas preferencias de este gadget tienen valores incorrectos',
  'config.intro.error':
    'Un administrador las corrige en la consola de administración de Finesse. Mientras tanto, las llamadas y la cabecera de Finesse funcionan como siempre.',
  'config.intro.warning':
    'El gadget funciona con valores predeterminados para estas. Un administrador las corrige en la consola de administración de Finesse.',
  'config.severity.error': 'Detiene el gadget',
  'config.severity.warning': 'Aviso',
  'config.found': 'Valor encontrado:',
  'config.found.unset': 'sin definir',
  'config.found.hidden': 'no se muestra (es una credencial)',
  'config.fix': 'Cómo corregirlo:',
  'config.dismiss': 'Descartar',

  'state.starting': 'Iniciando la combinación de canales…',
  'state.signedOut': 'Sesión cerrada: sin llamadas ni chats',
  'state.readyBoth': 'Disponible para llamadas y chats',
  'state.readyChatsOnly': 'Disponible para chats; la voz está en {voice}: sin llamadas',
  'state.readyChatsVoiceGoing': 'Disponible para chats; la voz está en {voice} y vuelve a Disponible…',
  'state.readyChatsVoiceFailed': 'Disponible para chats; la voz sigue en {voice}: falló el cambio a Disponible',
  'state.handlingVoiceReady': 'Atendiendo {count} de {max} chats; la voz sigue Disponible: pueden entrar llamadas',
  'state.onCall': 'En llamada: chats en pausa',
  'state.handling': 'Atendiendo {count} de {max} chats: No disponible para llamadas',
  'state.full': 'Atendiendo {count} de {max} chats: sin chats nuevos, No disponible para llamadas',
  'state.notReady': 'No disponible ({reason}): sin llamadas ni chats nuevos',
  'state.notReadyChats.one': 'No disponible ({reason}): {count} chat continúa, sin chats nuevos',
  'state.notReadyChats.other': 'No disponible ({reason}): {count} chats continúan, sin chats nuevos',
  'state.offline': 'Chat desconectado: solo llamadas',
  'state.holding': 'En espera de cambios: {reason}',
  'state.detail': 'Voz {voice} · Chat {chat} {count}/{max}',
  'state.pending': ' (siguiente: {state})',

  'voiceState.LOGIN': 'Iniciando sesión',
  'voiceState.LOGOUT': 'Sesión cerrada',
  'voiceState.NOT_READY': 'No disponible',
  'voiceState.NOT_READY.reason': 'No disponible ({reason})',
  'voiceState.READY': 'Disponible',
  'voiceState.RESERVED': 'Reservado',
  'voiceState.RESERVED_OUTBOUND': 'Reservado (saliente)',
  'voiceState.RESERVED_OUTBOUND_PREVIEW': 'Reservado (vista previa)',
  'voiceState.TALKING': 'En llamada',
  'voiceState.HOLD': 'En espera',
  'voiceState.WORK': 'Cierre',
  'voiceState.WORK_READY': 'Cierre',
  'voiceState.UNKNOWN': 'Desconocido',

  'offer.heading': 'Chats ofrecidos',
  'offer.from': 'Chat de {name}',
  'offer.transferred': 'Transferido por el agente {agent}',
  'offer.expiresIn': 'Vence en {seconds} s',
  'offer.expired': 'Venciendo…',
  'offer.accept': 'Aceptar',
  'offer.decline': 'Rechazar',
  'offer.acceptLabel': 'Aceptar el chat de {name}',
  'offer.declineLabel': 'Rechazar el chat de {name}',
  'offer.reserving': 'Reservando su línea telefónica…',
  'offer.waiting': 'Esperando su línea telefónica…',
  'offer.accepting': 'Aceptando…',
  'offer.declining': 'Rechazando…',

  'chats.heading': 'Conversaciones',
  'chats.none': 'No hay chats por ahora.',
  'chats.tabLabel': 'Chat con {name}',
  'chats.typing': '{name} está escribiendo…',
  'chats.composer': 'Mensaje para {name}',
  'chats.placeholder': 'Escriba un mensaje; Intro envía, Mayús+Intro agrega una línea',
  'chats.send': 'Enviar',
  'chats.pending': 'enviando…',
  'chats.end': 'Terminar chat',
  'chats.transfer': 'Devolver a la cola',
  'chats.close': 'Cerrar',
  'chats.ending': 'Terminando…',
  'chats.transferring': 'Devolviendo…',
  'chats.transferQueue': 'Transferir a otra cola',
  'chats.transferPick': 'Elija una cola…',
  'chats.transferSend': 'Transferir',
  'chats.offline': 'El servidor de chat no está conectado: podrá escribir cuando vuelva.',
  'chats.reconnecting':
    'Reconectando con el servidor de chat: los mensajes que envíe ahora saldrán cuando vuelva la conexión.',
  'chats.closedByCustomer': 'El cliente terminó el chat.',
  'chats.closedCustomerLeft': 'El cliente abandonó el chat.',
  'chats.closedByAgent': 'Usted terminó el chat.',
  'chats.closedBySystem': 'El sistema terminó el chat.',
  'chats.closedTransferred': 'El chat fue transferido.',
  'chats.closedReturned': 'El chat volvió a la cola.',
  'chats.you': 'Usted',
  'chats.system': 'Sistema',

  'chatError.not-signed-in': 'El chat no tiene sesión iniciada en esta ventana.',
  'chatError.auth-failed': 'El servidor de chat rechazó las credenciales del agente.',
  'chatError.unreachable': 'El servidor de chat no está conectado; vuelva a intentarlo cuando regrese.',
  'chatError.no-such-offer': 'Este chat ya no se le ofrece.',
  'chatError.no-such-chat': 'Este chat no está activo aquí.',
  'chatError.chat-ended': 'Este chat ya terminó.',
  'chatError.rejected': 'El enrutador de chat rechazó esta solicitud.',
  'chatError.timeout': 'El enrutador de chat no respondió a tiempo; vuelva a intentarlo.',
  'chatError.too-long': 'El mensaje es demasiado largo; divídalo en mensajes más cortos.',
  'chatError.empty': 'No hay nada que enviar.',

  'log.heading': 'Por qué el gadget hizo lo que hizo',
  'log.empty': 'Todavía no hay cambios.',

  'owner.observer':
    'La combinación de canales de su cuenta se ejecuta en otra ventana. Esta ventana solo muestra el estado.',
  'owner.useHere': 'Usar esta ventana',
  'owner.confirm': 'Tomar el control',
  'owner.cancel': 'Cancelar',
  'owner.pending': 'Tomando el control…',
  'owner.takenOver':
    'Otra ventana tomó el control de la combinación de canales de su cuenta. Esta ventana ahora solo muestra el estado; elija "{button}" aquí para volver a ejecutarla en esta ventana.',
  'owner.question':
    'La combinación de canales de su cuenta se ejecuta en otra ventana. ¿Tomar el control aquí? La otra ventana dejará de cambiar su estado e indicará que se tomó el control.',
  'owner.questionSince':
    'La combinación de canales de su cuenta se ejecuta en otra ventana desde las {time}. ¿Tomar el control aquí? La otra ventana dejará de cambiar su estado e indicará que se tomó el control.',
  'owner.failed.not-running': 'La combinación de canales no se está ejecutando en esta ventana.',
  'owner.failed.lock': 'Esta ventana no pudo tomar el control; vuelva a intentarlo.',
  'owner.failed.stolen': 'Mientras tanto, otra ventana tomó el control.',

  'problems.heading': 'Problemas',

  'count.chats.one': '{count} chat',
  'count.chats.other': '{count} chats',
  'count.continuing.one': '; {count} chat continúa',
  'count.continuing.other': '; {count} chats continúan',
  'request.ready': 'Disponible',
  'request.notReady': 'No disponible ({label})',
  'request.noReason': 'sin motivo',

  'hold.finesse-down': 'Finesse está fuera de servicio en ambos nodos',
  'hold.node-move': 'El servidor Finesse {from} está fuera de servicio; el escritorio lo está pasando al servidor {to}',
  'hold.notifications-down': 'Las notificaciones de Finesse no funcionan',

  'reason.code': 'código {code}',
  'reason.id': 'motivo {id}',
  'reason.none': 'sin motivo',
  'reason.signing-out': 'cerrando sesión',

  'work.wrap-up': 'cierre',
  'work.reserved': 'una llamada reservada para el agente',
  'work.acd-state': 'una llamada ACD',
  'work.acd-call': 'una llamada ACD ({callType})',
  'work.unknown-call': 'una llamada',
  'work.unknownType': 'tipo desconocido',

  'chat.chat-server-down': 'Desconectado: no se puede llegar al servidor de chat',
  'chat.voice-unknown': 'Desconectado: esperando el estado de sesión de Finesse',
  'chat.signed-out': 'Desconectado: sesión de Finesse cerrada',
  'chat.holding': 'Interrumpido: {hold}; sin chats nuevos hasta que vuelva{continuing}',
  'chat.routed-work': 'Interrumpido: en {work}, no se asignan chats{continuing}',
  'chat.internal-call': 'Interrumpido: en una llamada interna ({callType}), no se asignan chats',
  'chat.internal-call.direct': 'directa',
  'chat.agent-chose-not-ready': 'No disponible para chat: elegido por el agente{continuing}',
  'chat.voice-not-ready': 'No disponible: la voz está No disponible ({reason}), sin chats nuevos{continuing}',
  'chat.voice-transient': 'No disponible: el estado de voz es {state}',
  'chat.voice-transient.unknown': 'desconocido',
  'chat.chats-full': 'Ocupado: atendiendo {count} de {max} chats',
  'chat.chats-active': 'Activo: atendiendo {count} de {max} chats',
  'chat.chat-idle': 'Disponible para chats y llamadas',
  'chat.taking-over': 'No disponible: esta ventana está tomando el control de sus chats',

  'voice.reserve-for-chat': 'No disponible ({label}): reservando la voz para tomar un chat',
  'voice.answer-ready': 'No disponible ({label}): atendiendo {chats}; la voz sigue No disponible hasta que terminen',
  'voice.pending-after-call':
    'No disponible ({label}) después de la llamada: atendiendo {chats}, así que la llamada no debe terminar en Disponible',
  'voice.leave-wrap-up':
    'No disponible ({label}): atendiendo {chats}, así que el cierre no debe terminar en Disponible',
  'voice.ready-after-call': 'Disponible después de la llamada: no hay chats para los que retener la voz',
  'voice.restore-ready': 'Disponible: terminaron todos los chats, la voz vuelve a Disponible',

  'offer.declined-holding': 'Rechazado: {hold}, así que este chat pasó a otro agente',
  'offer.declined-reservation.unavailable':
    'Rechazado: Finesse está fuera de servicio, así que este chat pasó a otro agente',
  'offer.declined-reservation.refused':
    'Rechazado: Finesse no permitió poner la voz en No disponible (quizá el agente estaba reservado para una llamada), así que este chat pasó a otro agente',
  'offer.declined-reservation':
    'Rechazado: no se pudo poner antes la voz en No disponible, así que este chat pasó a otro agente',
  'offer.declined-unavailable': 'Rechazado: {chat}',
  'offer.declined-full': 'Rechazado: ya atiende {max} de {max} chats',
  'offer.declined-voice': 'Rechazado: la voz está en {state} y no se puede retener para un chat',
  'offer.declined-by-agent': 'Rechazado por el agente',
  'offer.wait-voice-busy': 'Esperando el cambio de estado de voz en curso',
  'offer.wait-reserve': 'Esperando: primero se pone la voz en No disponible ({label})',
  'offer.chat-accepted': 'Aceptado: la voz está No disponible ({label}), ahora atendiendo {chats}',

  'log.chats-handed-back': 'Sesión de Finesse cerrada: chats devueltos a la cola ({chats})',
  'log.voice-request.again': '{intent} (intento {attempt} de {max})',
  'log.voice-confirmed': 'Finesse confirmó {request}',
  'log.voice-refused': 'Finesse rechazó {request}: el estado del agente cambió; se vuelve a leer',
  'log.voice-refused-during-call':
    'Finesse rechazó {request} durante la llamada: Disponible cuando termine la llamada; se vuelve a leer el estado',
  'log.voice-retry': '{request} no se completó ({problem}); nuevo intento en {seconds} s',
  'log.voice-retry.timeout': 'sin respuesta a tiempo',
  'log.voice-retry.unavailable': 'Finesse no está disponible',
  'log.voice-failed': 'No se pudo poner la voz en {request}: {detail}',
  'log.reread-failed': 'No se pudo volver a leer el estado del agente en Finesse: {detail}',
  'log.accept-failed': 'No se pudo aceptar el chat ofrecido: {detail}',
  'log.hand-back-failed': 'No se pudieron devolver los chats a la cola: {detail}',
  'log.chat-availability': 'Disponibilidad de chat {chat}',
  'log.chat-availability.signedIn': 'Disponibilidad de chat {chat} (sesión de chat iniciada con Finesse)',
  'log.holding-still': 'En espera de cambios: {hold}. Sin cambios de voz ni chats nuevos hasta que vuelva',
  'log.finesse-back': 'Finesse volvió: se releen el estado del agente y las llamadas, y se concilian',
  'log.owner-here': 'Esta ventana ahora ejecuta la combinación de canales del agente',
  'log.owner-elsewhere': 'Otra ventana tomó el control; esta ahora solo muestra el estado',

  'problem.holding.finesse-down.title':
    'Finesse está fuera de servicio en ambos nodos: sin chats nuevos hasta que vuelva; sus chats continúan.',
  'problem.holding.finesse-down.action':
    'No tiene que hacer nada: el gadget vuelve a leer su estado y sigue en cuanto vuelva un nodo de Finesse.',
  'problem.holding.notifications-down.title':
    'Las notificaciones de Finesse no funcionan: sin chats nuevos ni cambios de estado del gadget hasta que vuelvan; sus chats continúan.',
  'problem.holding.notifications-down.action':
    'El escritorio se está reconectando; si esto sigue, vuelva a cargar el escritorio.',
  'problem.holding.node-move.title':
    'El servidor Finesse {from} está fuera de servicio; el escritorio lo está pasando al servidor {to}. Sus chats continúan.',
  'problem.holding.node-move.action':
    'Sin chats nuevos ni cambios de estado del gadget hasta que el escritorio esté en el servidor {to}; ahí continúa.',
  'problem.chat-reconnecting.title': 'Se perdió la conexión con el servidor de chat: reconectando.',
  'problem.chat-reconnecting.action': 'Sus chats continúan; los mensajes que escriba se envían cuando vuelva.',
  'problem.chat-no-identity.title':
    'El chat no puede iniciar sesión: las credenciales que el escritorio de Finesse dio al gadget no son Basic id:password ni un token Bearer.',
  'problem.chat-no-identity.action': 'Pida a su administrador que revise el método de inicio de sesión del escritorio.',
  'problem.chat-sign-in-failed.title': 'Falló el inicio de sesión del chat: {error}',
  'problem.chat-sign-in-failed.action':
    'No se le ofrecen chats. Pida a su administrador que revise su cuenta de chat; las llamadas funcionan como siempre.',
  'problem.chat-handover-failed.title':
    'El servidor de chat no confirmó antes del traspaso mensajes escritos en esta ventana.',
  'problem.chat-handover-failed.action':
    'La conversación continúa en la ventana que tomó el control; revise allí que sus últimos mensajes llegaron.',
  'problem.chat-not-configured.title': 'El chat no está configurado para este gadget: solo llamadas.',
  'problem.chat-not-configured.action':
    'Un administrador configura las preferencias chatService y chatRouter en el diseño del escritorio para ofrecer chats.',
  'problem.reason-config.NOT_CONFIGURED':
    'No hay un motivo de No disponible configurado para atender chats. Pida a su administrador que indique en la preferencia del gadget la etiqueta o el código de un motivo de No disponible, como "Handling Chat".',
  'problem.reason-config.NOT_DEFINED':
    'El motivo de No disponible {reason} no está definido en Finesse. Pida a su administrador que lo agregue en la consola de administración de Finesse, en Reason Codes (Not Ready).',
  'problem.reason-config.AMBIGUOUS':
    'El motivo de No disponible {reason} coincide con {count} códigos de motivo en Finesse: {matches}. Pida a su administrador que deje solo uno en la consola de administración de Finesse, en Reason Codes (Not Ready), o configure el gadget por código.',
  'problem.reason-config.SYSTEM_CODE':
    "El motivo de No disponible {reason} es un código de motivo del sistema ({code}); el gadget nunca debe usarlo. Pida a su administrador que agregue un motivo propio, como 'Handling Chat', en la consola de administración de Finesse, en Reason Codes (Not Ready).",
  'problem.reason-config.byLabel': "'{label}'",
  'problem.reason-config.byCode': 'con código {code}',
  'problem.reason-config.match': "'{label}' (código {code})",
  'problem.reason-codes-unread.title': 'No se pudieron leer de Finesse los motivos de No disponible: {detail}',
  'problem.config.action':
    'La combinación de canales está apagada hasta que se corrija: no se le ofrecen chats; las llamadas y la barra de Finesse funcionan como siempre.',
  'problem.notification.title': 'Una notificación de Finesse en {node} no se pudo leer y se ignoró: {detail}',
  'problem.notification.action':
    'El gadget vuelve a leer su estado en Finesse cada cierto tiempo, así que no se pierde nada.',
  'problem.windows-indistinct.title':
    'Este navegador no distingue las ventanas del gadget: abra el escritorio en una sola ventana.',
  'problem.windows-indistinct.action': 'Dos ventanas del escritorio cambiarían su estado a la vez.',
  'problem.on-secondary-node.title':
    'El servidor Finesse {from} está fuera de servicio: su escritorio ahora se ejecuta en el servidor {to}. Sus chats y llamadas continúan aquí.',
  'problem.on-secondary-node.action':
    'No tiene que hacer nada: el gadget retomó sus chats y su estado de voz en el servidor {to}.',
  'problem.start-failed.title': 'El gadget no pudo iniciar: {detail}',
  'problem.start-failed.action': 'Vuelva a cargar el escritorio; si esto sigue, avise a su administrador.',
  'problem.desktop-service-refused.header-channel.title':
    'El encabezado de Finesse no aceptó el estado de chat del gadget, así que puede mostrarlo mal.',
  'problem.desktop-service-refused.header-channel.action':
    'Las ofertas siguen apareciendo en el gadget y su propia barra fija su estado de chat; avise a su administrador: {detail}',
  'problem.desktop-service-refused.popover.title':
    'El escritorio no mostró o no retiró la ventana emergente de una oferta de chat.',
  'problem.desktop-service-refused.popover.action':
    'Las ofertas siguen apareciendo en el gadget; avise a su administrador: {detail}',
  // accesibilidad y aspecto
  'state.off': 'La combinación de canales está desactivada: solo llamadas, sin chats',
  'offer.shortcuts': 'Alt+A acepta, Alt+D rechaza',
  'announce.offer': 'Chat ofrecido de {name}',
  'announce.message': '{name} dice: {text}',
  'chats.waiting': 'esperando {time}',
  'chats.unreadLabel.one': '{count} mensaje sin leer',
  'chats.unreadLabel.other': '{count} mensajes sin leer',
  'chats.ended': 'finalizado',
  'chats.newTab': '(se abre en una pestaña nueva)',
  // canal en la cabecera y avisos
  'header.channel': 'Chat',
  'header.starting': 'Iniciando…',
  'header.ready': 'Disponible',
  'header.handling': '{count} de {max} chats',
  'header.full': '{count} de {max} chats (completo)',
  'header.paused': 'En pausa',
  'header.notReady': 'No disponible',
  'header.offline': 'Desconectado',
  'header.hover': 'Chats: {count} de {max}. {reason}',
  'header.elsewhere': 'Otra ventana de este escritorio ejecuta la combinación de canales.',
  'header.menuAvailable': 'Disponible para chat',
  'header.menuNotReady': 'No disponible para chat',
  'header.refused.elsewhere': 'Otra ventana de este escritorio ejecuta la combinación de canales: cambie el chat allí.',
  'header.refused.starting': 'El gadget todavía se está iniciando: inténtelo de nuevo en un momento.',
  'header.refused.unknown': 'El gadget de chat no ofrece esta opción.',
  'choice.heading': 'Chat',
  'choice.available': 'Disponible para chat',
  'choice.notReady': 'No disponible para chat',
  'choice.current': 'Chat: {choice}',
  'choice.inHeader': 'Cámbielo desde Chat en la cabecera de Finesse.',
  'alerts.popoverAction': 'Acepte o rechace este chat antes de que se acabe el tiempo.',
  'alerts.customer': 'Cliente',
  'alerts.notificationTitle': 'Chat ofrecido de {name}',
  'alerts.notificationBody': '{context}Vence en {seconds} s. Abra el escritorio para aceptarlo o rechazarlo.',
  'alerts.allow': 'Permitir avisos de escritorio',
  'alerts.allowHint':
    'Muestra una notificación de escritorio cuando se ofrece un chat mientras el escritorio no está a la vista.',
  'alerts.denied': 'Los avisos de escritorio están bloqueados para este sitio en la configuración del navegador.',
  // La página de diagnóstico, para el administrador.
  'gadget.pref.mode':
    'Modo del gadget: vacío para el puesto del agente, "diagnostics" solo para la página de diagnóstico',
  'diag.open': 'Diagnóstico',
  'diag.heading': 'Diagnóstico',
  'diag.intro':
    'Lo que el gadget necesita, comprobado paso a paso desde este escritorio. Una comprobación fallida dice qué hacer; las que dependen de ella no se ejecutan.',
  'diag.check.prefs': 'Preferencias del gadget',
  'diag.check.finesse-rest': 'Finesse REST como este agente',
  'diag.check.notifications': 'Notificaciones de Finesse',
  'diag.check.system-info': 'Servidores de Finesse (SystemInfo)',
  'diag.check.reason-code': 'El código de motivo «Handling Chat»',
  'diag.check.chat-server': 'El servidor de chat',
  'diag.check.chat-sign-in': 'El inicio de sesión del agente en el chat',
  'diag.check.chat-router': 'El enrutador de chats',
  'diag.outcome.waiting': 'En espera',
  'diag.outcome.running': 'Comprobando…',
  'diag.outcome.pass': 'Correcto',
  'diag.outcome.warn': 'Funciona, con un aviso',
  'diag.outcome.fail': 'Fallido',
  'diag.outcome.skipped': 'No ejecutado',
  'diag.outcome.off': 'Desactivado',
  'diag.progress.running': 'Comprobando {current} de {total}: {check}…',
  'diag.progress.done':
    'Terminado: {passed} correctas, {warned} con aviso, {failed} fallidas, {skipped} no ejecutadas.',
  'diag.skipped': 'No ejecutado: antes debe pasar «{check}».',
  'diag.runAgain': 'Volver a comprobar',
  'diag.copy': 'Copiar informe',
  'diag.copied':
    'Informe copiado: péguelo en su mensaje al soporte. No contiene contraseñas, tokens ni texto de chats.',
  'diag.copyManual':
    'Este marco no puede usar el portapapeles: el informe está seleccionado en el cuadro de abajo; pulse Ctrl+C para copiarlo.',
  'diag.reportLabel': 'Informe de diagnóstico',
  'diag.back': 'Volver a los chats',
  'diag.advice': 'Qué hacer: {advice}',
  'diag.prefs-ok': 'Todas las preferencias que lee el gadget son válidas.',
  'diag.prefs-warnings': 'El gadget funciona, con valores predeterminados en lugar de estas preferencias:',
  'diag.prefs-problems': 'Las preferencias tienen problemas; las demás comprobaciones necesitan que se corrijan antes:',
  'diag.prefs-problems.advice':
    'Corríjalas en la URL del gadget en el diseño del escritorio (consola de administración de Finesse, Desktop Layout) y vuelva a cargar el escritorio.',
  'diag.user': 'Finesse respondió por {name}, que está en {state}.',
  'diag.rest-auth': 'Finesse rechazó las credenciales del agente (401).',
  'diag.rest-auth.advice':
    'Cierre la sesión del escritorio y vuelva a iniciarla; si sigue igual, revise la contraseña del agente o el inicio de sesión único en Finesse.',
  'diag.rest-failed': 'Finesse REST no respondió como se esperaba: {why}.',
  'diag.rest-failed.advice':
    'Compruebe que este servidor de Finesse está en servicio (comprobación de servidores) y que el escritorio cargó el gadget desde él; luego vuelva a cargar el escritorio.',
  'diag.why.network': 'no se pudo conectar con el servidor',
  'diag.why.timeout': 'sin respuesta a tiempo',
  'diag.why.aborted': 'la petición se canceló',
  'diag.why.unavailable': 'el servidor está fuera de servicio (503)',
  'diag.why.not-found': 'Finesse no conoce a este agente (404)',
  'diag.why.auth': 'se rechazaron las credenciales (401)',
  'diag.why.parse': 'no se pudo leer la respuesta',
  'diag.why.status': 'estado HTTP {status}',
  'diag.notifications-ok':
    'La conexión de notificaciones del escritorio está activa y respondió a una suscripción en {ms} ms.',
  'diag.notifications-down': 'La conexión de notificaciones del escritorio está en estado {status}.',
  'diag.notifications-down.advice':
    'El escritorio se reconecta solo; si sigue así, revise el servicio Cisco Finesse Notification Service en este servidor (CLI: utils service list) y vuelva a cargar el escritorio.',
  'diag.notifications-no-answer.connection': 'El escritorio no dijo en qué estado está su conexión de notificaciones.',
  'diag.notifications-no-answer.subscribe':
    'El escritorio no respondió a una suscripción a las notificaciones del agente.',
  'diag.notifications-no-answer.advice':
    'El gadget debe ejecutarse dentro del escritorio de Finesse (su diseño); vuelva a cargar el escritorio. Si sigue así, revise el Cisco Finesse Notification Service en este servidor.',
  'diag.notifications-refused': 'El escritorio rechazó una suscripción a las notificaciones del agente: {errorType}.',
  'diag.notifications-refused.advice':
    'Vuelva a cargar el escritorio; si sigue así, revise el Cisco Finesse Notification Service en este servidor (CLI: utils service list).',
  'diag.nodes.pass': 'Todos los servidores de Finesse están en servicio.',
  'diag.nodes.single': 'El servidor de Finesse está en servicio; SystemInfo no indica servidor secundario.',
  'diag.nodes.fail': 'No todos los servidores de Finesse están en servicio.',
  'diag.nodes.advice':
    'Un servidor fuera de servicio o inalcanzable no puede hacerse cargo del escritorio si el otro falla: revise sus servicios (CLI: utils service list) y la red entre el escritorio y ese servidor.',
  'diag.node.primary': 'Servidor principal {node}: {status}',
  'diag.node.secondary': 'Servidor secundario {node}: {status}',
  'diag.node.IN_SERVICE': 'en servicio',
  'diag.node.OUT_OF_SERVICE': 'fuera de servicio',
  'diag.node.noAnswer': 'no respondió ({why})',
  'diag.deployment': 'Implementación: {deployment}',
  'diag.system-info-failed': 'Este servidor de Finesse no dio su SystemInfo: {why}.',
  'diag.reason-ok':
    'El motivo para chats es «{label}» (código {code}), un motivo de No disponible que Finesse da a este agente.',
  'diag.reason-missing.label': 'Finesse no da a este agente ningún motivo de No disponible llamado «{label}».',
  'diag.reason-missing.code': 'Finesse no da a este agente ningún motivo de No disponible con el código {code}.',
  'diag.reason-missing.advice':
    'Cree un código de motivo de No disponible llamado «{label}» en la consola de administración de Finesse (Unified CCE: https://<servidor Finesse>/cfadmin; Unified CCX: https://<servidor Unified CCX>/cfadmin; pestaña Reasons, códigos de motivo Not Ready), global o para el equipo de este agente, o ponga en la preferencia handlingChatReason uno que exista: {available}.',
  'diag.reason-missing.none': 'ninguno todavía',
  'diag.reason-other.advice':
    'Corrija los códigos de motivo de No disponible en la consola de administración de Finesse (pestaña Reasons) o la preferencia handlingChatReason en el diseño del escritorio.',
  'diag.reason-codes-unread': 'No se pudieron leer de Finesse los códigos de motivo de No disponible: {why}.',
  'diag.chat-off':
    'El chat no está configurado para este gadget (falta chatService, chatRouter o xmppDomain): solo atiende llamadas.',
  'diag.chat-off.advice':
    'Para ofrecer chats, configure las preferencias chatService y chatRouter en la URL del gadget en el diseño del escritorio.',
  'diag.chat-off.short': 'Chat desactivado: no está configurado.',
  'diag.endpoints.pass': 'El servidor de chat responde.',
  'diag.endpoints.warn': 'El servidor de chat responde solo en una de sus direcciones.',
  'diag.endpoints.fail': 'El servidor de chat no responde.',
  'diag.endpoints.fail.advice':
    'Inicie el servicio de chat y su servidor XMPP, o corrija chatService en el diseño del escritorio. Los navegadores de los agentes deben llegar a estas direcciones (cortafuegos, proxy).',
  'diag.endpoints.warn.advice':
    'El gadget usa la dirección que responde; corrija la otra o quítela de chatService. BOSH es más lento que WebSocket.',
  'diag.endpoint.answered': 'respondió en {ms} ms',
  'diag.endpoint.refused': 'nada responde (conexión rechazada o cerrada)',
  'diag.endpoint.timeout': 'sin respuesta a tiempo',
  'diag.endpoint.not-xmpp': 'algo responde, pero no es un servidor XMPP',
  'diag.endpoint.http-status': 'estado HTTP {status}',
  'diag.signed-in':
    'El agente inició sesión en el servidor de chat por {transport} en {ms} ms, en una sesión propia, y la cerró de nuevo.',
  'diag.sign-in-refused': 'El servidor de chat rechazó las credenciales del agente.',
  'diag.sign-in-refused.advice':
    'El servidor de chat debe aceptar el id y la contraseña de Finesse del agente (o el token SSO) en el xmppDomain: revise la cuenta del agente en el servidor de chat y la preferencia xmppDomain.',
  'diag.sign-in-failed': 'El inicio de sesión en el chat no terminó: {why}.',
  'diag.sign-in-failed.advice':
    'Revise en el registro del servidor de chat el inicio de sesión de este agente, y que su dominio XMPP sea el xmppDomain del gadget.',
  'diag.no-identity.advice':
    'Revise el método de inicio de sesión del escritorio: el servidor de chat necesita credenciales Basic o un token SSO.',
  'diag.router-ok.one': 'El enrutador de chats respondió en {ms} ms e indica {count} cola.',
  'diag.router-ok.other': 'El enrutador de chats respondió en {ms} ms e indica {count} colas.',
  'diag.router-no-answer': 'El enrutador de chats no respondió en {ms} ms.',
  'diag.router-error': 'El servidor de chat respondió por el enrutador: {condition}.',
  'diag.router.advice':
    'Inicie el servicio de chat (su enrutador inicia sesión como chatRouter) y compruebe que chatRouter indica su JID completo, como chat-router@chat.example.com/router.',
  'diag.router-forbidden.advice':
    'El enrutador no considera agente a este agente: la cuenta de chat del agente debe estar en el dominio del enrutador.',
  'diag.report.title': 'Informe de diagnóstico de finesse-blend',
  'diag.report.date': 'Fecha: {date}',
  'diag.report.version': 'Versión del gadget: {version}',
  'diag.report.unknown': 'desconocida',
  'diag.report.agent': 'Id del agente: {id}',
  'diag.report.node': 'Nodo del escritorio: {node}',
  'diag.report.prefs': 'Preferencias en vigor:',
  'diag.report.unset': '(sin valor)',
  'gadget.team.title': 'Equipo: llamadas y chats',
  'gadget.team.description':
    'El estado de voz, el motivo y el tiempo en el estado de cada miembro del equipo, con las acciones del supervisor.',
  'team.loading': 'Cargando su equipo…',
  'team.noTeams':
    'Finesse no indica ningún equipo que usted supervise. Pida a su administrador que le asigne un equipo.',
  'team.select': 'Mostrar equipo',
  'team.caption': 'Agentes de {team}',
  'team.summary.label': 'Resumen del equipo',
  'team.summary.ready': 'Disponibles',
  'team.summary.onCall': 'En llamada',
  'team.summary.notReady': 'No disponibles',
  'team.summary.signedOut': 'Sin sesión',
  'team.summary.chats': 'Atendiendo chats',
  'team.summary.noReason': 'sin motivo',
  'team.summary.spoken':
    '{team}: {ready} disponibles, {onCall} en llamada, {notReady} no disponibles, {signedOut} sin sesión.',
  'team.filter.label': 'Mostrar',
  'team.filter.all': 'Todos',
  'team.filter.ready': 'Disponibles',
  'team.filter.on-call': 'En llamada',
  'team.filter.not-ready': 'No disponibles',
  'team.filter.signed-out': 'Sin sesión',
  'team.filter.other': 'Otros estados',
  'team.search.label': 'Buscar por nombre',
  'team.col.name': 'Agente',
  'team.col.state': 'Estado de voz',
  'team.col.pending': 'Estado siguiente',
  'team.col.time': 'Tiempo en el estado',
  'team.col.chat': 'Estado de chat',
  'team.col.chats': 'Chats activos',
  'team.col.decision': 'Última decisión de combinación',
  'team.col.actions': 'Acciones',
  'team.noChatData': 'Sin datos de chat: el servicio de chat aún no informa sobre este equipo',
  'team.noPending': 'Ningún cambio en espera',
  'team.timeUnknown': 'Desconocido',
  'team.chat.available': 'Disponible',
  'team.chat.not-available': 'No disponible',
  'team.chat.offline': 'Desconectado',
  'team.chats': '{active} de {max}',
  'team.empty': 'Ningún agente coincide.',
  'team.action.make-not-ready': 'Poner en No disponible',
  'team.action.make-ready': 'Poner en Disponible',
  'team.action.sign-out': 'Cerrar sesión',
  'team.action.for': '{action}: {name}',
  'team.confirm.make-not-ready': '¿Poner a {name} en No disponible? Finesse lo registra como cambio del supervisor.',
  'team.confirm.make-ready': '¿Poner a {name} en Disponible para llamadas?',
  'team.confirm.sign-out': '¿Cerrar la sesión de {name} en Finesse?',
  'team.confirm.yes': 'Confirmar',
  'team.confirm.no': 'Cancelar',
  'team.outcome.sending': 'Pidiendo a Finesse que cambie el estado de {name}…',
  'team.outcome.accepted': 'Finesse aceptó el cambio para {name}; la fila se actualiza cuando Finesse lo informe.',
  'team.outcome.dismiss': 'Cerrar',
  'team.error.on-call':
    'Finesse lo rechazó: {name} está en una llamada. Un supervisor solo puede poner a un agente en No disponible mientras está Disponible o en cierre; inténtelo después de la llamada.',
  'team.error.not-allowed': 'Finesse lo rechazó: el estado actual de {name} no permite este cambio.',
  'team.error.not-supervisor': 'Finesse lo rechazó: usted no supervisa el equipo de {name}.',
  'team.error.sign-in': 'Finesse no aceptó su inicio de sesión. Vuelva a iniciar sesión en Finesse.',
  'team.error.network': 'No se pudo contactar con Finesse. Compruebe la conexión e inténtelo de nuevo.',
  'team.error.unavailable': 'Finesse está fuera de servicio en este momento. Inténtelo de nuevo en un momento.',
  'team.error.not-found': 'Finesse no conoce a este agente o equipo.',
  'team.error.other':
    'Finesse rechazó el cambio sin decir por qué. Inténtelo de nuevo; si sigue ocurriendo, avise a su administrador.',
  'team.problem.load-failed': 'No se pudo cargar el equipo. {why}',
  'team.problem.subscribe-failed':
    'El escritorio no suscribió este gadget a los cambios del equipo, así que las filas pueden estar desactualizadas. Vuelva a cargar el escritorio.',
  'team.problem.notifications-down':
    'El escritorio perdió su conexión de notificaciones: las filas pueden estar desactualizadas hasta que vuelva.',
  'team.feed.refused':
    'El servicio de chat no le muestra los estados de chat de este equipo: no le registra como supervisor del equipo. Pida a su administrador que revise el equipo en Finesse.',
  'team.feed.down':
    'No se puede conectar con el servicio de chat: las columnas de chat no están al día. Se actualizan de nuevo cuando vuelva.',
  'team.feed.sign-in-failed':
    'El servicio de chat no aceptó su inicio de sesión, así que las columnas de chat quedan vacías. Inicie sesión en Finesse de nuevo.',
  'team.decisions.open': 'Decisiones recientes de {name}',
  'team.decisions.title': 'Decisiones recientes de blending: {name}',
  'team.decisions.loading': 'Leyendo las decisiones…',
  'team.decisions.empty': 'El servicio de chat aún no tiene ninguna decisión de este agente.',
  'team.decisions.failed.refused':
    'El servicio de chat no le muestra las decisiones de este agente: no le registra como supervisor de su equipo.',
  'team.decisions.failed.down': 'No se puede conectar con el servicio de chat. Inténtelo de nuevo cuando vuelva.',
  'team.decisions.failed.no-feed':
    'Este gadget no tiene un servicio de chat configurado, así que no hay decisiones que mostrar.',
  'team.decisions.close': 'Cerrar',
};
