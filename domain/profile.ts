// The subject as the investigation resolved it, and the reasoner's draft decision.
import type { Typology } from "./typology.js";
import type { Counterfactual, Finding, Verdict } from "./verdict.js";

export interface SellerProfile {
  sellerId: string;
  shopName: string;
  category: string;
  country: string;
  registeredAt: string;
  kycStatus: string;
  status: string;
  /** Sources of the flags raised on the seller (they hint at typologies, never decide). */
  flagSources: string[];
  flagReasons: string[];
  priorEnforcement: number;
}

/** A draft decision from the reasoner, before reflection checks it. */
export interface Judgement {
  decision: Verdict["decision"];
  topTypology: Typology | null;
  riskScore: number;
  confidence: number;
  action: Verdict["recommended_action"];
  findings: Finding[];
  counter: Finding[];
  reasoning: string[];
  /** Who drafted it: "offline log-odds" or the model's provider:model. */
  reasoner?: string;
  /** A model's findings that were dropped for citing evidence the case does not hold. */
  rejectedFindings?: string[];
  /** The calibrated score's own decision, when a model drafted this one. */
  calibratedDecision?: Verdict["decision"];
  /** The version of the additive model's weights the scores come from. */
  weightsVersion?: string;
  /**
   * Set when the outlier guard kept a not_fraud score from clearing the seller:
   * the typology whose indicators stand beyond their category's p99, and which.
   */
  outlierGuard?: { typology: Typology; indicators: string[] };
  /** The smallest single-indicator changes that would move the offline decision to a neighbour. */
  counterfactuals?: Counterfactual[];
}
