// `casehound keys create|list|revoke`: API keys for the REST API. `create` prints
// the key itself on stdout — once; only its hash is stored — so it can be captured
// with KEY=$(npx casehound keys create --role analyst).
import { type Command, Option } from "commander";
import type { Role } from "../../domain/api-key.js";
import { AppError } from "../../domain/errors.js";
import { ROLE_NAMES } from "../../domain/vocabulary.js";
import { withDatabase } from "../context.js";
import { table } from "../format.js";

export function registerKeysCommands(program: Command): void {
  const keys = program.command("keys").description("manage API keys for the REST API");

  keys
    .command("create")
    .description("create a key and print it (shown once)")
    .addOption(
      new Option("--role <role>", "what the key may do").choices(ROLE_NAMES).makeOptionMandatory(),
    )
    .option("--name <name>", "who or what holds it (default: the role)")
    .option("--json", "print the key's record and the key as JSON")
    .action(async (options: { role: Role; name?: string; json?: boolean }) => {
      // The schemas and the repository load only when a command runs.
      const { KeyName } = await import("../../domain/api-key.js");
      const { createApiKey } = await import("../../db/repositories/api-keys.js");
      const name = KeyName.safeParse(options.name ?? options.role);
      if (!name.success)
        throw new AppError(
          "bad_argument",
          `--name ${name.error.issues[0]?.message ?? "is invalid"}`,
        );
      const created = await withDatabase((db) =>
        createApiKey(db, { name: name.data, role: options.role, createdBy: "cli" }, new Date()),
      );
      if (options.json) console.log(JSON.stringify(created));
      else {
        console.error(
          `created ${created.key.role} key ${created.key.keyId} (${created.key.name}); it is shown once:`,
        );
        console.log(created.token);
      }
    });

  keys
    .command("list")
    .description("list keys (never their secrets)")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const { listApiKeys } = await import("../../db/repositories/api-keys.js");
      const all = await withDatabase((db) => listApiKeys(db));
      if (options.json) console.log(JSON.stringify(all));
      else if (all.length === 0)
        console.log("no API keys; create one with: casehound keys create --role analyst");
      else
        console.log(
          table(
            ["key", "name", "role", "created", "revoked"],
            all.map((k) => [k.keyId, k.name, k.role, k.createdAt, k.revokedAt ?? ""]),
          ),
        );
    });

  keys
    .command("revoke <keyId>")
    .description(
      "revoke a key (a running server notices within 5 s; on the embedded database, stop the server first or revoke over the API)",
    )
    .action(async (keyId: string) => {
      const { revokeApiKey } = await import("../../db/repositories/api-keys.js");
      const revoked = await withDatabase((db) => revokeApiKey(db, keyId, new Date()));
      console.log(`revoked key ${revoked.keyId} (${revoked.name}) at ${revoked.revokedAt}`);
    });
}
