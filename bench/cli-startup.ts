// How fast `casehound` answers from a cold process: --version, --help, a usage error,
// and one investigation on the small demo world (its baselines already computed), each
// run as a user runs it (node bin/casehound.js, a fresh process every time). The same
// commands through tsx (the sources, as the command ran before dist/) for comparison.
// Last, the investigation again while `serve` holds the data directory (the command
// hands its case to the warm server).
// Goals: --version, --help and a usage error ≤ 300 ms; the investigation ≤ 1.5 s.
//   npm run bench:cli [-- --runs N]
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { table } from "../cli/format.js";
import { readLabels } from "../world/labels.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = join(ROOT, "bin", "casehound.js");

const runsFlag = process.argv.indexOf("--runs");
const RUNS = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 5;

type Launcher = "dist" | "tsx";

const dir = mkdtempSync(join(tmpdir(), "casehound-bench-cli-"));
// What bin/casehound.js did before the build: tsx's loader, then the TypeScript sources.
const VIA_TSX = join(dir, "via-tsx.mjs");
writeFileSync(
  VIA_TSX,
  `const { register } = await import(${JSON.stringify(join(ROOT, "node_modules", "tsx", "dist", "esm", "api", "index.mjs"))});\nregister();\nawait import(${JSON.stringify(join(ROOT, "cli", "main.ts"))});\n`,
);

function run(launcher: Launcher, args: string[], env: Record<string, string>) {
  const argv = [launcher === "dist" ? BIN : VIA_TSX, ...args];
  const started = performance.now();
  const result = spawnSync(process.execPath, argv, {
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
  });
  return { ms: performance.now() - started, code: result.status, stderr: result.stderr };
}

function timings(launcher: Launcher, args: string[], env: Record<string, string>, code: number) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = run(launcher, args, env);
    if (r.code !== code)
      throw new Error(`${args.join(" ")}: exit ${r.code}, expected ${code}: ${r.stderr}`);
    ms.push(r.ms);
  }
  ms.sort((a, b) => a - b);
  return ms;
}

/** Like timings, without blocking this process (the server it started must keep answering). */
async function timingsAsync(args: string[], env: Record<string, string>) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.once("close", resolve));
    if (code !== 0 || !/stored by the running server/.test(stderr))
      throw new Error(`${args.join(" ")} through the server: exit ${code}: ${stderr}`);
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b);
}

const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs"), "--if-stale"], {
  stdio: "inherit",
});
if (build.status !== 0) throw new Error("the build failed");

try {
  const env = { CASEHOUND_DATA_DIR: dir };
  console.error(`seeding the small world into ${dir} ...`);
  const seeded = run("dist", ["seed", "--size", "small", "--no-progress"], env);
  if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const planted = readLabels(join(dir, "labels.json")).subjects.find(
    (s) => s.kind === "brushing" && s.role === "primary",
  );
  if (!planted) throw new Error("the small world has no planted brushing seller");
  const investigate = [
    "investigate",
    "--subject",
    `seller:${planted.subject.id}`,
    "--allegation",
    "fake reviews",
    "--json",
  ];
  // The first investigation computes the category baselines; the timed ones find them.
  run("dist", investigate, env);

  const cases: [string, string[], number, number][] = [
    ["--version", ["--version"], 0, 300],
    ["--help", ["--help"], 0, 300],
    ["usage error", ["investigate", "--subject", "bogus", "--allegation", "x"], 2, 300],
    ["investigate (demo world)", investigate, 0, 1500],
  ];
  const rows: (string | number)[][] = [];
  for (const launcher of ["dist", "tsx"] as const)
    for (const [name, args, code, goal] of cases) {
      const ms = timings(launcher, args, env, code);
      const median = ms[Math.floor(ms.length / 2)] ?? 0;
      rows.push([
        name,
        launcher,
        Math.round(ms[0] ?? 0),
        Math.round(median),
        Math.round(ms[ms.length - 1] ?? 0),
        launcher === "dist" ? `${goal} ${median <= goal ? "met" : "MISSED"}` : "",
      ]);
    }
  // The same investigation while `serve` holds the data directory: the command hands
  // the case to the warm server (server/local-endpoint.ts).
  const server = spawn(process.execPath, [BIN, "serve", "--port", "0", "--no-seed"], {
    env: { ...process.env, DATABASE_URL: "", ...env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = "";
      server.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("casehound API listening on")) resolve();
      });
      server.once("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    run("dist", investigate, env); // the server's first case warms it
    const ms = await timingsAsync(investigate, env);
    const median = ms[Math.floor(ms.length / 2)] ?? 0;
    rows.push([
      "investigate, serve running",
      "dist",
      Math.round(ms[0] ?? 0),
      Math.round(median),
      Math.round(ms[ms.length - 1] ?? 0),
      `1500 ${median <= 1500 ? "met" : "MISSED"}`,
    ]);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  console.log(`\ncold starts, ${RUNS} runs each, wall ms (node ${process.version})`);
  console.log(table(["command", "launcher", "min", "median", "max", "goal (median)"], rows));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
