import { describe, expect, it } from "vitest";
import { moduleBootstrap } from "../../../config/module-bootstrap.js";

describe("loading a worker's entry beside its caller", () => {
  it("imports the compiled entry directly from compiled code", () => {
    const code = moduleBootstrap("file:///app/dist/world/generate.js", "generate-worker");
    expect(code).toBe('import("file:///app/dist/world/generate-worker.js");');
  });

  it("registers tsx before importing the TypeScript entry from the sources", () => {
    const code = moduleBootstrap("file:///app/world/generate.ts", "generate-worker");
    expect(code).toContain('import("tsx/esm/api")');
    expect(code).toContain('"file:///app/world/generate-worker.ts"');
    expect(code.indexOf("register()")).toBeLessThan(code.indexOf("generate-worker.ts"));
  });
});
