// The case report as a standalone HTML page. It renders the Markdown subset that
// report.ts writes (headings, paragraphs, lists, tables, quotes, bold, code,
// backslash escapes). Every character of text is HTML-escaped before any markup is
// made, so seller-written text in the report can never become markup or script.

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Inline Markdown → HTML: `code`, **bold**, and \\-escaped characters taken literally. */
function inline(text: string): string {
  const out: string[] = [];
  let bold = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\" && i + 1 < text.length) {
      out.push(escapeHtml(text[++i] as string));
    } else if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end < 0) {
        out.push("`");
        continue;
      }
      out.push(`<code>${escapeHtml(text.slice(i + 1, end))}</code>`);
      i = end;
    } else if (c === "*" && text[i + 1] === "*") {
      out.push(bold ? "</strong>" : "<strong>");
      bold = !bold;
      i++;
    } else out.push(escapeHtml(c));
  }
  if (bold) out.push("</strong>");
  return out.join("");
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());

export function markdownReportToHtml(markdown: string, title: string): string {
  const lines = markdown.split("\n");
  const body: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = (lines[i] as string).trimEnd();
    if (line === "") {
      i++;
    } else if (/^#{1,6} /.test(line)) {
      const level = (line.match(/^#+/) as RegExpMatchArray)[0].length;
      body.push(`<h${level}>${inline(line.slice(level + 1))}</h${level}>`);
      i++;
    } else if (line.startsWith("|")) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] as string).startsWith("|")) {
        const row = lines[i] as string;
        if (!/^\|[\s|:-]+\|$/.test(row.trim())) rows.push(cells(row));
        i++;
      }
      const [head, ...rest] = rows;
      body.push(
        `<table><thead><tr>${(head ?? []).map((c) => `<th>${inline(c)}</th>`).join("")}</tr></thead><tbody>${rest
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`)
          .join("")}</tbody></table>`,
      );
    } else if (/^\s*- /.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*- /.test(lines[i] as string)) {
        const item = lines[i] as string;
        const nested = /^\s+- /.test(item);
        items.push(
          `<li${nested ? ' class="nested"' : ""}>${inline(item.replace(/^\s*- /, ""))}</li>`,
        );
        i++;
      }
      body.push(`<ul>${items.join("")}</ul>`);
    } else if (line.startsWith("> ")) {
      body.push(`<blockquote>${inline(line.slice(2))}</blockquote>`);
      i++;
    } else {
      const para: string[] = [];
      while (
        i < lines.length &&
        (lines[i] as string).trim() !== "" &&
        !/^(#|\||\s*- |> )/.test(lines[i] as string)
      ) {
        para.push(inline((lines[i] as string).trimEnd()));
        i++;
      }
      body.push(`<p>${para.join("<br>")}</p>`);
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}
code{background:#f2f2f2;padding:0 .2rem;border-radius:3px;word-break:break-all}
blockquote{border-left:4px solid #c77;margin:0;padding:.2rem 1rem;background:#fff6f6}
li.nested{margin-left:1.5rem;list-style:circle}</style></head>
<body>
${body.join("\n")}
</body></html>
`;
}
