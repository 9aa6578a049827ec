// Noise about the marketplace itself: fees, seller verification, courier trouble,
// sales figures, delivery services. Written like trade news.
import type { NoiseTopic } from "./noise-topic.js";

export const MARKET_TOPICS: readonly NoiseTopic[] = [
  {
    sources: ["news"],
    titles: [
      "Marketplace to raise seller fees for {category} in {month}",
      "Seller fees go up by {pct}% from {month}, marketplace confirms",
    ],
    sentences: [
      "The marketplace will raise its commission on {category} from {month}, according to a notice sent to sellers this week.",
      "The company said the increase would pay for faster dispute handling and better seller support.",
      "Seller associations in {country} criticised the timing, arguing that many small shops already work on thin margins.",
      "Shops selling {category} will see the change first; other categories follow later in the year.",
      "Some sellers say they will pass the cost on to buyers, others plan to move part of their stock to their own web shops.",
      "Analysts expect little effect on prices in the short run, since most competitors charge similar fees.",
      "The notice also announced a new fee for listings that stay unsold for more than six months.",
      "Buyers should not see a change at checkout, the marketplace said.",
    ],
  },
  {
    sources: ["news"],
    titles: [
      "New identity checks for sellers come into force in {country}",
      "Marketplace tightens seller verification ahead of peak season",
    ],
    sentences: [
      "From {month}, new sellers in {country} must verify their identity and a bank account before their first listing goes live.",
      "The rules follow a wider push to make online marketplaces know who they are selling for.",
      "Existing sellers have {num} days to upload their documents, or their payouts will be paused.",
      "Small sellers welcomed the clarity but complained about the paperwork.",
      "The marketplace said verification usually takes less than two working days.",
      "Consumer groups say the checks make it easier to hold sellers to account when something goes wrong.",
      "Sellers who trade as a company will also need to provide a registration number.",
    ],
  },
  {
    sources: ["news"],
    titles: [
      "Courier strike in {country} delays parcels for a second week",
      "Parcel delays expected as carriers struggle with record volumes",
    ],
    sentences: [
      "Parcels across {country} are arriving days late as a strike at one of the largest couriers enters its second week.",
      "Sorting centres around {city} are said to be the worst affected.",
      "The marketplace has extended its delivery guarantee by {num} days for affected orders.",
      "Sellers are advised to switch carriers where they can and to tell buyers about delays up front.",
      "Unions and management are due to meet again on {weekday}.",
      "Buyers waiting on time-sensitive orders can ask the seller to cancel if the parcel has not been shipped yet.",
      "Smaller carriers say they have taken on extra staff to handle the overflow.",
    ],
  },
  {
    sources: ["news", "blog"],
    titles: [
      "Holiday sales up {pct}% on last year, marketplace says",
      "Shoppers in {country} spent more on {category} this season",
    ],
    sentences: [
      "Online sales on the marketplace rose {pct} percent year on year during the holiday season, according to figures released on {weekday}.",
      "Sales of {category} grew fastest, followed by gift cards and home goods.",
      "Average order values fell slightly, suggesting shoppers bought more but cheaper items.",
      "Mobile now accounts for nearly three quarters of all orders.",
      "Returns are expected to peak in the second week of January, as they do every year.",
      "Buyers in {city} placed more orders per head than in any other city in {country}.",
      "The figures do not include cancelled or refunded orders.",
    ],
  },
  {
    sources: ["news"],
    titles: [
      "Marketplace expands same-day delivery to {city}",
      "Same-day delivery comes to {city}, but only for some sellers",
    ],
    sentences: [
      "Shoppers in {city} can now get orders placed before noon delivered the same evening, the marketplace announced.",
      "The service covers sellers who keep their stock in the marketplace's own warehouses.",
      "Independent sellers who ship from home are not included, which some say puts them at a disadvantage.",
      "The marketplace plans to add further cities in {country} next year.",
      "Delivery is free above a minimum order value and costs a small fee below it.",
      "Couriers working on the service are employed through local partners.",
    ],
  },
];
