// The installation's own secret (migration 0011): the key behind the placeholders that
// stand for personal data in model prompts.
import { AppError } from "../../domain/errors.js";
import type { Queryable } from "../types.js";

export async function redactionSecret(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ redaction_secret: string }>(
    "SELECT redaction_secret FROM casehound.installation",
  );
  const secret = rows[0]?.redaction_secret;
  if (!secret)
    throw new AppError(
      "migration_failed",
      "the installation has no redaction secret; run the migrations",
    );
  return secret;
}
