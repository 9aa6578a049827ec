// Noise for shoppers: scam awareness that names no shop, product reviews of generic
// items, and forum threads about parcels, refunds and selling.
import type { NoiseTopic } from "./noise-topic.js";

export const SHOPPER_TOPICS: readonly NoiseTopic[] = [
  {
    sources: ["news", "blog"],
    titles: [
      "Phishing texts pretending to be couriers are back",
      "That 'missed delivery' text is probably a scam",
    ],
    sentences: [
      "Text messages claiming that a parcel could not be delivered, with a link to pay a small fee, are circulating again in {country}.",
      "The link leads to a convincing copy of a courier website that asks for card details.",
      "Real couriers rarely ask for payment by text, and never for a tiny fee to reschedule a delivery.",
      "If in doubt, type the courier's address into the browser yourself instead of following the link.",
      "Police in {city} say hundreds of people have reported the messages this month.",
      "Anyone who entered card details should call their bank straight away and have the card blocked.",
      "The messages often arrive in waves around big shopping days, when many people are expecting parcels.",
    ],
  },
  {
    sources: ["blog", "news"],
    titles: ["Five signs a deal is too good to be true", "How to spot a fake bargain online"],
    sentences: [
      "A price far below every comparable offer is the oldest warning sign there is.",
      "New shops with hundreds of perfect reviews in a few weeks deserve a second look.",
      "Pressure to decide fast - only two left, offer ends in ten minutes - is designed to stop you thinking.",
      "Requests to pay by bank transfer or gift card, or to move the conversation off the marketplace, are red flags.",
      "Check how long the shop has been selling and what it sold before.",
      "Photos copied from the manufacturer's site say little about what you will actually receive.",
      "Reading the one- and two-star reviews first tells you more than the average score.",
    ],
  },
  {
    sources: ["blog", "scam_report"],
    titles: [
      "Why you should never pay outside the marketplace",
      "The 'pay me directly and save the fee' trick",
    ],
    sentences: [
      "Some sellers offer a discount if you pay them directly by bank transfer instead of through the checkout.",
      "Doing so throws away the buyer protection that comes with paying on the platform.",
      "Once a bank transfer has gone through, getting the money back is hard and sometimes impossible.",
      "Marketplaces forbid the practice, and a request like this is worth passing on to their support team.",
      "The same applies to links to outside payment pages sent in chat messages.",
      "Genuine sellers have no reason to avoid the platform's checkout; they are paid either way.",
    ],
  },
  {
    sources: ["blog", "news"],
    titles: [
      "How fake reviews work, and how to read past them",
      "Can you still trust online reviews?",
    ],
    sentences: [
      "Fake reviews come in many forms: paid reviews, reviews swapped between sellers, and reviews written in exchange for free products.",
      "Regulators in several European countries now fine businesses that buy or hide reviews.",
      "Reviews that praise the shipping and say nothing about the product are worth treating with caution.",
      "A sudden cluster of reviews on the same day is a stronger signal than any single review.",
      "Photos taken by buyers are harder to fake than text.",
      "No single sign proves a review is fake; it is the pattern that counts.",
    ],
  },
  {
    sources: ["review_site", "blog"],
    titles: [
      "Review: the {adj} {noun} after three months",
      "The {adj} {noun}, tested: is the cheap one good enough?",
      "We compared five {adj} {noun} options so you don't have to",
    ],
    sentences: [
      "We bought the {adj} {noun} with our own money and used it daily for three months.",
      "Out of the box, it feels sturdier than the price suggests.",
      "The biggest surprise was how well it held up after a few weeks of heavy use.",
      "It is not perfect: the instructions are thin and the packaging is more plastic than it needs to be.",
      "Cheaper versions looked identical in photos but felt noticeably flimsier in the hand.",
      "For most people the mid-priced option is the sensible buy; the premium one adds little.",
      "Delivery took four days from an order placed on a {weekday}.",
      "Verdict: a solid choice if you do not need the extras. Four stars out of five.",
    ],
  },
];
