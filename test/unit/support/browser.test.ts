import { describe, expect, it } from "vitest";
import { chromiumPath } from "../../support/browser.js";

describe("where the browser tests find Chromium", () => {
  it("skips locally, saying how to install it, when Chromium is absent", () => {
    const said: string[] = [];
    expect(
      chromiumPath({ CHROMIUM_PATH: "/nonexistent/chromium", CI: undefined }, (m) => said.push(m)),
    ).toBeNull();
    expect(said.join()).toMatch(/skipping the console's browser tests.*ensure-chromium\.sh/);
  });

  it("fails in CI when Chromium is absent", () => {
    expect(() => chromiumPath({ CHROMIUM_PATH: "/nonexistent/chromium", CI: "true" })).toThrow(
      /CI must have a browser/,
    );
  });

  it("answers the path of an executable", () => {
    expect(chromiumPath({ CHROMIUM_PATH: process.execPath, CI: "true" })).toBe(process.execPath);
  });
});
