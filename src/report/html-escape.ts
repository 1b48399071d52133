/** Text from the analysed repository is untrusted: it goes into HTML only through these. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * JSON safe to place inside `<script type="application/json">`: every `<` becomes `\u003c`, so no
 * `</script>` or `<!--` in a route path or file name can end the element; U+2028/2029 are
 * escaped for the old engines that treat them as line ends. JSON.parse gives back the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** An inlined script must not contain the sequence that ends its element. */
export function assertInlineSafe(name: string, code: string): string {
  if (/<\/script/i.test(code)) throw new Error(`${name} contains </script> and cannot be inlined`);
  return code;
}
