// The harness's two pages as static markup: every script is external and no element carries an inline handler,
// so they run under the same strict CSP as the gadgets.

/** The Finesse-like desktop: sign-in form, then header, tabs and gadget columns (filled by desktop.js). */
export const DESKTOP_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Finesse (simulated desktop)</title>
  <link rel="stylesheet" href="/desktop/harness/desktop.css">
</head>
<body>
  <p id="node-banner" class="node-banner" role="alert" hidden></p>
  <p id="node-note" class="node-note" role="status" hidden></p>
  <main id="signin" class="signin">
    <form id="signin-form" class="signin-card" autocomplete="off">
      <h1>Cisco Finesse <span class="sim">simulated</span></h1>
      <label>Username <input name="agentId" id="signin-id" required autocomplete="username" spellcheck="false" autofocus></label>
      <label>Password <input name="password" id="signin-password" type="password" required autocomplete="current-password"></label>
      <label>Extension <input name="extension" id="signin-extension" required inputmode="numeric" spellcheck="false"></label>
      <button type="submit" id="signin-submit" disabled>Sign In</button>
      <p id="signin-error" class="error" role="alert"></p>
      <p class="hint"><a href="/control.html" target="_blank" rel="noopener">Simulator control page</a></p>
    </form>
  </main>
  <div id="desktop" class="desktop" hidden>
    <header class="header">
      <div class="brand">Finesse <span class="sim">sim</span></div>
      <div class="agent"><span id="agent-name"></span> <span class="ext">Ext. <span id="agent-extension"></span></span></div>
      <div class="state-area">
        <button type="button" id="state-button" class="state-button" aria-haspopup="menu" aria-expanded="false">
          <span id="state-label" class="state-label"></span>
          <span id="state-timer" class="state-timer">00:00:00</span>
        </button>
        <ul id="state-menu" class="state-menu" role="menu" hidden></ul>
      </div>
      <div id="digital-channels" class="digital-channels" role="group" aria-label="Digital channels" hidden></div>
      <div id="connection" class="connection" role="status"></div>
      <a class="control-link" href="/control.html" target="_blank" rel="noopener">Control</a>
      <a class="control-link" id="customer-chat-link" href="/chat/" target="_blank" rel="noopener">Customer chat</a>
    </header>
    <p id="desktop-error" class="error banner" role="alert" hidden></p>
    <section id="call-control" class="call-control" aria-label="Call control"></section>
    <nav id="tabs" class="tabs" role="tablist"></nav>
    <section id="panels" class="panels"></section>
    <section id="popovers" class="popover-stack" aria-label="Notifications from gadgets" hidden></section>
  </div>
  <script src="/desktop/harness/desktop.js"></script>
</body>
</html>
`;

/** The simulator control page: calls, wrap-up, node failures, malformed notifications, state and request log. */
export const CONTROL_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Simulator control</title>
  <link rel="stylesheet" href="/desktop/harness/control.css">
</head>
<body>
  <header><h1>Finesse simulator control</h1> <a href="/desktop/" target="_blank" rel="noopener">Open a desktop</a> <a id="customer-chat-link" href="/chat/" target="_blank" rel="noopener">Open the customer chat page</a></header>
  <p id="result" class="result" role="status"></p>
  <div class="grid">
    <section>
      <h2>ACD call</h2>
      <form id="acd-form">
        <label>To agent (must be Ready) <select name="agentId" class="agent-select"></select></label>
        <label>Caller <input name="from" value="6175551234"></label>
        <label>Dialed number <input name="dialedNumber" value="8000"></label>
        <button type="submit">Place ACD call</button>
      </form>
    </section>
    <section>
      <h2>Internal call</h2>
      <form id="internal-form">
        <label>Kind <select name="kind">
          <option value="direct">Direct call to the extension</option>
          <option value="transfer">Transfer from another agent</option>
          <option value="consult">Consult from another agent</option>
          <option value="conference">Conference from another agent</option>
        </select></label>
        <label>To agent <select name="agentId" class="agent-select"></select></label>
        <label>From (phone or other agent's extension) <input name="fromAddress" value="2000"></label>
        <button type="submit">Place internal call</button>
      </form>
    </section>
    <section>
      <h2>Calls</h2>
      <ul id="dialogs" class="dialogs"></ul>
      <p class="hint">End hangs up the far side; wrap-up follows when it is on for the agent.</p>
    </section>
    <section>
      <h2>Wrap-up</h2>
      <form id="wrapup-form">
        <label>Agent <select name="agentId" class="agent-select"></select></label>
        <label class="check"><input type="checkbox" name="enabled"> Wrap-up after ACD calls</label>
        <button type="submit">Apply</button>
      </form>
      <form id="wrapup-expire-form">
        <label>Agent <select name="agentId" class="agent-select"></select></label>
        <button type="submit">Expire the wrap-up timer</button>
      </form>
    </section>
    <section>
      <h2>Finesse nodes</h2>
      <div class="row">
        <button type="button" data-node="primary" data-up="false">Take node A down</button>
        <button type="button" data-node="primary" data-up="true">Bring node A up</button>
      </div>
      <div class="row">
        <button type="button" data-node="secondary" data-up="false">Take node B down</button>
        <button type="button" data-node="secondary" data-up="true">Bring node B up</button>
      </div>
    </section>
    <section>
      <h2>Malformed notification</h2>
      <form id="malformed-form">
        <label>On the User node of <select name="agentId" class="agent-select"></select></label>
        <label>Payload <textarea name="payload" rows="3">&lt;Update&gt;&lt;event&gt;PUT&lt;/event&gt;&lt;data&gt;&lt;user&gt;&lt;state&gt;BOGUS</textarea></label>
        <button type="submit">Inject</button>
      </form>
    </section>
    <section>
      <h2>Reset</h2>
      <button type="button" id="reset">Reset the simulated world</button>
      <p class="hint">Everyone signed out, no calls, wrap-up off, both nodes in service, log cleared.</p>
    </section>
  </div>
  <section>
    <h2>World state <button type="button" id="refresh">Refresh</button></h2>
    <pre id="state" class="state"></pre>
  </section>
  <section>
    <h2>REST request log (newest first)</h2>
    <pre id="log" class="state"></pre>
  </section>
  <script src="/desktop/harness/control.js"></script>
</body>
</html>
`;
