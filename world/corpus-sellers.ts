// What the web corpus generator needs to know of the world's sellers: each one's name,
// country and category, and for planted ones what was planted.
import type { CorpusSeller } from "./corpus/index.js";
import type { PlantedCase } from "./plants/index.js";
import type { Seller } from "./world.js";

export function corpusSellers(
  sellers: readonly Seller[],
  cases: readonly PlantedCase[],
): CorpusSeller[] {
  const planted = new Map<Seller, { c: PlantedCase; role: "primary" | "ring_member" }>();
  for (const c of cases) {
    planted.set(c.seller, { c, role: "primary" });
    for (const member of c.members) planted.set(member, { c, role: "ring_member" });
  }
  return sellers.map((seller) => {
    const p = planted.get(seller);
    return {
      id: seller.id,
      shopName: seller.shopName,
      kind: p ? p.c.kind : "ordinary",
      typology: p ? p.c.plant.typology : "none",
      intensity: p ? p.c.intensity : null,
      country: seller.country.code,
      category: seller.category.name,
      role: p ? p.role : "primary",
    };
  });
}
