// Line numbers for CSV messages as an editor shows them. csv-parse counts a CR LF inside a quoted value
// as two lines (and as one between records), so its numbers drift after such a value; one scan of the
// text maps its line numbers to the editor's and finds where a quote that is never closed opens.

export interface LineMap {
  /** The editor's line for csv-parse's line number. */
  editorLine(parserLine: number): number;
  /** Where the quoted value that is still open at the end of the text begins, if one is. */
  openQuoteLine: number | undefined;
}

export function mapLines(text: string): LineMap {
  const map: number[] = [0, 1];
  let parser = 1;
  let editor = 1;
  let inQuotes = false;
  let openedAt: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (!inQuotes) {
        inQuotes = true;
        openedAt = editor;
      } else if (text[i + 1] === '"') i++;
      else inQuotes = false;
      continue;
    }
    if (c !== '\r' && c !== '\n') continue;
    const crlf = c === '\r' && text[i + 1] === '\n';
    if (crlf) i++;
    editor++;
    if (crlf && inQuotes) map[++parser] = editor;
    map[++parser] = editor;
  }
  return { editorLine: (p) => map[p] ?? p, openQuoteLine: inQuotes ? openedAt : undefined };
}

/** How many lines csv-parse counts inside the values of one record (each CR and each LF). */
export function parserBreaks(values: readonly string[]): number {
  let n = 0;
  for (const v of values) for (let i = 0; i < v.length; i++) if (v[i] === '\r' || v[i] === '\n') n++;
  return n;
}
