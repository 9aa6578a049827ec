// The indicator catalogue: every indicator casehound reads, by topic.
import type { IndicatorDefinition } from "../definition.js";
import { ACCOUNT_TAKEOVER_INDICATORS } from "./account-takeover.js";
import { BRUSHING_INDICATORS } from "./brushing.js";
import { CLICK_FARM_INDICATORS } from "./click-farm.js";
import { COLLUSION_INDICATORS } from "./collusion.js";
import { CONTEXT_INDICATORS } from "./context.js";
import { INCENTIVE_ABUSE_INDICATORS } from "./incentive-abuse.js";

export const INDICATORS: readonly IndicatorDefinition[] = [
  ...CONTEXT_INDICATORS,
  ...BRUSHING_INDICATORS,
  ...COLLUSION_INDICATORS,
  ...ACCOUNT_TAKEOVER_INDICATORS,
  ...INCENTIVE_ABUSE_INDICATORS,
  ...CLICK_FARM_INDICATORS,
];

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}
