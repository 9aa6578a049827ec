// Noise from buyer and seller forums: the everyday questions (a stuck parcel, a slow
// refund, a first shop, a cleaning tip) that fill a forum around the fraud threads.
import type { NoiseTopic } from "./noise-topic.js";

export const FORUM_TOPICS: readonly NoiseTopic[] = [
  {
    sources: ["forum"],
    titles: [
      "Parcel stuck in {city} sorting centre for {num} days",
      "Parcel not moving since {weekday}",
    ],
    sentences: [
      "My parcel has been sitting in the {city} sorting centre for {num} days with no update.",
      "The seller says it has left their hands and there is nothing more they can do.",
      "It is a birthday present, so I am getting a bit nervous.",
      "Has anyone had a parcel stuck there recently?",
    ],
    replies: [
      "Same here, mine took eleven days and then turned up without any new scan.",
      "The courier is short of staff at the moment, there was a piece about it in the news.",
      "Wait until the delivery estimate has passed, then open a case. The marketplace refunded me within a day.",
      "Phone the courier rather than using the chat, you get a real answer faster.",
      "Mine moved again after a week. Fingers crossed for you.",
    ],
  },
  {
    sources: ["forum"],
    titles: [
      "Tips for a first-time seller?",
      "Opening my first shop ({category}) - advice welcome",
    ],
    sentences: [
      "I am about to open my first shop selling {category} and would love some advice.",
      "I have about thirty items ready and no idea how to price shipping.",
      "What do you wish you had known when you started?",
    ],
    replies: [
      "Take good photos in daylight. It matters more than anything else.",
      "Answer messages fast, buyers notice.",
      "Weigh every item packed, not unpacked, before you set shipping prices.",
      "Competing on price alone is a race to the bottom; the cheapest shops get the most difficult buyers.",
      "Keep proof of postage for everything. You will need it one day.",
    ],
  },
  {
    sources: ["forum"],
    titles: [
      "How long do refunds take in {country}?",
      "Returned an item, still waiting for the refund",
    ],
    sentences: [
      "I returned an item to a seller in {country} two weeks ago and there is still no refund.",
      "Tracking says it was delivered back to them on {weekday}.",
      "How long is normal before I open a case?",
    ],
    replies: [
      "Sellers usually have a few days after receiving the return to inspect it.",
      "Give it three more working days, then open a case with the tracking number.",
      "Card refunds can take another week to show up after the seller approves them.",
      "Mine took nine days in total. Annoying but normal.",
    ],
  },
  {
    sources: ["forum"],
    titles: ["Best way to clean the {noun}?", "Cleaning the {adj} {noun} without ruining it"],
    sentences: [
      "What is the best way to clean the {noun} without ruining it?",
      "The label has washed off and I cannot remember what the seller recommended.",
    ],
    replies: [
      "Mild soap and lukewarm water, then let it dry on its own.",
      "Test any cleaner on a hidden spot first.",
      "I ruined mine in the dishwasher, so learn from me.",
      "Look at the product page again, the care instructions are usually in the description.",
      "A soft brush gets into the corners better than a cloth.",
    ],
  },
];
