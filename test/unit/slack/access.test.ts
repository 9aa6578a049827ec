import type { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createAccess } from "../../../server/slack/access.js";
import { parseRoleMap } from "../../../server/slack/roles.js";

/** A Web API client answering usergroups.users.list from a table, counting its calls. */
function groupsClient(members: Record<string, string[]>, failing = new Set<string>()) {
  const calls: string[] = [];
  const client = {
    usergroups: {
      users: {
        list: async ({ usergroup }: { usergroup: string }) => {
          calls.push(usergroup);
          if (failing.has(usergroup)) throw new Error("missing_scope");
          return { ok: true, users: members[usergroup] ?? [] };
        },
      },
    },
  } as unknown as webApi.WebClient;
  return { client, calls };
}

describe("who may use the bot, through user groups", () => {
  it("reads a group's members once within a few minutes, then again", async () => {
    const { client, calls } = groupsClient({ S0ANA: ["U1"] });
    let now = Date.parse("2026-12-01T10:00:00Z");
    const access = createAccess(parseRoleMap("S0ANA=analyst"), client, () => new Date(now));
    expect(await access.role("U1")).toBe("analyst");
    expect(await access.role("U2")).toBeNull();
    expect(calls).toEqual(["S0ANA"]);
    now += 6 * 60_000;
    expect(await access.may("U1", "review")).toBe(true);
    expect(calls).toEqual(["S0ANA", "S0ANA"]);
  });

  it("counts nobody in a group it cannot read, and asks again next time", async () => {
    const { client, calls } = groupsClient({ S0OK: ["U1"] }, new Set(["S0BAD"]));
    const access = createAccess(parseRoleMap("S0BAD=analyst,S0OK=viewer"), client);
    expect(await access.role("U1")).toBe("viewer");
    expect(await access.may("U1", "investigate")).toBe(false);
    await access.role("U1");
    // Three lookups, three attempts: a failure is not cached; the readable group is.
    expect(calls.filter((g) => g === "S0BAD")).toHaveLength(3);
    expect(calls.filter((g) => g === "S0OK")).toHaveLength(1);
  });

  it("never asks Slack about a user named directly", async () => {
    const { client, calls } = groupsClient({});
    const access = createAccess(parseRoleMap("U0ANA=analyst,S0X=viewer"), client);
    expect(await access.role("U0ANA")).toBe("analyst");
    expect(calls).toEqual([]);
  });
});
