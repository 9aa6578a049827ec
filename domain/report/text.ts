// The report as plain text for a terminal (`casehound investigate`, `casehound demo`).
// No Markdown: nothing is escaped, because nothing here is markup. What a terminal
// would act on (ANSI escapes, other controls, bidirectional overrides) is dropped from
// every piece of text; untrusted text inline is set in quotation marks, and a quoted
// block has each of its lines behind a bar, so nothing in it can pass for ours.
import {
  type Block,
  flat,
  type Line,
  oneLine,
  type ReportDocument,
  type Span,
  spanText,
  withoutControls,
} from "./document.js";

function span(s: Span): string {
  if (typeof s === "object" && "untrusted" in s) return `“${flat(s.untrusted)}”`;
  return oneLine(spanText(s));
}

const line = (l: Line) => l.map(span).join("");

function table(head: string[], rows: Line[][]): string {
  const cells = [head.map(flat), ...rows.map((row) => row.map(line))];
  const widths = head.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const format = (row: string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [
    format(cells[0] as string[]),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.slice(1).map(format),
  ].join("\n");
}

function block(b: Block): string {
  switch (b.kind) {
    case "lines":
      return b.lines.map(line).join("\n");
    case "note":
      return `! ${line(b.line)}`;
    case "list":
      return b.items
        .flatMap((item) => [
          `- ${line(item.line)}`,
          ...(item.sub ?? []).map((s) => `    ${line(s)}`),
        ])
        .join("\n");
    case "table":
      return table(b.head, b.rows);
    case "quote":
      return [
        `  ┌ ${flat(b.label)}`,
        ...withoutControls(b.text)
          .split(/\r\n|\r|\n/)
          .map((l) => `  │ ${l}`),
        "  └ end of untrusted text",
      ].join("\n");
  }
}

const underline = (text: string, char: string) => `${text}\n${char.repeat(text.length)}`;

export function reportText(doc: ReportDocument): string {
  const parts = [underline(flat(doc.title), "="), ...doc.summary.map(block)];
  for (const section of doc.sections)
    parts.push(
      section.level === 3 ? `${flat(section.heading)}:` : underline(flat(section.heading), "-"),
      ...section.blocks.map(block),
    );
  return `${parts.join("\n\n")}\n`;
}
