// The flags every Chromium the tests start runs with (browser tests and end to end): headless as root on a closed
// network, with no background traffic and no downloads of its own.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
