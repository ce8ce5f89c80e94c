// A page object for the product gadget inside the simulated desktop: reads its text through every shadow root
// and presses its buttons the way a person does. Page scripts are strings so nothing of the test's module
// scope (or its bundler's helpers) is needed in the page.
import type { ElementHandle, Frame } from 'puppeteer-core';

/** Text of the gadget's element tree, shadow roots included, whitespace collapsed. */
const DEEP_TEXT = `(() => {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === 3) { parts.push(node.textContent); return; }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  const root = document.querySelector('finesse-blend-agent');
  if (root) walk(root);
  return parts.join(' ').replace(/\\s+/g, ' ').trim();
})()`;

/** How many elements of a tag live anywhere in the gadget's shadow trees. */
const DEEP_COUNT = (tag: string): string => `(() => {
  let n = 0;
  const walk = (node) => {
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    if (node.nodeType === 1 && node.localName === ${JSON.stringify(tag)}) n++;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.children ?? []) walk(child);
  };
  const root = document.querySelector('finesse-blend-agent');
  if (root) walk(root);
  return n;
})()`;

const HEADLINE = `(() => document.querySelector('finesse-blend-agent')?.shadowRoot?.querySelector('fb-blend-status')?.shadowRoot?.querySelector('.headline')?.textContent?.trim() ?? '')()`;

/** Transcript lines of the conversation on show, as "class|text". */
const TRANSCRIPT = `(() => {
  const tabs = document.querySelector('finesse-blend-agent')?.shadowRoot?.querySelector('fb-conversation-tabs');
  const pane = tabs?.shadowRoot?.querySelector('fb-conversation');
  const items = pane?.shadowRoot?.querySelectorAll('ol.transcript > li .bubble') ?? [];
  return [...items].map((b) => b.closest('li').className.split(' ')[0] + '|' + b.textContent);
})()`;

/** How the gadget's blending and chat timers ran, from the diagnostics attributes of its element. */
const TIMER_COUNTS = `(() => {
  const d = document.querySelector('finesse-blend-agent')?.dataset ?? {};
  return {
    ticks: Number(d.containerTicks ?? 0),
    onTick: Number(d.timersOnTick ?? 0),
    onFallback: Number(d.timersOnFallback ?? 0),
    chatOnTick: Number(d.chatTimersOnTick ?? 0),
    chatOnFallback: Number(d.chatTimersOnFallback ?? 0),
  };
})()`;

export interface TimerCounts {
  /** Container ticks the gadget received. */
  readonly ticks: number;
  /** Blending timers a tick ran. */
  readonly onTick: number;
  /** Blending timers their own setTimeout ran. */
  readonly onFallback: number;
  /** Chat channel timers (ping, request timeouts, reconnects, offer expiry) a tick ran. */
  readonly chatOnTick: number;
  /** Chat channel timers their own setTimeout ran. */
  readonly chatOnFallback: number;
}

export class GadgetPage {
  constructor(readonly frame: Frame) {}

  text(): Promise<string> {
    return this.frame.evaluate(DEEP_TEXT) as Promise<string>;
  }

  headline(): Promise<string> {
    return this.frame.evaluate(HEADLINE) as Promise<string>;
  }

  /** Elements of a tag anywhere in the gadget (to prove customer markup created none). */
  count(tag: string): Promise<number> {
    return this.frame.evaluate(DEEP_COUNT(tag)) as Promise<number>;
  }

  transcript(): Promise<string[]> {
    return this.frame.evaluate(TRANSCRIPT) as Promise<string[]>;
  }

  /** Waits until the conversation on show has a transcript line ("class|text", e.g. "customer|Hello"). */
  async waitForLine(line: string, timeout = 15_000): Promise<void> {
    await this.frame.waitForFunction(`${TRANSCRIPT}.includes(${JSON.stringify(line)})`, { timeout, polling: 100 });
  }

  timerCounts(): Promise<TimerCounts> {
    return this.frame.evaluate(TIMER_COUNTS) as Promise<TimerCounts>;
  }

  /** Waits until blending timers have run on the container's tick `n` times. */
  async waitForTimersOnTick(n: number, timeout = 15_000): Promise<void> {
    await this.frame.waitForFunction(`${TIMER_COUNTS}.onTick >= ${n}`, { timeout, polling: 200 });
  }

  /** Waits until chat channel timers have run on the container's tick `n` times. */
  async waitForChatTimersOnTick(n: number, timeout = 15_000): Promise<void> {
    await this.frame.waitForFunction(`${TIMER_COUNTS}.chatOnTick >= ${n}`, { timeout, polling: 200 });
  }

  /** Waits until the gadget's text matches. */
  async waitForText(pattern: RegExp, timeout = 15_000): Promise<void> {
    await this.frame.waitForFunction(
      `new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)}).test(${DEEP_TEXT})`,
      { timeout, polling: 100 },
    );
  }

  async waitForHeadline(text: string, timeout = 15_000): Promise<void> {
    await this.frame.waitForFunction(`${HEADLINE} === ${JSON.stringify(text)}`, { timeout, polling: 100 });
  }

  /** A button (or field) deep inside the gadget, by a `>>>` path from the panel. */
  async find(path: string, timeout = 10_000): Promise<ElementHandle<Element>> {
    const handle = await this.frame.waitForSelector(`finesse-blend-agent >>> ${path}`, { timeout, visible: true });
    if (!handle) throw new Error(`nothing at ${path}`);
    return handle;
  }

  async click(path: string): Promise<void> {
    // Lit may replace the element between finding and clicking it (a re-render of its part): find it again then.
    for (let attempt = 1; ; attempt++) {
      try {
        const button = await this.find(path);
        await this.frame.waitForFunction((b) => !(b as HTMLButtonElement).disabled, { timeout: 10_000 }, button);
        await button.click();
        return;
      } catch (error) {
        if (attempt >= 3 || !(error instanceof Error) || !/detached/i.test(error.message)) throw error;
      }
    }
  }

  /** Types into the composer of the conversation on show and presses Enter. */
  async sendMessage(text: string): Promise<void> {
    const area = await this.find('fb-conversation >>> textarea');
    await area.type(text);
    await area.press('Enter');
  }
}
