// INSTALL.md: the one page an administrator follows to put a package into Finesse, written for the package's own
// folder, version and zip name. The Finesse steps (account, upload, permissions, cache) are those of finesse-facts A7.
import { gadgetUrls } from './layout-snippet.ts';

export interface GuideInput {
  readonly folder: string;
  /** The VERSION line: <release>+<hash>. */
  readonly version: string;
  readonly zipName: string;
  /** The preferences table (markdown), as the README has it: one table for both documents. */
  readonly preferences: string;
}

const TABLE_HEAD = '| preference | default | allowed values | meaning |';

/**
 * The README's preferences table: the header row and every row after it. The README is where the table is kept;
 * the install guide carries the same rows, so the two never disagree. A README without it is a build error.
 */
export function preferencesTable(readme: string): string {
  const lines = readme.split('\n');
  const head = lines.findIndex((line) => line.trim() === TABLE_HEAD);
  if (head < 0)
    throw new Error(`README.md has no preferences table (a line "${TABLE_HEAD}"): the install guide copies it.`);
  const rows: string[] = [];
  for (const line of lines.slice(head)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows.join('\n');
}

export function installGuide({ folder, version, zipName, preferences }: GuideInput): string {
  const urls = gadgetUrls(folder);
  return `# Installing finesse-blend ${version}

\`${zipName}\` holds the folder \`${folder}/\` (the two gadgets, exactly as they go on the Finesse server), \`layout-snippet.xml\`
(where the gadgets go in the desktop layout) and this page. The gadgets are served from
\`https://<finesse>/3rdpartygadget/files/${folder}/\`: the agent gadget \`${urls.agent}\`, the supervisors' team
gadget \`${urls.team}\`. The folder name is fixed when the package is made (\`npm run package -- --folder NAME\`).

## Before you start

- Cisco Finesse with its \`3rdpartygadget\` account. A platform administrator sets its password on the Finesse CLI with
  \`utils reset_3rdpartygadget_password\` (5 to 32 characters, no spaces or double quotes). **Finesse 15.0:** set it on
  each server; it is not copied between them.
- Access to the Cisco Finesse Administration console (Desktop Layout) and to each Finesse server's CLI (cache clear).
- The chat service running and reachable from the agents' browsers (see docs/deploy-chat-service.md in the project):
  its WebSocket and/or BOSH address and the chat router's JID, for the \`chatService\` and \`chatRouter\` preferences.
- A Not Ready reason code for chats in Finesse (by default its label is \`Handling Chat\`; see \`handlingChatReason\`).
- For \`npm run deploy\`: this project's checkout with its dependencies (\`npm ci\`, Node.js 20.19 or later) on a machine
  that reaches the Finesse servers over SSH (port 22).

## 1. Upload the folder (to each Finesse server)

Do this on every Finesse server agents sign in to (both servers of a pair).

- **With the project:** \`npm run deploy\` uploads this package to \`/files/${folder}/\`, checks every file's size on the
  server, keeps the version it replaces for \`npm run deploy -- --rollback\`, and prints the next steps
  (\`npm run deploy -- --help\` lists its options).
- **By hand**, from the directory where you unpacked the zip (\`unzip ${zipName}\`):

  \`\`\`
  sftp 3rdpartygadget@<finesse>
  sftp> cd /files
  sftp> put -r ${folder}
  sftp> chmod 755 ${folder}
  sftp> chmod 755 ${folder}/messages
  sftp> chmod 644 ${folder}/*.*
  sftp> chmod 644 ${folder}/VERSION
  sftp> chmod 644 ${folder}/messages/*
  \`\`\`

  Every file must be readable (mode 644) or Finesse's web server answers 404 for it. To upgrade by hand, first keep
  the old folder: \`rename ${folder} ${folder}.previous\`. sftp removes only empty folders, so an older
  \`${folder}.previous\` must be emptied (\`rm\` its files, \`rmdir\` its folders) first; \`npm run deploy\` does all this.

## 2. Add the gadgets to the desktop layout

In Cisco Finesse Administration, open **Desktop Layout** (or a team's layout under **Team Resources**) and add the
lines \`layout-snippet.xml\` marks: the agent gadget on the agents' home tab, the team gadget on a tab of its own for
supervisors. **Keep the rest of the layout**: Finesse's stock layout has other gadgets agents and supervisors need.
Put the preferences in each gadget URL's query (values percent-encoded, \`&amp;\` between them), for example:

\`\`\`xml
<gadget>${urls.agent}?chatService=wss%3A%2F%2Fchat.example.com%3A5443%2Fxmpp-websocket&amp;chatRouter=chat-router%40chat.example.com%2Frouter</gadget>
\`\`\`

${preferences}

Without \`chatService\` and \`chatRouter\` the agent gadget handles calls only and says that chat is not set up.

## 3. Clear Finesse's gadget cache (each server)

Finesse keeps gadget specs in its gadget server's cache. After an install or an upgrade, on each server's CLI run
\`utils webproxy cache clear shindig\`, or restart the web server with \`utils service restart Cisco Finesse Tomcat\`
(desktops on that server lose it until it is back: choose a quiet time). Then agents reload the desktop. If an agent still sees the old
version, clear that browser's cache. The gadgets load their scripts by URLs that carry the version
(\`finesse-blend.js?v=…\`), so once the new spec is served no cache can pair it with an old script.

## Upgrade and rollback

- **Upgrade:** make the new package with the same \`--folder\`, upload it as in step 1 (\`npm run deploy\` keeps the
  current version as \`${folder}.previous\`), then clear the cache (step 3). The layout stays as it is unless you
  change a preference. The folder's \`VERSION\` file says which version is on a server.
- **Rollback:** \`npm run deploy -- --rollback\` puts \`${folder}.previous\` back; by hand, rename \`${folder}\` away and
  \`${folder}.previous\` to \`${folder}\` in \`sftp\`. Then clear the cache (step 3).

## When chat does not work: diagnostics

The agent gadget has a diagnostics mode, opened from the gadget or with \`mode=diagnostics\` in its URL's query (for
example in a test team's layout). It checks, each with pass or fail and what to do: Finesse REST as the agent,
notifications, both Finesse servers, the Handling Chat reason code, the chat server (WebSocket and BOSH), the agent's
chat sign-in, the chat router's answer and the gadget's preferences. **Copy report** gives text without credentials
or customer messages, to send to whoever supports the chat service.
`;
}
