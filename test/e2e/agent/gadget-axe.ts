// axe-core in the product gadget's frame: its source injected with puppeteer (never bundled with the gadget), run on
// the gadget's document with its shadow roots, and each violation named by rule, impact and target.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame } from 'puppeteer-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  /** Each failing node's target (shadow paths joined by " >>> "). */
  readonly targets: readonly string[];
}

/** Runs axe on the gadget's document (shadow DOM included) and returns its violations, read to plain data. */
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  const loaded = await frame.evaluate('typeof window.axe === "object"');
  if (!loaded) await frame.evaluate(AXE_SOURCE);
  return (await frame.evaluate(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : String(t)).join(' | ')),
    }));
  })()`)) as AxeViolation[];
}

/** One line per violation: "id (impact): help — targets". */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.targets.join(', ')}`).join('\n');
}
