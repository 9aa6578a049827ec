// The Override modal: the decision that stands instead and why, both required. The
// case, the verdict hash the message showed and where the message is ride along in
// private_metadata, so the review stays bound to what the analyst saw. Parsing the
// submission is pure; a problem comes back as Slack's per-block errors.
import type { types } from "@slack/bolt";
import { z } from "zod";
import { Decision } from "../../../domain/verdict.js";
import type { ReviewTarget } from "./verdict.js";

export const OVERRIDE_CALLBACK = "casehound_override_modal";
const DECISION_BLOCK = "decision";
const REASON_BLOCK = "reason";

export interface OverrideContext extends ReviewTarget {
  /** Where the verdict message is, to update it after the review. */
  channel: string;
  ts: string;
}

const Metadata = z.object({
  c: z.string().min(1),
  h: z.string().regex(/^[0-9a-f]{64}$/),
  ch: z.string(),
  ts: z.string(),
});

export function overrideModal(
  at: OverrideContext,
  current: { decision: string; subject: string },
): types.ModalView {
  const options = Decision.options
    .filter((d) => d !== current.decision)
    .map((d) => ({ text: { type: "plain_text" as const, text: d.replace(/_/g, " ") }, value: d }));
  return {
    type: "modal",
    callback_id: OVERRIDE_CALLBACK,
    private_metadata: JSON.stringify({
      c: at.caseId,
      h: at.verdictHash,
      ch: at.channel,
      ts: at.ts,
    }),
    title: { type: "plain_text", text: "Override verdict" },
    submit: { type: "plain_text", text: "Override" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          verbatim: true,
          text: `The verdict on ${current.subject.replace(/[<>&*_~`]/g, "")} says *${current.decision}*. Name the decision that stands instead and why.`,
        },
      },
      {
        type: "input",
        block_id: DECISION_BLOCK,
        label: { type: "plain_text", text: "Decision" },
        element: { type: "static_select", action_id: "value", options },
      },
      {
        type: "input",
        block_id: REASON_BLOCK,
        label: { type: "plain_text", text: "Reason" },
        element: {
          type: "plain_text_input",
          action_id: "value",
          multiline: true,
          max_length: 4000,
        },
      },
    ],
  };
}

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value?: string } | null }>
>;

export type OverrideSubmission =
  | { ok: true; at: OverrideContext; decision: Decision; reason: string }
  | { ok: false; errors: Record<string, string> };

/** Reads a submitted Override modal; missing or invalid fields come back as block errors. */
export function parseOverride(view: {
  private_metadata?: string;
  state?: { values?: unknown };
}): OverrideSubmission {
  const values = (view.state?.values ?? {}) as StateValues;
  const errors: Record<string, string> = {};
  const decision = Decision.safeParse(values[DECISION_BLOCK]?.value?.selected_option?.value);
  if (!decision.success) errors[DECISION_BLOCK] = "Choose the decision that stands instead.";
  const reason = (values[REASON_BLOCK]?.value?.value ?? "").trim();
  if (reason === "") errors[REASON_BLOCK] = "Say why the verdict is overridden.";
  else if (reason.includes("\u0000"))
    errors[REASON_BLOCK] = "The reason may not contain NUL characters.";
  let meta: z.infer<typeof Metadata> | undefined;
  try {
    meta = Metadata.parse(JSON.parse(view.private_metadata ?? ""));
  } catch {
    errors[DECISION_BLOCK] =
      "This form lost track of its verdict; open Override again from the message.";
  }
  if (Object.keys(errors).length || !meta || !decision.success) return { ok: false, errors };
  return {
    ok: true,
    at: { caseId: meta.c, verdictHash: meta.h, channel: meta.ch, ts: meta.ts },
    decision: decision.data,
    reason,
  };
}
