// The words around a report that belong to the kind of page rather than to the fraud:
// how a forum post opens, how a news piece attributes a quote, what a scam-report form
// asks, how a blogger signs off. Placeholders as in typologies/text.ts, plus {person},
// {keyword}, {label}, {score}, {count}.

export const MANY = {
  blatant: ["hundreds of", "more than two hundred", "well over a hundred", "roughly three hundred"],
  subtle: ["a few dozen", "around thirty", "twenty-odd", "several dozen"],
} as const;

export const SPAN = {
  blatant: [
    "in under a week",
    "over a single weekend",
    "within a few days",
    "in the space of four days",
  ],
  subtle: [
    "over a couple of weeks",
    "across roughly a month",
    "over the past few weeks",
    "in the last fortnight",
  ],
} as const;

/** Lead-ins to a quote. */
export const ATTRIBUTIONS = [
  "{person}, who lives in {city}, put it this way:",
  "One reader, who asked not to be named, told us:",
  "{person} from {city}, who has followed the shop for months, said:",
  "{person} got in touch after our first report:",
  "As one reader wrote to us:",
];

export const NEWS_CLOSERS = [
  "The shop did not respond to a request for comment.",
  "The marketplace said it was looking into the reports.",
  "Neither the shop nor the marketplace answered questions sent by e-mail.",
  "A spokesperson for the marketplace said it takes reports of this kind seriously.",
];

export const HEDGES = [
  "None of this proves wrongdoing, and the pattern is far less pronounced than in earlier cases.",
  "The signs are easy to miss, and several regular customers say they had no problems.",
  "It is not yet clear how widespread the problem is.",
];

export const FORUM_TITLES = [
  "Anyone else had trouble with {shop}?",
  "Warning: {shop} - {keyword}",
  "{shop}: {keyword}?",
  "PSA about {shop}: {keyword}",
  "Is {shop} legit? Seeing signs of {keyword}",
];

export const FORUM_OPENERS = [
  "Posting this so nobody else falls for it.",
  "Long-time lurker, first post.",
  "Not sure this is the right board, but here goes.",
  "Has anyone else dealt with {shop} lately?",
  "Sorry for the long post.",
];

export const FORUM_NOTICED = [
  "What I noticed:",
  "Some details:",
  "Here is what I found:",
  "For context:",
];

export const SCAM_TITLES = [
  "Scam report: {shop}",
  "{shop} - {label}",
  "Report: {shop} ({category})",
  "Complaint filed against {shop}",
];

export const SCAM_STATUSES = [
  "Status: reported to the marketplace, no reply yet.",
  "Status: {count} other visitors have confirmed this report.",
  "Status: under review by our volunteers.",
  "Status: open. The shop has not replied to the complaint.",
];

export const BLOG_TITLES = [
  "What I found when I looked into {shop}",
  "Notes on {shop}: {keyword}",
  "A closer look at {shop}",
  "The numbers behind {shop}",
];

export const BLOG_OPENERS = [
  "I spend my evenings looking at how online marketplaces get gamed, and readers send me tips.",
  "This one came in through the tip form, and it checked out.",
  "I buy {category} online a lot, so this one caught my eye.",
  "A quick write-up, because the same question keeps landing in my inbox.",
];

export const BLOG_CLOSERS = [
  "If you have dealt with this shop, my inbox is open.",
  "As always: check the reviews by date, not by stars.",
  "I will update this post if the marketplace responds.",
];

export const REVIEW_TITLES = [
  "{shop} reviews: {score} out of 5",
  "{shop} - read customer reviews before you buy",
  "Is {shop} legit? {count} customer reviews",
];

export const REVIEW_SUMMARIES = [
  "{shop} has a rating of {score} out of 5 from {count} reviews on this site.",
  "Visitors rate {shop} {score} out of 5, based on {count} reviews.",
];

export const REVIEW_FOOTERS = [
  "Reviews on this page are written by visitors and reflect their own experience.",
  "Are you the owner of this business? You can reply to reviews after verifying your shop.",
];
