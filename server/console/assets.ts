// The console's scripts and styles, all served from this server: the libraries from
// the project's own node_modules (htmx, Chart.js, Cytoscape), the console's own
// stylesheet and script from static/. Read once at start; nothing is fetched from
// anywhere else (the Content-Security-Policy would refuse it).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Router } from "express";

const require = createRequire(import.meta.url);
const STATIC = fileURLToPath(new URL("./static/", import.meta.url));

/** chart.js exports no dist paths: its UMD build sits beside its main entry. */
const chartUmd = () => join(dirname(require.resolve("chart.js")), "chart.umd.min.js");

const FILES: Record<string, () => string> = {
  "htmx.min.js": () => require.resolve("htmx.org/dist/htmx.min.js"),
  "chart.umd.min.js": chartUmd,
  "cytoscape.min.js": () => require.resolve("cytoscape/dist/cytoscape.min.js"),
  "console.js": () => join(STATIC, "console.js"),
  "console.css": () => join(STATIC, "console.css"),
};

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};

export function assetRoutes(): Router {
  const loaded = new Map<string, { body: Buffer; type: string }>();
  for (const [name, path] of Object.entries(FILES))
    loaded.set(name, {
      body: readFileSync(path()),
      type: TYPES[name.split(".").at(-1) as string] as string,
    });
  const router = Router();
  router.get("/console/assets/:name", (req, res, next) => {
    const asset = loaded.get(req.params.name);
    if (!asset) return next();
    res.type(asset.type).set("Cache-Control", "no-cache").send(asset.body);
  });
  return router;
}
