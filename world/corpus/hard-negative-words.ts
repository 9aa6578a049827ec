// What the web says about the hard negatives: the viral seller's good press, and the
// review-bombed seller's own plea for help. Both name the shop; neither accuses it.
// Placeholders: {shop} {country} {city} {category} {a_category} {noun} {person}.

export const VIRAL_TITLES = [
  "How the {noun} from {shop} went viral overnight",
  "{shop} sells out after social media video",
  "Small {category} shop {shop} rides a viral wave",
  "From forty orders a week to thousands: the viral moment of {shop}",
];

export const VIRAL_LEADS = [
  "A short video featuring the {noun} from {shop}, {a_category} seller in {city}, went viral on social media last week and has been watched millions of times.",
  "{shop} is having the kind of week small sellers dream of: a creator's clip of its {noun} went viral on social media, and orders have poured in from across {country}.",
  "Until recently {shop} was one of thousands of small {category} shops on the marketplace. Then a video of its {noun} went viral on social media.",
];

export const VIRAL_DETAILS = [
  "The orders came from shoppers all over {country} and beyond, most of them with years of buying history on the marketplace.",
  "The owner says the team has been packing parcels until midnight and has taken on two temporary helpers.",
  "Some buyers complained about delays after the shop ran out of stock twice, but most reviews are warm and specific.",
  "The reviews read like real people: some love the product, some mention a scuffed box or a late delivery.",
  "The jump in sales set off the marketplace's automated checks, the owner says, but the buyers turned out to be long-standing customers paying with their own cards.",
  "Restocks sold out within hours, and the shop has started a waiting list.",
  "The creator behind the video says she was not paid for it and bought the item herself.",
];

export const VIRAL_QUOTES = [
  '"We went from a few dozen orders a week to more than we could count. We are exhausted and very happy," the owner said.',
  '"I saw the video at breakfast and ordered before lunch. It arrived four days later and it is lovely," said {person}, from {city}.',
  '"Honestly, it is as good as the video makes it look," one buyer wrote in a review.',
  '"My sister sent me the clip, and now half my family has one," said {person}.',
];

export const VIRAL_CLOSERS = [
  "Whether the boom lasts is another question; viral products often fade as quickly as they rise.",
  "The shop says it will keep its prices unchanged despite the demand.",
  "Other small sellers of {category} are watching closely.",
];

export const BOMBED_TITLES = [
  "Our shop {shop} is being hit by a one-star review attack",
  "Coordinated fake one-star reviews on {shop} - what can we do?",
  "Help: dozens of one-star reviews from accounts that never bought from {shop}",
  "Review bombing against {shop}, need advice",
];

export const BOMBED_OPENERS = [
  "I run {shop}, a small {category} shop in {city}, and for the last week we have been getting one-star reviews from accounts that have never ordered anything from us.",
  "Owner of {shop} here. Since last week someone has been flooding our page with one-star reviews calling us scammers.",
  "We have been selling {category} as {shop} for years with a good rating, and in the last few days about forty one-star reviews appeared out of nowhere.",
];

export const BOMBED_DETAILS = [
  "The accounts were all created in the last few days, several of them use exactly the same sentences, and none of them has an order with us.",
  "The reviews call us a scam and say we sell fakes, but not one of them mentions a product or an order.",
  "Our regular customers have started answering the reviews to defend us, which is kind, but it does not make them go away.",
  "We have reported every one of them to the marketplace, with our order history showing they never bought anything.",
  "Sales have dropped by half since the reviews appeared.",
  "We suspect a competitor, because it started the day after we lowered our price on the {noun}.",
];

export const BOMBED_QUESTIONS = [
  "Has anyone been through this? How long did it take the marketplace to remove the reviews?",
  "Is there anything else we can do besides reporting them one by one?",
  "Any advice from sellers who have had this happen would be much appreciated.",
];

export const BOMBED_REPLIES = [
  "Same thing happened to us last year. Keep the evidence; the marketplace removed most of them after about two weeks.",
  "I have bought from {shop} several times and never had a problem. Those reviews are obviously fake.",
  "Classic review bombing: brand-new accounts, identical wording, no purchases. Report them as a group, not one at a time.",
  "Post a short statement on your shop page so real customers know what is going on.",
  "Ask the marketplace support team to check the review accounts' registration dates. That is usually what convinces them.",
];
