// Who may do what through the bot. CASEHOUND_SLACK_ROLES maps Slack user ids (U…,
// W…) and user-group ids (S…) to a role: an analyst investigates and reviews, a
// viewer only asks (help, status, seller, queue, questions). A user named directly
// takes that role; otherwise the strongest role of a group they belong to; nobody
// else may use the bot at all.

export type SlackRole = "analyst" | "viewer";
export type SlackAction = "ask" | "investigate" | "review";

export interface RoleMap {
  users: ReadonlyMap<string, SlackRole>;
  groups: ReadonlyMap<string, SlackRole>;
}

const ENTRY = /^([UWS][A-Z0-9]{2,})=(analyst|viewer)$/;

/** Parses `U0123ABCD=analyst,S0456EFGH=viewer`; a malformed entry throws, naming it. */
export function parseRoleMap(text: string | undefined): RoleMap {
  const users = new Map<string, SlackRole>();
  const groups = new Map<string, SlackRole>();
  for (const entry of (text ?? "").split(",").map((e) => e.trim())) {
    if (entry === "") continue;
    const match = ENTRY.exec(entry);
    if (!match) throw new Error(`"${entry}" is not <Slack user or group id>=analyst|viewer`);
    const [, id, role] = match as unknown as [string, string, SlackRole];
    const into = id.startsWith("S") ? groups : users;
    // Named twice: the stronger role wins, so an order of entries never demotes anyone.
    into.set(id, stronger(into.get(id), role));
  }
  return { users, groups };
}

function stronger(a: SlackRole | undefined, b: SlackRole): SlackRole {
  return a === "analyst" || b === "analyst" ? "analyst" : "viewer";
}

/** The user's role, or null when the bot does not serve them. `groupsOf` lists their user groups. */
export async function roleOf(
  map: RoleMap,
  userId: string,
  groupsOf: (userId: string) => Promise<readonly string[]>,
): Promise<SlackRole | null> {
  const direct = map.users.get(userId);
  if (direct) return direct;
  if (map.groups.size === 0) return null;
  let found: SlackRole | undefined;
  for (const group of await groupsOf(userId)) {
    const role = map.groups.get(group);
    if (role) found = stronger(found, role);
  }
  return found ?? null;
}

export function permits(role: SlackRole | null, action: SlackAction): boolean {
  if (role === null) return false;
  return action === "ask" || role === "analyst";
}
