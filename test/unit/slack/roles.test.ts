import { describe, expect, it } from "vitest";
import { parseRoleMap, permits, roleOf } from "../../../server/slack/roles.js";

const none = async () => [];

describe("Slack users and groups mapped to roles", () => {
  it("gives a user named directly their role, and nobody else any", async () => {
    const map = parseRoleMap("U0AAA=analyst, W0BBB=viewer");
    expect(await roleOf(map, "U0AAA", none)).toBe("analyst");
    expect(await roleOf(map, "W0BBB", none)).toBe("viewer");
    expect(await roleOf(map, "U0ZZZ", none)).toBeNull();
  });

  it("gives a group member the strongest role of their groups", async () => {
    const map = parseRoleMap("S0VIEW=viewer,S0ANA=analyst");
    const groups = async (user: string) => (user === "U1" ? ["S0VIEW", "S0ANA"] : ["S0VIEW"]);
    expect(await roleOf(map, "U1", groups)).toBe("analyst");
    expect(await roleOf(map, "U2", groups)).toBe("viewer");
    expect(await roleOf(map, "U3", async () => ["S0OTHER"])).toBeNull();
  });

  it("lets a user named twice keep the stronger role, whatever the order", () => {
    expect(parseRoleMap("U0A=analyst,U0A=viewer").users.get("U0A")).toBe("analyst");
    expect(parseRoleMap("U0A=viewer,U0A=analyst").users.get("U0A")).toBe("analyst");
  });

  it("refuses a malformed entry, naming it", () => {
    expect(() => parseRoleMap("U0A=admin")).toThrow(/"U0A=admin"/);
    expect(() => parseRoleMap("bob=analyst")).toThrow(/bob/);
    expect(parseRoleMap(undefined).users.size).toBe(0);
  });

  it("lets analysts investigate and review, viewers only ask, strangers nothing", () => {
    expect(permits("analyst", "review")).toBe(true);
    expect(permits("analyst", "investigate")).toBe(true);
    expect(permits("viewer", "ask")).toBe(true);
    expect(permits("viewer", "review")).toBe(false);
    expect(permits("viewer", "investigate")).toBe(false);
    expect(permits(null, "ask")).toBe(false);
  });
});
