// How big each demo world is. `small` is for tests (seconds), `medium` for the
// benchmarks and evaluation, `large` for load tests on server PostgreSQL.

export const WORLD_SIZES = {
  small: {
    sellers: 400,
    buyers: 8_000,
    orders: 60_000,
    plantsPerIntensity: 2,
    visitorDevices: 1_500,
  },
  medium: {
    sellers: 5_000,
    buyers: 100_000,
    orders: 1_000_000,
    plantsPerIntensity: 3,
    visitorDevices: 20_000,
  },
  large: {
    sellers: 20_000,
    buyers: 500_000,
    orders: 5_000_000,
    plantsPerIntensity: 5,
    visitorDevices: 80_000,
  },
} as const;

export type WorldSizeName = keyof typeof WORLD_SIZES;
export type WorldSize = (typeof WORLD_SIZES)[WorldSizeName];

export const WORLD_SIZE_NAMES = Object.keys(WORLD_SIZES) as WorldSizeName[];

/** The instant every demo world is anchored at, so a seed always gives the same rows. */
export const DEFAULT_AS_OF = "2026-11-01T00:00:00.000Z";

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
