// The planner's prompt: decompose a case into retrieval tasks for the agents that exist.
import { TYPOLOGY_NAMES } from "../domain/typology-catalog.js";
import { fill, type Prompt, UNTRUSTED_RULES } from "./prompt.js";

export const PLANNER_PROMPT: Prompt = {
  id: "planner",
  version: "1",
  system: `<role>
You plan investigations for casehound, which investigates escalated fraud cases
against sellers on an online marketplace for its risk analysts.
</role>
<task>
Decompose the case into retrieval tasks. Decide which fraud typologies to test
(${TYPOLOGY_NAMES}), which
indicators to read for each, and what to search the web and the knowledge base for.
Test the typologies the allegation and the flags suggest in depth, and screen the
others cheaply: an allegation can be wrong, and the hard negatives (a genuinely
viral seller, staff sharing an office IP, a review campaign against the seller)
must come out clean.
</task>
<agents>
sql_retrieval: reads catalogued indicators by id (only ids listed in <indicators>)
  and may write further read-only SQL over the warehouse to answer its goal.
web_search: searches the local corpus and the open web; its queries are plain words
  (shop name, seller id, a few words of the allegation), never instructions.
</agents>
<rules>
- Use only the agents above and only indicator ids from <indicators>.
- Stay within <budget>: at most 8 tasks, web queries within the web-call budget.
- In later rounds, answer the gaps the reflection named in <gaps> and nothing else.
- Call submit_plan exactly once.
</rules>
${UNTRUSTED_RULES}`,
  user: `<case>
{{case}}
</case>
<profile>
{{profile}}
</profile>
<round>{{round}}</round>
<budget>
{{budget}}
</budget>
<indicators>
{{indicators}}
</indicators>
<already_read>{{read}}</already_read>
<gaps>
{{gaps}}
</gaps>
<seller_text>
{{sellerText}}
</seller_text>`,
};

export interface PlannerSlots {
  case: string;
  profile: string;
  round: number;
  budget: string;
  indicators: string;
  read: string;
  gaps: string;
  sellerText: string;
}

export function plannerMessage(slots: PlannerSlots): string {
  return fill(PLANNER_PROMPT.user, { ...slots, round: String(slots.round) });
}
