// The report as Markdown (GET /v1/cases/:id/report, Accept: text/markdown). Untrusted
// text inline is escaped so it can form no markup; a quoted block of it goes in a
// fence longer than any run of backticks it contains, so it cannot close the fence.
import {
  type Block,
  flat,
  type Line,
  type ReportDocument,
  type Span,
  withoutControls,
} from "./document.js";

const escapeMarkdown = (text: string) => text.replace(/[\\<>`*_[\]|#~&]/g, (c) => `\\${c}`);

/** A fence of backticks longer than any run inside the text. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(Math.max(3, longest + 1));
}

function span(s: Span): string {
  if (typeof s === "string") return s;
  if ("strong" in s) return `**${s.strong}**`;
  if ("untrusted" in s) return escapeMarkdown(flat(s.untrusted));
  const fence = s.code.includes("`") ? "``" : "`";
  return `${fence}${s.code}${fence}`;
}

const line = (l: Line) => l.map(span).join("");

function block(b: Block): string[] {
  switch (b.kind) {
    case "lines":
      // Two trailing spaces: a line break inside the paragraph.
      return [b.lines.map(line).join("  \n")];
    case "note":
      return [`> ${line(b.line)}`];
    case "list":
      return [
        b.items
          .flatMap((item) => [
            `- ${line(item.line)}`,
            ...(item.sub ?? []).map((s) => `  - ${line(s)}`),
          ])
          .join("\n"),
      ];
    case "table": {
      const cell = (l: Line) => line(l).replaceAll("|", "\\|");
      return [
        [
          `| ${b.head.join(" | ")} |`,
          `|${b.head.map(() => "---").join("|")}|`,
          ...b.rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
        ].join("\n"),
      ];
    }
    case "quote": {
      const text = withoutControls(b.text);
      const fence = fenceFor(text);
      return [`*${b.label}:*`, `${fence}text\n${text}\n${fence}`];
    }
  }
}

export function reportMarkdown(doc: ReportDocument): string {
  const parts = [`# ${doc.title}`, ...doc.summary.flatMap(block)];
  for (const section of doc.sections)
    parts.push(
      `${section.level === 3 ? "###" : "##"} ${section.heading}`,
      ...section.blocks.flatMap(block),
    );
  return `${parts.join("\n\n")}\n`;
}
