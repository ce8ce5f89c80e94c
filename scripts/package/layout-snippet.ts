// layout-snippet.xml: where the two gadgets go in Finesse's desktop layout XML (the shape of finesse-facts A7):
// the agent gadget on the Agent role's home tab, the team gadget on a team tab of the Supervisor role. The comments
// tell the administrator what to keep of Finesse's own layout and where the gadgets' preferences go.

/** The tab the snippet adds for supervisors (its id and its label as the desktop shows it). */
export const TEAM_TAB = { id: 'chatTeam', label: 'Chat Team' } as const;

/** The agent and team gadget URLs for an upload folder, as the layout names them (relative: same server). */
export function gadgetUrls(folder: string): { readonly agent: string; readonly team: string } {
  return {
    agent: `/3rdpartygadget/files/${folder}/gadget.xml`,
    team: `/3rdpartygadget/files/${folder}/team-gadget.xml`,
  };
}

/** Text made safe for an XML comment, which may not hold "--" (a folder name may). */
function commentSafe(text: string): string {
  return text.replace(/--/g, '- -');
}

/** The snippet for a folder; `version` is the package's VERSION line, named in the heading comment. */
export function layoutSnippetXml(folder: string, version: string): string {
  const urls = gadgetUrls(folder);
  const example = commentSafe(
    `${urls.agent}?chatService=wss%3A%2F%2Fchat.example.com%3A5443%2Fxmpp-websocket` +
      '&amp;chatRouter=chat-router%40chat.example.com%2Frouter',
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  finesse-blend ${commentSafe(version)}: where its two gadgets go in the Finesse desktop layout.

  Open Cisco Finesse Administration, Desktop Layout (or a team's layout under Team Resources), and add the marked
  lines to the layout that is there. Finesse's own layout already holds other tabs and gadgets (the call control
  and statistics gadgets, the supervisors' team and queue data): keep all of them. This file is a whole layout only
  so that it can be read and checked; do not paste it over yours.

  Preferences go in each gadget URL's query: values percent-encoded, the '&' between them written as &amp;.
  The agent gadget takes the preferences in INSTALL.md; the team gadget takes chatService and chatRouter. Example:
    <gadget>${example}</gadget>
  Without chatService and chatRouter the agent gadget handles calls only and says that chat is not set up.
-->
<finesseLayout xmlns="http://www.cisco.com/vtg/finesse">
  <layout>
    <role>Agent</role>
    <tabs>
      <tab>
        <id>home</id>
        <label>finesse.container.tabs.agent.homeLabel</label>
        <columns>
          <column>
            <gadgets>
              <!-- Add: the agent gadget, on the agents' home tab. -->
              <gadget>${urls.agent}</gadget>
            </gadgets>
          </column>
        </columns>
      </tab>
    </tabs>
  </layout>
  <layout>
    <role>Supervisor</role>
    <tabs>
      <tab>
        <id>home</id>
        <label>finesse.container.tabs.supervisor.homeLabel</label>
        <columns>
          <column>
            <gadgets>
              <!-- Add if your supervisors take chats too: the agent gadget, with the same preferences. -->
              <gadget>${urls.agent}</gadget>
            </gadgets>
          </column>
        </columns>
      </tab>
      <!-- Add: a tab of its own for the team gadget, after the supervisors' other tabs (its label is shown as written). -->
      <tab>
        <id>${TEAM_TAB.id}</id>
        <label>${TEAM_TAB.label}</label>
        <columns>
          <column>
            <gadgets>
              <gadget>${urls.team}</gadget>
            </gadgets>
          </column>
        </columns>
      </tab>
    </tabs>
  </layout>
</finesseLayout>
`;
}
