// An OpenSocial gadget spec (gadget.xml) read the way Shindig reads it: module prefs, required features,
// locales with their message bundles, user prefs with defaults, and the html Content.
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { err, ok, type Result } from '../../src/core/result.ts';

interface GadgetLocale {
  /** Empty for the default bundle (no lang attribute). */
  readonly lang: string;
  /** Empty when the locale names no country (ALL). */
  readonly country: string;
  readonly messages: string;
}

interface GadgetUserPref {
  readonly name: string;
  readonly defaultValue: string;
  readonly datatype: string;
}

export interface GadgetSpec {
  readonly title: string;
  readonly features: readonly string[];
  readonly locales: readonly GadgetLocale[];
  readonly userPrefs: readonly GadgetUserPref[];
  /** The html Content for the default view. */
  readonly content: string;
}

/** Parses gadget XML; problems come back as one sentence naming what is wrong. */
export function parseGadgetSpec(xml: string): Result<GadgetSpec, string> {
  if (hasDoctype(xml)) return err('The gadget XML has a DOCTYPE, which a gadget spec never needs.');
  const doc = parseXml(xml);
  if (!doc.ok) return doc;
  const root = doc.value;
  if (root.tagName !== 'Module') return err(`The gadget XML's root element is <${root.tagName}>, not <Module>.`);
  const modulePrefs = children(root, 'ModulePrefs')[0];
  const features = modulePrefs
    ? [...children(modulePrefs, 'Require'), ...children(modulePrefs, 'Optional')].map(
        (e) => e.getAttribute('feature') ?? '',
      )
    : [];
  const locales = modulePrefs
    ? children(modulePrefs, 'Locale')
        .filter((e) => e.getAttribute('messages'))
        .map((e) => ({
          lang: lower(e.getAttribute('lang')),
          country: lower(e.getAttribute('country')) === 'all' ? '' : lower(e.getAttribute('country')),
          messages: e.getAttribute('messages') ?? '',
        }))
    : [];
  const prefsRoot = children(root, 'UserPrefs')[0];
  const userPrefs = [...(prefsRoot ? children(prefsRoot, 'UserPref') : []), ...children(root, 'UserPref')]
    .map((e) => ({
      name: e.getAttribute('name') ?? '',
      defaultValue: e.getAttribute('default_value') ?? '',
      datatype: e.getAttribute('datatype') ?? 'string',
    }))
    .filter((p) => p.name);
  const contents = children(root, 'Content').filter((e) => (e.getAttribute('type') ?? 'html') === 'html');
  const views = (e: XmlElement) =>
    (e.getAttribute('view') ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const content =
    contents.find((e) => views(e).length === 0 || views(e).includes('default') || views(e).includes('home')) ??
    contents[0];
  if (!content) return err('The gadget XML has no <Content type="html">.');
  return ok({
    title: modulePrefs?.getAttribute('title') ?? '',
    features: features.filter(Boolean),
    locales,
    userPrefs,
    content: content.textContent ?? '',
  });
}

/** Parses a message bundle (<messagebundle><msg name="x">text</msg>...) into a map. */
export function parseMessageBundle(xml: string): Result<ReadonlyMap<string, string>, string> {
  if (hasDoctype(xml)) return err('The message bundle has a DOCTYPE.');
  const doc = parseXml(xml);
  if (!doc.ok) return doc;
  const messages = new Map<string, string>();
  for (const msg of children(doc.value, 'msg')) {
    const name = msg.getAttribute('name');
    if (name) messages.set(name, msg.textContent ?? '');
  }
  return ok(messages);
}

/** Picks the bundle Shindig would use for a language and country: exact, then language, then the default. */
export function chooseLocale(locales: readonly GadgetLocale[], lang: string, country: string): GadgetLocale | null {
  const l = lang.toLowerCase();
  const c = country.toLowerCase() === 'all' ? '' : country.toLowerCase();
  return (
    locales.find((x) => x.lang === l && x.country === c) ??
    locales.find((x) => x.lang === l && x.country === '') ??
    locales.find((x) => x.lang === '' || x.lang === 'all') ??
    null
  );
}

/** The default (language-less) bundle, the fallback for messages a language bundle lacks. */
export function defaultLocale(locales: readonly GadgetLocale[]): GadgetLocale | null {
  return locales.find((x) => x.lang === '' || x.lang === 'all') ?? null;
}

/** True when the prolog (before the root element) declares a DOCTYPE; a CDATA section may still hold one. */
export function hasDoctype(xml: string): boolean {
  const prolog = xml.replace(/^\uFEFF?\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  return /^<!DOCTYPE/i.test(prolog);
}

function parseXml(xml: string): Result<XmlElement, string> {
  const problems: string[] = [];
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(xml, 'text/xml');
    const root = doc.documentElement;
    if (problems.length > 0 || !root) return err(`The XML is not well-formed: ${problems[0] ?? 'no root element'}`);
    return ok(root);
  } catch (e) {
    return err(`The XML is not well-formed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function children(parent: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).localName === name) out.push(n as XmlElement);
  }
  return out;
}

function lower(value: string | null): string {
  return (value ?? '').trim().toLowerCase();
}
