// Request bodies as Slack sends them to /slack/events, for tests: a slash command
// (form-encoded), a button press and a modal submission (a form field `payload`
// holding JSON), and an app_mention event (JSON). One workspace, T0TEST; one app.

const TEAM = "T0TEST";
const APP = "A0APP";
const interaction = (payload: Record<string, unknown>) =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

export function slashCommand(c: {
  user: string;
  handle?: string;
  text: string;
  triggerId: string;
  responseUrl: string;
  channel?: string;
}): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: TEAM,
    team_domain: "acme",
    channel_id: c.channel ?? "C0CASES",
    channel_name: "fraud-cases",
    user_id: c.user,
    user_name: c.handle ?? "someone",
    command: "/casehound",
    text: c.text,
    api_app_id: APP,
    response_url: c.responseUrl,
    trigger_id: c.triggerId,
  }).toString();
}

export function buttonPress(b: {
  user: string;
  handle?: string;
  actionId: string;
  value: string;
  ts: string;
  triggerId: string;
  responseUrl: string;
  channel?: string;
}): string {
  const channel = b.channel ?? "C0CASES";
  return interaction({
    type: "block_actions",
    team: { id: TEAM, domain: "acme" },
    user: { id: b.user, username: b.handle ?? "someone", team_id: TEAM },
    api_app_id: APP,
    token: "legacy",
    trigger_id: b.triggerId,
    container: { type: "message", message_ts: b.ts, channel_id: channel },
    channel: { id: channel, name: "fraud-cases" },
    message: { type: "message", ts: b.ts, text: "verdict" },
    response_url: b.responseUrl,
    actions: [
      {
        type: "button",
        action_id: b.actionId,
        block_id: "casehound_review",
        value: b.value,
        action_ts: "1",
      },
    ],
  });
}

/** The Override modal submitted: the view as views.open showed it, with the fields filled. */
export function overrideSubmission(s: {
  user: string;
  handle?: string;
  view: { callback_id: string; private_metadata: string };
  decision: string | null;
  reason: string;
}): string {
  return interaction({
    type: "view_submission",
    team: { id: TEAM, domain: "acme" },
    user: {
      id: s.user,
      name: s.handle ?? "someone",
      username: s.handle ?? "someone",
      team_id: TEAM,
    },
    api_app_id: APP,
    token: "legacy",
    trigger_id: "trig-view",
    view: {
      id: "V0TEST",
      type: "modal",
      callback_id: s.view.callback_id,
      private_metadata: s.view.private_metadata,
      state: {
        values: {
          decision: {
            value: {
              type: "static_select",
              selected_option: s.decision ? { value: s.decision } : null,
            },
          },
          reason: { value: { type: "plain_text_input", value: s.reason } },
        },
      },
    },
  });
}

export function appMention(m: {
  user: string;
  eventId: string;
  text: string;
  ts: string;
  channel?: string;
}): string {
  return JSON.stringify({
    token: "legacy",
    team_id: TEAM,
    api_app_id: APP,
    type: "event_callback",
    event_id: m.eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: "app_mention",
      user: m.user,
      text: m.text,
      ts: m.ts,
      channel: m.channel ?? "C0CASES",
      event_ts: m.ts,
    },
  });
}
