// The indicator catalogue: every indicator casehound reads, the context ones and
// each typology's own.
import { TYPOLOGIES, type Typology } from "../../../domain/typology.js";
import type { IndicatorDefinition } from "../definition.js";
import { ACCOUNT_TAKEOVER_INDICATORS } from "./account-takeover.js";
import { BRUSHING_INDICATORS } from "./brushing.js";
import { CLICK_FARM_INDICATORS } from "./click-farm.js";
import { COLLUSION_INDICATORS } from "./collusion.js";
import { CONTEXT_INDICATORS } from "./context.js";
import { INCENTIVE_ABUSE_INDICATORS } from "./incentive-abuse.js";

/** Each typology's own indicators: a Record, so a new typology cannot be left without them. */
export const INDICATORS_BY_TYPOLOGY: Record<Typology, readonly IndicatorDefinition[]> = {
  brushing: BRUSHING_INDICATORS,
  collusion: COLLUSION_INDICATORS,
  account_takeover: ACCOUNT_TAKEOVER_INDICATORS,
  incentive_abuse: INCENTIVE_ABUSE_INDICATORS,
  click_farm: CLICK_FARM_INDICATORS,
};

export const INDICATORS: readonly IndicatorDefinition[] = [
  ...CONTEXT_INDICATORS,
  ...TYPOLOGIES.flatMap((typology) => INDICATORS_BY_TYPOLOGY[typology]),
];

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}
