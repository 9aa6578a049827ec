// The README's REST walk-through, run as written: the block between its
// walkthrough markers goes to bash from the repository root, against a fresh
// embedded data directory. Only the port changes (8080 may be taken here).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../../support/engines.js";
import { runCli } from "../../support/run-cli.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

function walkthrough(): string {
  const readme = readFileSync(`${ROOT}README.md`, "utf8");
  const block = /<!-- walkthrough:start -->\n```sh\n([\s\S]*?)```\n<!-- walkthrough:end -->/.exec(
    readme,
  );
  if (!block?.[1]) throw new Error("README has no walkthrough block");
  return block[1];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

describe("the README's REST walk-through", () => {
  const dir = tempDir("casehound-readme-");
  afterAll(() => removeDir(dir));

  it("creates a key, serves the demo world, follows a case to its verdict, reads the report, reviews it, and stops", async () => {
    const port = await freePort();
    const script = walkthrough();
    expect(script).toContain("localhost:8080");
    const run = spawnSync(
      "bash",
      ["-e", "-c", script.replaceAll("localhost:8080", `localhost:${port}`)],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          CASEHOUND_DATA_DIR: dir,
          PORT: String(port),
          DATABASE_URL: "",
          LOG_LEVEL: "warn",
        },
        encoding: "utf8",
        timeout: 240_000,
      },
    );
    const where = `exit ${run.status}\n--- stdout\n${run.stdout.slice(-3000)}\n--- stderr\n${run.stderr.slice(-3000)}`;
    expect(run.status, where).toBe(0);
    const lines = run.stdout.split("\n");
    const kinds = lines.filter((l) => l.startsWith("event: ")).map((l) => l.slice(7));
    expect(kinds[0], where).toBe("case_created");
    expect(kinds.slice(-2), where).toEqual(["verdict", "end"]);
    expect(run.stdout).toContain('"decision":"fraud"');
    expect(run.stdout).toContain("**Decision: fraud** — brushing");
    const review = JSON.parse(lines.find((l) => l.startsWith('{"reviewId"')) ?? "{}") as {
      caseId: string;
      outcome: string;
      reviewer: string;
    };
    expect(review).toMatchObject({
      outcome: "approved",
      reviewer: expect.stringMatching(/^ana \[/),
    });
    expect(run.stdout).toContain("stopped"); // the server shut down gracefully

    // The server is gone (its lock released) and the case's chain holds the review.
    const verify = runCli(["audit", "verify", review.caseId, "--json"], {
      CASEHOUND_DATA_DIR: dir,
    });
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  }, 300_000);
});
