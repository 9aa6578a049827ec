// Noise about money and parcels: chargebacks, refunds, pay-later, payouts, packaging,
// customs and tracking. Written like explainers on blogs and news sites.
import type { NoiseTopic } from "./noise-topic.js";

export const MONEY_TOPICS: readonly NoiseTopic[] = [
  {
    sources: ["blog", "news"],
    titles: [
      "Chargebacks explained: what happens after you dispute a payment",
      "What sellers should know about chargebacks",
      "Why a chargeback is not the same as a refund",
    ],
    sentences: [
      "A chargeback happens when a buyer asks their bank or card issuer to reverse a payment, rather than asking the seller for a refund.",
      "The bank takes the money back from the seller's payment provider and asks the seller for evidence.",
      "Sellers usually have between seven and twenty days to respond with proof of delivery, messages or photos.",
      "If the evidence is convincing, the money goes back to the seller; if not, the buyer keeps it.",
      "Each chargeback also costs the seller a fee, win or lose.",
      "Too many chargebacks can lead a payment provider to hold back part of a seller's payouts.",
      "For buyers, a chargeback is a last resort: it is slower than asking the seller or the marketplace first.",
      "Reason codes tell the seller why the payment was disputed, such as goods not received or not as described.",
    ],
  },
  {
    sources: ["blog"],
    titles: [
      "Why your refund takes five to ten days",
      "Refund approved but no money yet? Here is why",
    ],
    sentences: [
      "When a seller approves a refund, the money does not arrive instantly.",
      "Card refunds travel back through the same chain of banks the payment came through, and each step takes time.",
      "Most refunds appear within five working days, but some banks take up to ten.",
      "Refunds to a marketplace wallet are usually instant.",
      "If the refund is not there after two weeks, the reference number on the refund confirmation helps your bank trace it.",
      "Refunds in another currency may arrive as a slightly different amount because of exchange rates.",
    ],
  },
  {
    sources: ["blog", "news"],
    titles: [
      "Buy now, pay later: what sellers should know",
      "Pay-later checkouts are spreading. Should buyers worry?",
    ],
    sentences: [
      "Pay-later options let buyers split the cost of an order into instalments, often without interest.",
      "For sellers, the provider pays the full amount up front and takes on the risk of late payment.",
      "Consumer groups warn that it is easy to lose track of several small instalments.",
      "Regulators in {country} are preparing rules that would require affordability checks.",
      "Missed payments can lead to fees and, with some providers, a mark on your credit file.",
      "Returns still work as normal, but the instalment plan is only adjusted once the refund has gone through.",
    ],
  },
  {
    sources: ["blog"],
    titles: [
      "How seller payouts work, and why they are sometimes held",
      "Payout schedules explained for new sellers",
    ],
    sentences: [
      "New sellers are usually paid out weekly, after a short holding period on each order.",
      "The holding period gives buyers time to report problems before the money leaves the platform.",
      "Sellers with a good track record can move to daily payouts.",
      "Changing the bank account for payouts triggers extra checks, which can delay the next payment by a few days.",
      "Payouts in a currency other than the sale currency are converted at the day's rate, minus a small fee.",
      "If a payout is held, the seller dashboard shows the reason and what is needed to release it.",
    ],
  },
  {
    sources: ["blog"],
    titles: [
      "How to package fragile items so they survive the post",
      "Packaging tips for small sellers",
      "Stop paying to ship air: better boxes for your {category}",
    ],
    sentences: [
      "Use a box slightly larger than the item and fill the gaps so nothing moves when you shake it.",
      "Double-wall boxes cost a little more but survive sorting machines far better.",
      "Paper padding works as well as bubble wrap for most items and is easier for buyers to recycle.",
      "If you sell the {noun} or anything like it, wrap each piece separately before it goes into the box.",
      "Seal every seam with tape, not only the top flap.",
      "Parcels that are too large for their contents are often charged at a higher volumetric rate.",
      "Put a copy of the address inside the parcel in case the label comes off.",
    ],
  },
  {
    sources: ["blog", "news"],
    titles: [
      "Customs fees explained for buyers in {country}",
      "Ordering from abroad? What to expect at customs",
    ],
    sentences: [
      "VAT is now charged on almost every parcel that comes into {country} from abroad, however small.",
      "Many marketplaces collect that VAT at checkout, so nothing more is due on delivery.",
      "If the seller did not collect it, the courier will ask you to pay the tax plus a handling fee before handing the parcel over.",
      "Duties on top of VAT only apply above a higher threshold, and vary by product.",
      "The listing should say where an item ships from; if it does not, ask before you buy.",
      "Refusing a parcel to avoid fees usually means a slow refund, if any.",
      "Gifts between private people have their own, more generous allowance.",
    ],
  },
  {
    sources: ["blog"],
    titles: [
      "What 'label created' on your tracking page really means",
      "Your tracking has not updated in days. Should you worry?",
    ],
    sentences: [
      "'Label created' means the seller has bought postage, not that the parcel has left.",
      "Most parcels get their first scan when the courier collects them or when they are dropped at a depot.",
      "International parcels can go quiet for a week or more between leaving one country and arriving in the next.",
      "If nothing has changed after ten days, message the seller before opening a case; most delays have a simple explanation.",
      "A parcel marked delivered that you did not receive should be reported within a couple of days.",
      "Tracking numbers from smaller carriers sometimes only work on the carrier's own site.",
    ],
  },
];
