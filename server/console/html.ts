// HTML for the console's pages, escaped by construction: `html` is a tagged template
// whose every interpolated value is escaped unless it is already Html made by `html`
// itself (or a list of such). Seller-written text can therefore reach a page only as
// text: there is no way to interpolate a raw string by accident.
import { withoutControls } from "../../domain/report/document.js";
import { escapeHtml } from "../../domain/report/html.js";

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Interpolation =
  | Html
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(withoutControls(String(value)));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0] as string;
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] as string);
  });
  return new Html(out);
}

/** Data for a page's own script, as JSON inside an element's text: never executed, never markup. */
export function jsonData(id: string, data: unknown): Html {
  // "<" escaped so no "</script>" or "<!--" inside the JSON can end the element.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return new Html(`<script type="application/json" id="${escapeHtml(id)}">${json}</script>`);
}
