// Lint config. The rule that matters most: the headless core (src/core) never reaches into Lit or the UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import globals from 'globals';

/** Imports the headless core must never make: rendering belongs to src/ui. */
export const coreBoundary = {
  patterns: [
    {
      group: ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'],
      message: 'src/core is headless: Lit belongs in src/ui.',
    },
    {
      group: ['**/ui', '**/ui/*', '**/ui/**', '**/boot/**', '**/app/**'],
      message:
        'src/core must not depend on the UI, the application layer or the boot code; send state up, take intents in.',
    },
  ],
};

/** Imports no gadget code may make: the simulator and the tests are dev-only and never bundled. */
export const srcBoundary = {
  patterns: [
    {
      group: ['**/sim', '**/sim/**', '**/test', '**/test/**', '**/server', '**/server/**'],
      message:
        'src must not depend on sim/, test/ or server/: the simulator and tests are dev-only, the chat service runs apart; none is bundled.',
    },
  ],
};

/** Imports the chat service (server/) must never make: of the gadget's code it shares only the headless chat codec. */
export const serverBoundary = {
  patterns: [
    {
      group: ['**/sim', '**/sim/**', '**/test', '**/test/**', '**/bench/**', '**/scripts/**'],
      message: 'server/ is a product: it must not depend on the simulator, the tests or the dev scripts.',
    },
    {
      group: ['**/src/ui', '**/src/ui/**', '**/src/app', '**/src/app/**', '**/src/boot', '**/src/boot/**'],
      message: 'server/ may import only src/core (the shared chat codec), never the gadget UI, app layer or boot code.',
    },
    {
      group: ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'],
      message: 'server/ renders no Lit components outside the customer widget (server/widget/).',
    },
  ],
};

/** Imports the application layer must never make: it builds the view model; the UI renders it and says it in words. */
export const appBoundary = {
  patterns: [
    {
      group: ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'],
      message: 'src/app is the application layer: Lit belongs in src/ui.',
    },
    {
      group: ['**/ui', '**/ui/*', '**/ui/**', '**/boot/**'],
      message:
        'src/app must not depend on the UI or the boot code: the boot wiring hands it what it needs (e.g. words for the router).',
    },
  ],
};

/** Lit's full rule set, as the project's components are written (the gadgets' UI and the customer widget). */
const litRules = {
  ...lit.configs['flat/all'].rules,
  // Fields are plain assignments here (useDefineForClassFields: false), so they cannot hide reactive accessors.
  'lit/no-classfield-shadowing': 'off',
  // Arrow handlers and map() in templates are ordinary Lit 3; repeat() is used where DOM identity matters.
  'lit/no-template-arrow': 'off',
  'lit/no-template-map': 'off',
  // No decorators: properties are declared with `static properties`.
  'lit/prefer-query-decorators': 'off',
  // Private state uses #names, which no naming convention needs to police.
  'lit/no-private-properties': 'off',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'dist-chat-service/', '.tmp/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/ui/**/*.ts'],
    ...lit.configs['flat/all'],
    rules: litRules,
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', srcBoundary] },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', serverBoundary] },
  },
  {
    // The customer chat widget is the one Lit component of server/: bundled into its own script, never the gadget.
    files: ['server/widget/**/*.ts'],
    ...lit.configs['flat/all'],
    rules: {
      ...litRules,
      'no-restricted-imports': ['error', { patterns: serverBoundary.patterns.filter((p) => !p.group.includes('lit')) }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // A later block replaces a rule's options for the files it matches, so the core repeats the src boundary.
      'no-restricted-imports': ['error', { patterns: [...coreBoundary.patterns, ...srcBoundary.patterns] }],
      'no-restricted-globals': [
        'error',
        { name: 'document', message: 'src/core is headless: no DOM rendering.' },
        { name: 'customElements', message: 'src/core is headless: no custom elements.' },
        { name: 'alert', message: 'Never alert/confirm/prompt inside the Finesse desktop.' },
        { name: 'confirm', message: 'Never alert/confirm/prompt inside the Finesse desktop.' },
        { name: 'prompt', message: 'Never alert/confirm/prompt inside the Finesse desktop.' },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...appBoundary.patterns, ...srcBoundary.patterns] }] },
  },
  {
    files: ['src/**/*.ts', 'server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Never assign innerHTML: customer text is untrusted.',
        },
        {
          selector: "AssignmentExpression[left.property.name='outerHTML']",
          message: 'Never assign outerHTML: customer text is untrusted.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Never insert HTML strings.',
        },
        {
          selector: "ImportSpecifier[imported.name='unsafeHTML']",
          message: 'unsafeHTML would render untrusted text as markup.',
        },
      ],
    },
  },
);
