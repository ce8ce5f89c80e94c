// The Prosody configuration of a test/dev notification server: loopback only, free ports, no TLS, plain
// passwords, BOSH + WebSocket open to pages served from other origins (the simulator's own ports), a pubsub
// component for Finesse notifications and a MUC component for chat rooms. Everything lives in one temp dir.

interface ProsodyConfigInput {
  readonly dir: string;
  readonly domain: string;
  readonly c2sPort: number;
  readonly httpPort: number;
  readonly adminJid: string;
  /** Adds what the chat profile needs (docs/xmpp-chat-profile.md): see chatConfig. */
  readonly chat?: boolean;
  /** Room archives and the persistent rooms list in SQLite (mod_storage_sql) rather than flat files. */
  readonly sqlStorage?: boolean;
}

/**
 * The chat additions: XEP-0198 stream management (smacks), archived rooms (muc_mam, XEP-0313) that only local
 * accounts (the router) may create, room for 2000 rooms in memory, and an anonymous VirtualHost guest.<domain> for
 * customers.
 */
function chatConfig(domain: string): { modules: string; global: string; hosts: string; muc: string } {
  return {
    modules: ', "smacks"',
    global: 'smacks_hibernation_time = 30\n',
    hosts: `VirtualHost ${luaString(`guest.${domain}`)}\n  authentication = "anonymous"\n`,
    // Prosody keeps 100 rooms in memory by default and swaps the rest to disk and back on each stanza: past about
    // 100 chats at once it falls behind until customers' requests time out (measured by bench/chat-load.bench.ts).
    muc: '  modules_enabled = { "muc_mam" }\n  muc_room_cache_size = 2000\n  restrict_room_creation = "local"\n',
  };
}

/** Quotes a value as a Lua string literal (domains and paths are ours, but never trust a string into code). */
function luaString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The text of prosody.cfg.lua for these ports and domain. */
export function prosodyConfig(input: ProsodyConfigInput): string {
  const q = luaString;
  const { dir, domain } = input;
  const chat = input.chat ? chatConfig(domain) : { modules: '', global: '', hosts: '', muc: '' };
  return `-- Written by the finesse-blend simulator; deleted with its directory when the server stops.
run_as_root = true
pidfile = ${q(`${dir}/prosody.pid`)}
data_path = ${q(dir)}
certificates = ${q(dir)}
interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
c2s_ports = { ${input.c2sPort} }
c2s_interfaces = { "127.0.0.1" }
http_ports = { ${input.httpPort} }
http_interfaces = { "127.0.0.1" }
https_ports = {}
s2s_ports = {}
component_ports = {}
admins = { ${q(input.adminJid)} }
modules_enabled = { "bosh", "websocket", "ping", "disco", "roster", "saslauth", "posix"${chat.modules} }
modules_disabled = { "s2s" }
authentication = "internal_plain"
${
  input.sqlStorage
    ? // The flat-file store rewrites the whole persistent-rooms list for each new room: past a few hundred chats it
      // costs more CPU per chat than everything else (bench/chat-load.bench.ts measured it).
      `default_storage = "internal"\nstorage = { persistent = "sql", archive = "sql" }\nsql = { driver = "SQLite3", database = "prosody.sqlite" }`
    : 'storage = "internal"'
}
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
consider_bosh_secure = true
consider_websocket_secure = true
cross_domain_bosh = true
cross_domain_websocket = true
http_max_content_size = 1048576
log = { error = ${q(`${dir}/prosody.err`)}, warn = ${q(`${dir}/prosody.log`)} }
${chat.global}VirtualHost ${q(domain)}
${chat.hosts}Component ${q(`pubsub.${domain}`)} "pubsub"
Component ${q(`conference.${domain}`)} "muc"
${chat.muc}`;
}
