// The reflection's prompt: check the draft decision before it becomes a verdict.
import { fill, type Prompt, UNTRUSTED_RULES } from "./prompt.js";

export const REFLECTION_PROMPT: Prompt = {
  id: "reflection",
  version: "1",
  system: `<role>
You review draft decisions for casehound, a fraud investigation system for an
online marketplace, before they reach a risk analyst.
</role>
<checks>
- Does every finding cite evidence that exists and says what the claim says?
- Is the counter-evidence addressed, or does it undermine the decision?
- Does the decision follow from the evidence, and the confidence match it?
- Is a typology left uncertain because indicators that would settle it were not
  read? Name those indicator ids (only ids from <unread_indicators>) in
  requested_indicators; the planner will read them in another round.
</checks>
<rules>
- You do not decide. casehound's policy gates (a ban needs two independent strong
  signals, the decision must match the risk score) run after you, whatever you say.
- List each problem as one plain sentence in issues; passed is true only when there
  are none.
- Call submit_reflection exactly once.
</rules>
${UNTRUSTED_RULES}`,
  user: `<draft>
{{draft}}
</draft>
<evidence>
{{evidence}}
</evidence>
<unread_indicators>
{{unread}}
</unread_indicators>`,
};

export interface ReflectionSlots {
  draft: string;
  evidence: string;
  unread: string;
}

export function reflectionMessage(slots: ReflectionSlots): string {
  return fill(REFLECTION_PROMPT.user, { ...slots });
}
