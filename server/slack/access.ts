// The role of a Slack user, for the handlers: a user named in CASEHOUND_SLACK_ROLES
// directly, else through a user group (usergroups.users.list, read at most once a
// few minutes per group — membership changes are rare, requests are many).
import type { webApi } from "@slack/bolt";
import { permits, type RoleMap, roleOf, type SlackAction, type SlackRole } from "./roles.js";

const GROUP_TTL_MS = 5 * 60_000;

export interface Access {
  role(userId: string): Promise<SlackRole | null>;
  may(userId: string, action: SlackAction): Promise<boolean>;
}

export function createAccess(
  roles: RoleMap,
  client: webApi.WebClient,
  now: () => Date = () => new Date(),
): Access {
  const cache = new Map<string, { at: number; users: Promise<Set<string>> }>();

  function members(group: string): Promise<Set<string>> {
    const hit = cache.get(group);
    if (hit && now().getTime() - hit.at < GROUP_TTL_MS) return hit.users;
    const users = client.usergroups.users
      .list({ usergroup: group })
      .then((r) => new Set(r.users ?? []))
      .catch((error: unknown) => {
        // Unreadable (revoked scope, deleted group): nobody is in it this time.
        cache.delete(group);
        throw error;
      });
    cache.set(group, { at: now().getTime(), users });
    return users;
  }

  async function groupsOf(userId: string): Promise<string[]> {
    const found: string[] = [];
    for (const group of roles.groups.keys())
      if ((await members(group).catch(() => new Set<string>())).has(userId)) found.push(group);
    return found;
  }

  const role = (userId: string) => roleOf(roles, userId, groupsOf);
  return { role, may: async (userId, action) => permits(await role(userId), action) };
}
