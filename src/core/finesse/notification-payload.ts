// What arrives on a finesse.api.* hub topic. The DESIGN contract is the <Update> XML string; some Finesse
// desktop versions wrap it as { content: "<Update>..." } (with a converted object beside it). Accept both.

/** The <Update> XML carried by a hub payload, or null when the payload carries none. */
export function updateXmlOf(payload: unknown): string | null {
  if (typeof payload === 'string') return payload;
  if (payload !== null && typeof payload === 'object' && 'content' in payload) {
    const content = (payload as { content: unknown }).content;
    if (typeof content === 'string') return content.includes('<') ? content.slice(content.indexOf('<')) : content;
  }
  return null;
}
