// The one rule for characters XML 1.0 cannot carry, even as character references: C0 controls other than tab, LF
// and CR, U+FFFE, U+FFFF, and surrogates that are not part of a valid pair. Where they meet XML, each layer chooses
// what takes their place: the Finesse layer strips them (CTI data), chat text shows U+FFFD (a person typed something).

/** The text with every character XML cannot carry replaced by `replacement` ('' strips it). */
export function replaceXmlIllegalChars(text: string, replacement: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let legal: boolean;
    if (c >= 0x20 && c < 0xd800) legal = true;
    else if (c === 0x09 || c === 0x0a || c === 0x0d) legal = true;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      legal = next >= 0xdc00 && next <= 0xdfff;
      if (legal) i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) legal = false;
    else legal = c >= 0xe000 && c !== 0xfffe && c !== 0xffff;
    if (!legal) {
      out += text.slice(from, i) + replacement;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
