// Cuts a document into the chunks retrieval returns. A web page is cut at paragraph
// boundaries into pieces of about 60–180 words (a long paragraph is cut at sentence
// ends); a knowledge-base document is cut at its "## " sections, each of which is
// written to stand alone. Every chunk carries its document's title as its heading,
// and a section's own heading after it.

export interface Chunk {
  ord: number;
  heading: string;
  body: string;
}

const MIN_WORDS = 60;
const MAX_WORDS = 180;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

function sentences(paragraph: string): string[] {
  return paragraph.match(/[^.!?]+(?:[.!?]+["')\]]*\s*|$)/g)?.map((s) => s.trim()) ?? [paragraph];
}

/** Paragraphs packed into pieces of at most MAX_WORDS, none shorter than MIN_WORDS if avoidable. */
export function packParagraphs(text: string): string[] {
  const units = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .flatMap((p) => (wordCount(p) > MAX_WORDS ? sentences(p) : [p]));
  const pieces: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const unit of units) {
    const n = wordCount(unit);
    if (words > 0 && words + n > MAX_WORDS && words >= MIN_WORDS) {
      pieces.push(current.join("\n\n"));
      current = [];
      words = 0;
    }
    current.push(unit);
    words += n;
  }
  if (current.length > 0) {
    const last = current.join("\n\n");
    // A short tail joins the piece before it rather than standing alone.
    if (words < MIN_WORDS / 2 && pieces.length > 0) pieces[pieces.length - 1] += `\n\n${last}`;
    else pieces.push(last);
  }
  return pieces;
}

export function chunkWebDocument(title: string, body: string): Chunk[] {
  return packParagraphs(body).map((piece, ord) => ({ ord, heading: title, body: piece }));
}

/** Knowledge-base markdown (front matter already removed): one chunk per "## " section. */
export function chunkKbDocument(title: string, markdown: string): Chunk[] {
  const sections = markdown.split(/^## +/m);
  const chunks: Chunk[] = [];
  const intro = sections[0]?.replace(/^# .*$/m, "").trim() ?? "";
  if (intro) chunks.push({ ord: 0, heading: title, body: intro });
  for (const section of sections.slice(1)) {
    const newline = section.indexOf("\n");
    const name = (newline < 0 ? section : section.slice(0, newline)).trim();
    const text = newline < 0 ? "" : section.slice(newline + 1).trim();
    if (!text) continue;
    chunks.push({ ord: chunks.length, heading: `${title} — ${name}`, body: text });
  }
  return chunks;
}
