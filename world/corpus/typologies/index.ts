// The vocabulary of each fraud typology, by typology id.
import { accountTakeover } from "./account-takeover.js";
import { brushing } from "./brushing.js";
import { clickFarm } from "./click-farm.js";
import { collusion } from "./collusion.js";
import { incentiveAbuse } from "./incentive-abuse.js";
import type { TypologyText } from "./text.js";

export type { TypologyText } from "./text.js";

export const TYPOLOGY_TEXT: Readonly<Record<string, TypologyText>> = {
  brushing,
  collusion,
  account_takeover: accountTakeover,
  incentive_abuse: incentiveAbuse,
  click_farm: clickFarm,
};

export const TEXT_TYPOLOGIES = Object.keys(TYPOLOGY_TEXT);

export function typologyText(typology: string): TypologyText | undefined {
  return TYPOLOGY_TEXT[typology];
}
