// Sentences any noise page of a kind can carry, whatever its topic: the background a
// news piece gives, the asides of an advice column, the replies every thread collects.
// They keep two pages on one topic from reading alike. Placeholders as in noise-topic.ts.

export const NEWS_CONTEXT = [
  "The marketplace hosts tens of thousands of independent sellers across Europe.",
  "Online retail now makes up about a fifth of all retail spending in {country}, according to industry figures.",
  "A spokesperson declined to give further details.",
  "Trade groups have asked for a longer notice period for changes of this kind.",
  "The news comes weeks before the busiest shopping period of the year.",
  "Smaller platforms are expected to follow with similar measures.",
  "Seller forums filled with questions within hours of the announcement.",
  "The company reported higher revenue in its last quarterly results, driven mainly by advertising.",
  "Consumer organisations in {country} said they would watch the effects closely.",
  "Analysts at a research firm in {city} called the move overdue.",
  "The marketplace said it had consulted a panel of sellers before deciding.",
  "Details have been published in the seller help centre.",
];

export const ADVICE_CONTEXT = [
  "It sounds complicated, but in practice it rarely causes problems.",
  "Most of this applies to other marketplaces too, with small differences.",
  "If something goes wrong, keep screenshots; they make every conversation with support shorter.",
  "A reader from {city} asked about this last week, so here is the short version.",
  "The help pages explain the rules in more detail, but they are not easy to find.",
  "I have been buying and selling online for over ten years, and this still trips me up sometimes.",
  "Rules differ a little between countries, so check the local details for {country}.",
  "Bookmark this page; I update it when the rules change.",
  "None of this is legal advice, just what has worked for me and my readers.",
  "The short version: be patient, keep records, and ask before you assume the worst.",
  "Support teams answer faster when you include the order number in the first message.",
];

export const FORUM_CONTEXT = [
  "Following, I have the same question.",
  "Thanks everyone, this is really helpful.",
  "Update: it worked out in the end. Thanks for the advice, all of you.",
  "Bumping this in case someone else knows more.",
  "There is a pinned thread about this in the help section, worth a read.",
  "Happened to me in {city} too, a couple of months ago.",
  "Good luck, let us know how it goes.",
  "I asked support the same thing and got a copy-paste answer, so this thread is more useful.",
  "Same experience here in {country}.",
];
