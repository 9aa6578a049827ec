// Every `casehound` command a README shows, checked against the command line as
// the code defines it — in process, with commander's own definitions, so the check
// costs no CLI start-up. A concrete example (no placeholders) is parsed for real:
// an unknown option, a missing required one, a bad choice or a malformed value
// fails, exactly as `npx casehound` would refuse it. A synopsis line (placeholders,
// alternatives) must name an existing command and only options it has, and a choice
// list it spells out must be the command's choices.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, type Option } from "commander";
import { beforeAll, describe, expect, it } from "vitest";
import { commandExamples, type Example } from "./examples.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SKIP = new Set(["node_modules", ".git", ".casehound", ".casehound-demo", "coverage"]);

function readmes(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return readmes(path);
    return /^README(\.md)?$/i.test(entry.name) ? [path] : [];
  });
}

/** The program as the CLI builds it: every register* function of cli/commands/, actions replaced by no-ops. */
async function program(): Promise<Command> {
  const root = new Command("casehound")
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  const dir = join(ROOT, "cli/commands");
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    const module = (await import(join(dir, file))) as Record<string, unknown>;
    for (const [name, register] of Object.entries(module))
      if (/^register\w+$/.test(name) && typeof register === "function") register(root);
  }
  const quiet = (command: Command) => {
    command.action(() => {});
    command.commands.forEach(quiet);
  };
  root.commands.forEach(quiet);
  return root;
}

/** The command a word path names (`db info`), and how many words it took. */
function resolve(root: Command, words: readonly string[]): { command: Command; used: number } {
  let command = root;
  let used = 0;
  for (const word of words) {
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) break;
    command = sub;
    used++;
  }
  return { command, used };
}

function optionOf(command: Command, flag: string): Option | undefined {
  for (let c: Command | null = command; c; c = c.parent)
    for (const option of c.options)
      if (option.long === flag || option.short === flag) return option;
  return undefined;
}

describe("the READMEs' casehound commands", () => {
  let root: Command;
  const examples: Example[] = readmes().flatMap((path) =>
    commandExamples(readFileSync(path, "utf8"), relative(ROOT, path)),
  );

  beforeAll(async () => {
    root = await program();
  }, 60_000);

  it("finds the examples (the top README shows every command)", () => {
    const named = new Set(examples.map((e) => e.words[0]));
    for (const command of ["investigate", "demo", "replay", "review", "sql", "keys", "serve"])
      expect(named).toContain(command);
    expect(examples.filter((e) => e.concrete).length).toBeGreaterThan(5);
  });

  it("names only commands that exist, with only options they have, and their choices", () => {
    const wrong: string[] = [];
    for (const e of examples) {
      const { command, used } = resolve(root, e.words);
      if (used === 0 || (command.commands.length > 0 && used === e.words.length)) {
        wrong.push(`${e.where}: no command "casehound ${e.words.join(" ")}"`);
        continue;
      }
      for (const { flag, value } of e.options) {
        if (flag === "--help" || flag === "-h") continue;
        const option = optionOf(command, flag);
        if (!option) wrong.push(`${e.where}: "casehound ${command.name()}" has no option ${flag}`);
        else if (value?.includes("|") && option.argChoices)
          if ([...value.split("|")].sort().join() !== [...option.argChoices].sort().join())
            wrong.push(
              `${e.where}: ${flag} ${value}, but its choices are ${option.argChoices.join("|")}`,
            );
      }
    }
    expect(wrong).toEqual([]);
  });

  it("parses every concrete example as the CLI would", async () => {
    const refused: string[] = [];
    for (const e of examples.filter((x) => x.concrete)) {
      try {
        await root.parseAsync(e.argv, { from: "user" });
      } catch (error) {
        refused.push(`${e.where}: casehound ${e.argv.join(" ")} → ${(error as Error).message}`);
      }
      // A subject in an example names one as the warehouse spells its ids.
      const subject = e.argv[e.argv.indexOf("--subject") + 1];
      if (
        e.argv.includes("--subject") &&
        !/^(seller:slr|buyer:byr|order:ord)_[0-9a-z]+$/.test(subject ?? "")
      )
        refused.push(`${e.where}: subject ${subject} is not an id the warehouse uses`);
    }
    expect(refused).toEqual([]);
  });

  it("would catch an option that does not exist", async () => {
    const [bad] = commandExamples(
      '```sh\nnpx casehound investigate --subject seller:slr_0a9s98o --seller s_000123 --allegation "x"\n```\n',
      "test",
    );
    await expect(root.parseAsync(bad!.argv, { from: "user" })).rejects.toThrow(
      /unknown option '--seller'/,
    );
  });
});
