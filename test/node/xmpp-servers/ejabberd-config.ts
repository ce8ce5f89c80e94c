// The ejabberd configuration of a test chat server: what the chat profile needs (docs/xmpp-chat-profile.md and
// "What the XMPP server needs" in docs/deploy-chat-service.md), loopback only, free ports, no TLS, plain passwords.
// Everything lives in one temp dir. The text is YAML; every value written into it is quoted as a YAML string.

export interface EjabberdConfigInput {
  /** The agents' (and the router's) domain. */
  readonly domain: string;
  readonly c2sPort: number;
  readonly httpPort: number;
}

/** Quotes a value as a double-quoted YAML scalar (JSON strings are valid YAML). */
function q(value: string): string {
  return JSON.stringify(value);
}

/** The text of ejabberd.yml. */
export function ejabberdConfig(input: EjabberdConfigInput): string {
  const { domain } = input;
  const guest = `guest.${domain}`;
  return `# Written by the finesse-blend tests; deleted with its directory when the server stops.
hosts:
  - ${q(domain)}
  - ${q(guest)}
loglevel: info
log_rotate_count: 0
hide_sensitive_log_data: true
certfiles: []
listen:
  - port: ${input.c2sPort}
    ip: "127.0.0.1"
    module: ejabberd_c2s
    starttls: false
  - port: ${input.httpPort}
    ip: "127.0.0.1"
    module: ejabberd_http
    request_handlers:
      /http-bind: mod_bosh
      /xmpp-websocket: ejabberd_http_ws
      /api: mod_http_api
auth_method: internal
auth_password_format: plain
# Customers sign in with SASL ANONYMOUS on their own host.
host_config:
  ${q(guest)}:
    auth_method: anonymous
    anonymous_protocol: sasl_anon
acl:
  local:
    user_regexp: ""
access_rules:
  local:
    allow: local
  c2s:
    allow: all
  # Only accounts of the agents' domain (the router) may create rooms; customers are on another host.
  muc_create:
    allow: local
# Accounts are created over HTTP from this machine only (the tests' register()); nothing else is allowed.
api_permissions:
  "accounts from loopback":
    from: mod_http_api
    who:
      ip: 127.0.0.0/8
    what:
      - register
      - change_password
modules:
  mod_admin_extra: {}
  mod_bosh: {}
  mod_disco: {}
  mod_http_api: {}
  # Room archives (XEP-0313 on MUC); no personal archives.
  mod_mam:
    default: never
  # conference.<host> on each host (the default): the router's rooms are on conference.<domain>.
  mod_muc:
    access_create: muc_create
    access_persistent: muc_create
  mod_ping: {}
  mod_roster: {}
  mod_stream_mgmt:
    resume_timeout: 30
`;
}
