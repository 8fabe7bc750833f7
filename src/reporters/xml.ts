/**
 * Characters XML 1.0 does not allow at all: control characters other than tab, LF, CR,
 * U+FFFE/U+FFFF, and UTF-16 surrogates without their pair.
 */
// These control characters are what the pattern removes.
const INVALID_XML_CHARS = new RegExp(
  String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]` +
    String.raw`|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
  'g',
);

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// A parser turns tab, LF and CR in an attribute into spaces unless they are character references.
const ATTRIBUTE_WHITESPACE: Record<string, string> = { '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Escape text or an attribute value for XML; characters XML cannot carry are dropped. */
export function escapeXml(value: unknown): string {
  return String(value)
    .replace(INVALID_XML_CHARS, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Escape an attribute value: as escapeXml, and tab, LF, CR kept as character references. */
export function escapeXmlAttribute(value: unknown): string {
  return escapeXml(value).replace(/[\t\n\r]/g, (c) => ATTRIBUTE_WHITESPACE[c]);
}

/** `<name a="1" b="2">` with every value escaped; undefined attributes are left out. */
export function openTag(
  name: string,
  attributes: Record<string, unknown> = {},
  selfClose = false,
): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`)
    .join('');
  return `<${name}${attrs}${selfClose ? '/>' : '>'}`;
}
