// Flags and past enforcement. Every planted case and hard negative is flagged, and
// so are ordinary sellers (noise), with the same sources and wording, so a flag
// alone never says which is which.
import type { PlantedCase } from "./plants/index.js";
import type { Rng } from "./rng.js";
import { DAY_MS } from "./sizes.js";
import type { Seller, World, WorldWriter } from "./world.js";

const NOISE_FLAGS = [
  { source: "risk_model:review_integrity", reason: "review velocity anomaly on recent orders" },
  { source: "risk_model:network", reason: "dense buyer-seller overlap" },
  {
    source: "rule:payout_change_new_device",
    reason: "payout account changed after a login from a new device",
  },
  { source: "rule:promo_velocity", reason: "new-user promotion redemptions above expected" },
  { source: "affiliate_monitor", reason: "click volume anomaly" },
  { source: "risk_model:velocity", reason: "order volume far above 30-day baseline" },
  { source: "rule:shared_ip", reason: "several accounts share an IP address with the seller" },
  { source: "buyer_reports", reason: "surge of negative reviews and scam reports" },
  { source: "analyst", reason: "escalated from customer support" },
];

/** Share of ordinary sellers in the escalation queue: as many innocents as planted cases, roughly. */
const NOISE_FLAG_RATE = 0.08;

const PAST_WARNINGS = [
  "late shipments above threshold",
  "listing policy: prohibited claims",
  "counterfeit complaint (unconfirmed)",
  "review policy reminder",
];

export interface FlagOutcome {
  /** Ordinary sellers that were flagged: innocent, but in the queue like the rest. */
  noiseSellers: Seller[];
  /** The flag each of them was escalated with. */
  noiseFlags: Map<Seller, { source: string; reason: string }>;
}

export function writeFlags(
  rng: Rng,
  world: World,
  writer: WorldWriter,
  cases: readonly PlantedCase[],
  claimed: ReadonlySet<Seller>,
): FlagOutcome {
  for (const planted of cases) {
    writer.flag({
      entityType: "seller",
      entityId: planted.seller.id,
      ...planted.flag,
      at: world.asOf - rng.uniform(0.1, 2) * DAY_MS,
    });
    if (planted.plant.typology !== "none" && planted.intensity === "blatant" && rng.chance(0.4)) {
      writer.enforcement({
        entityType: "seller",
        entityId: planted.seller.id,
        action: "warning",
        reason: rng.pick(PAST_WARNINGS),
        at: world.asOf - rng.uniform(90, 300) * DAY_MS,
      });
    }
  }
  const noiseSellers: Seller[] = [];
  const noiseFlags = new Map<Seller, { source: string; reason: string }>();
  for (const seller of world.sellers) {
    if (claimed.has(seller)) continue;
    if (rng.chance(NOISE_FLAG_RATE)) {
      const flag = rng.pick(NOISE_FLAGS);
      writer.flag({
        entityType: "seller",
        entityId: seller.id,
        ...flag,
        score: rng.uniform(0.3, 0.8),
        at: world.asOf - rng.uniform(0.1, 30) * DAY_MS,
      });
      noiseSellers.push(seller);
      noiseFlags.set(seller, flag);
    }
    if (rng.chance(0.025)) {
      writer.enforcement({
        entityType: "seller",
        entityId: seller.id,
        action: rng.chance(0.85) ? "warning" : "restrict",
        reason: rng.pick(PAST_WARNINGS),
        at: world.asOf - rng.uniform(30, 600) * DAY_MS,
      });
    }
  }
  for (const buyer of world.buyers) {
    if (rng.chance(0.004)) {
      writer.flag({
        entityType: "buyer",
        entityId: buyer.id,
        source: rng.pick(["rule:chargeback_ratio", "risk_model:account"]),
        score: rng.uniform(0.3, 0.9),
        reason: "unusual payment activity",
        at: world.asOf - rng.uniform(0.1, 60) * DAY_MS,
      });
    }
  }
  return { noiseSellers, noiseFlags };
}
