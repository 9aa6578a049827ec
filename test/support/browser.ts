// A real browser for the console's tests: Debian's Chromium driven by
// playwright-core (never Playwright's own download, which cannot reach its servers
// here). Locally, without Chromium, the browser suites skip and say why; in CI
// (CI=true), which installs it with scripts/ensure-chromium.sh, its absence fails.
import { accessSync, constants, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { type Env, loadEnv } from "../../config/env.js";

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where Chromium is, or null (with the reason printed) when a local run should skip. */
export function chromiumPath(
  env: Pick<Env, "CHROMIUM_PATH" | "CI"> = loadEnv(),
  warn: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
): string | null {
  const path = env.CHROMIUM_PATH;
  if (executable(path)) return path;
  const why = `Chromium not found at ${path}: run 'bash scripts/ensure-chromium.sh' (or set CHROMIUM_PATH)`;
  if (env.CI === "true") throw new Error(`CI must have a browser for the console tests. ${why}`);
  warn(`skipping the console's browser tests. ${why}`);
  return null;
}

export async function launchChromium(path: string): Promise<Browser> {
  // Root (CI, this machine) needs --no-sandbox.
  return chromium.launch({ executablePath: path, headless: true, args: ["--no-sandbox"] });
}

/** The ignored folder the tests leave their screenshots in. */
export function screenshotPath(name: string): string {
  const dir = join(process.cwd(), "test-results", "console");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
