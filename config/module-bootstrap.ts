// How a worker thread or child process loads one of our own modules. The sources are
// TypeScript (run through tsx in development and by the tests) and also compiled to
// dist/ (what the `casehound` command runs): the entry beside the caller has the
// caller's own extension, and only TypeScript needs tsx's loader registered first.

/** Code for `new Worker(code, { eval: true })` or `node -e` that imports `name` beside `from`. */
export function moduleBootstrap(from: string, name: string): string {
  const compiled = from.endsWith(".js");
  const entry = JSON.stringify(new URL(`./${name}${compiled ? ".js" : ".ts"}`, from).href);
  return compiled
    ? `import(${entry});`
    : `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${entry}); });`;
}
