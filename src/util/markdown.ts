/** Markdown table cells come from the analysed repository: keep them from breaking the table. */
export function mdCell(text: string | number): string {
  return String(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
}

export function mdCode(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
}

export function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

/** Code in a table cell: literal inside backticks, so only the pipe (GFM splits cells on it) is escaped. */
export function mdCodeCell(text: string): string {
  return mdCode(text).replace(/\|/g, '\\|');
}
