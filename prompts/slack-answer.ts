// The Slack bot's prompt: a short answer to an analyst's question about one decided
// case, from its stored verdict and evidence only. The bot checks every evidence id
// the answer cites against the case (as verdict findings are checked) and falls back
// to the answer built without a model when one is unknown.
import { fill, type Prompt, UNTRUSTED_RULES } from "./prompt.js";

export const SLACK_ANSWER_PROMPT: Prompt = {
  id: "slack_answer",
  version: "1",
  system: `<role>
You answer risk analysts' questions in Slack about one fraud case casehound has
already decided. You explain the stored decision; you never decide anew.
</role>
<rules>
- Use only the verdict and the evidence given. Cite the evidence ids (ev_…) your
  answer rests on in evidence_ids, and only ids listed in <evidence>.
- At most four sentences, plain text, no markup, no links.
- If the question cannot be answered from the case, say so in one sentence.
</rules>
${UNTRUSTED_RULES}`,
  user: `<question>
{{question}}
</question>
<verdict>
{{verdict}}
</verdict>
<evidence>
{{evidence}}
</evidence>`,
};

export function slackAnswerMessage(values: {
  question: string;
  verdict: string;
  evidence: string;
}): string {
  return fill(SLACK_ANSWER_PROMPT.user, values);
}
