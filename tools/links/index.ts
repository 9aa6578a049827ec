// Ring-aware grouping of sellers: read the attributes they share, cluster them with
// hubs left out by degree, flag clusters with contradicting decisions, and write the
// context their re-investigation gets.

export { type SellerBuyerBlock, sellerBuyerBlock } from "./block.js";
export { type ClusterOptions, clusterId, clusterSellers } from "./cluster.js";
export { clusterContext, MAX_CONTEXT_CHARS } from "./context.js";
export { readDegreeProfile } from "./degree-profile.js";
export { DEFAULT_HUB_FENCE, hubCut, hubCuts, linkWeight } from "./hubs.js";
export { type InconsistentCluster, inconsistentClusters } from "./inconsistent.js";
export { DEFAULT_MIN_FARM_BUYERS, links, ownsIt } from "./link-rule.js";
export {
  type ExecutedQuery,
  type HistoryItem,
  type Neighbourhood,
  type NeighbourhoodOptions,
  readNeighbourhood,
} from "./neighbourhood.js";
export { addHolding, type HeldAttribute, linkEdges } from "./neighbourhood-edges.js";
export { createDegreeProfileCache } from "./profile-cache.js";
export {
  MAX_SELLERS,
  type ReadSharedAttributesOptions,
  readSharedAttributes,
} from "./read-attributes.js";
export {
  MAX_RELATED_CASES,
  RELATED_CASES_SQL,
  type RelatedCaseRow,
  readRelatedCases,
} from "./related-cases.js";
export { asDegreeProfile, createStoredProfileReader } from "./stored-profile.js";
export * from "./types.js";
