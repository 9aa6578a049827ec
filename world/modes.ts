// Which world to generate: the plants (classic, or varied shapes) and the background
// marketplace they are planted in. The default of both is the classic world.

/** Which worlds to generate: the classic one (the default) or varied shapes. */
export const VARIANT_MODES = ["classic", "mixed"] as const;
export type VariantMode = (typeof VARIANT_MODES)[number];

/** The background marketplace: the classic one, or carrier-NAT pools, more households and newcomers. */
export const BACKGROUNDS = ["classic", "realistic"] as const;
export type Background = (typeof BACKGROUNDS)[number];
