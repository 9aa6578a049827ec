// The words and numbers the demo marketplace is made of: categories and their
// price ranges, countries, cities, e-mail domains, device families. Plain data.

export interface Category {
  name: string;
  /** Median price in cents and the spread (log-normal sigma) of listings. */
  medianPriceCents: number;
  priceSigma: number;
  nouns: readonly string[];
  adjectives: readonly string[];
}

export const CATEGORIES: readonly Category[] = [
  {
    name: "electronics",
    medianPriceCents: 8900,
    priceSigma: 0.9,
    nouns: [
      "wireless earbuds",
      "bluetooth speaker",
      "smartwatch",
      "action camera",
      "e-reader",
      "gaming headset",
      "portable SSD",
      "drone",
    ],
    adjectives: ["compact", "pro", "noise-cancelling", "waterproof", "4K", "ultra-slim"],
  },
  {
    name: "phone_accessories",
    medianPriceCents: 1299,
    priceSigma: 0.6,
    nouns: [
      "phone case",
      "USB-C cable",
      "screen protector",
      "car mount",
      "charging pad",
      "power bank",
      "lens kit",
    ],
    adjectives: ["shockproof", "braided", "magnetic", "tempered", "fast-charge", "slim"],
  },
  {
    name: "fashion",
    medianPriceCents: 3499,
    priceSigma: 0.7,
    nouns: [
      "linen shirt",
      "denim jacket",
      "wool scarf",
      "leather belt",
      "sneakers",
      "summer dress",
      "rain coat",
    ],
    adjectives: ["organic", "vintage", "relaxed-fit", "handmade", "classic", "waterproof"],
  },
  {
    name: "beauty",
    medianPriceCents: 1899,
    priceSigma: 0.6,
    nouns: [
      "face serum",
      "lip balm set",
      "hair oil",
      "sheet masks",
      "perfume sample set",
      "nail kit",
    ],
    adjectives: ["vegan", "hydrating", "travel-size", "unscented", "vitamin C", "herbal"],
  },
  {
    name: "home_garden",
    medianPriceCents: 2999,
    priceSigma: 0.8,
    nouns: [
      "ceramic planter",
      "LED desk lamp",
      "cotton throw",
      "herb seed kit",
      "knife set",
      "storage baskets",
      "garden hose",
    ],
    adjectives: ["scandinavian", "handwoven", "solar", "stainless", "rustic", "modular"],
  },
  {
    name: "toys_games",
    medianPriceCents: 2499,
    priceSigma: 0.7,
    nouns: [
      "building blocks",
      "board game",
      "puzzle 1000 pcs",
      "plush bear",
      "RC car",
      "card game",
    ],
    adjectives: ["educational", "wooden", "family", "glow-in-the-dark", "classic", "STEM"],
  },
  {
    name: "sports_outdoors",
    medianPriceCents: 3999,
    priceSigma: 0.8,
    nouns: [
      "yoga mat",
      "trekking poles",
      "water bottle",
      "camping lantern",
      "resistance bands",
      "cycling gloves",
    ],
    adjectives: ["insulated", "lightweight", "non-slip", "foldable", "recycled", "pro"],
  },
  {
    name: "books_media",
    medianPriceCents: 1599,
    priceSigma: 0.5,
    nouns: [
      "paperback novel",
      "cookbook",
      "vinyl record",
      "travel guide",
      "comic volume",
      "notebook set",
    ],
    adjectives: ["signed", "illustrated", "second-hand", "collector's", "annotated", "new"],
  },
  {
    name: "gift_cards",
    medianPriceCents: 5000,
    priceSigma: 0.6,
    nouns: ["gift card", "store voucher", "game credit", "streaming voucher"],
    adjectives: ["digital", "instant", "prepaid", "international"],
  },
  {
    name: "jewelry_watches",
    medianPriceCents: 7900,
    priceSigma: 1.0,
    nouns: ["silver ring", "chronograph watch", "pearl earrings", "gold chain", "charm bracelet"],
    adjectives: ["sterling", "automatic", "handcrafted", "minimalist", "vintage"],
  },
];

/** Weights of each category among sellers. */
export const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ["electronics", 10],
  ["phone_accessories", 12],
  ["fashion", 20],
  ["beauty", 12],
  ["home_garden", 14],
  ["toys_games", 8],
  ["sports_outdoors", 9],
  ["books_media", 8],
  ["gift_cards", 2],
  ["jewelry_watches", 5],
];

export interface Country {
  code: string;
  sellerWeight: number;
  buyerWeight: number;
  /** First octets of the IPv4 ranges handed out in this country. */
  ipOctets: readonly number[];
  cities: readonly string[];
}

export const COUNTRIES: readonly Country[] = [
  {
    code: "DE",
    sellerWeight: 24,
    buyerWeight: 30,
    ipOctets: [84, 91, 93],
    cities: ["Berlin", "Hamburg", "Munich", "Cologne", "Leipzig"],
  },
  {
    code: "FR",
    sellerWeight: 15,
    buyerWeight: 18,
    ipOctets: [82, 90, 109],
    cities: ["Paris", "Lyon", "Marseille", "Lille", "Nantes"],
  },
  {
    code: "ES",
    sellerWeight: 10,
    buyerWeight: 12,
    ipOctets: [83, 88],
    cities: ["Madrid", "Barcelona", "Valencia", "Seville"],
  },
  {
    code: "IT",
    sellerWeight: 10,
    buyerWeight: 12,
    ipOctets: [79, 87],
    cities: ["Milan", "Rome", "Turin", "Naples", "Bologna"],
  },
  {
    code: "NL",
    sellerWeight: 7,
    buyerWeight: 8,
    ipOctets: [77, 145],
    cities: ["Amsterdam", "Rotterdam", "Utrecht"],
  },
  {
    code: "PL",
    sellerWeight: 8,
    buyerWeight: 8,
    ipOctets: [78, 89],
    cities: ["Warsaw", "Krakow", "Gdansk", "Wroclaw"],
  },
  {
    code: "GB",
    sellerWeight: 6,
    buyerWeight: 7,
    ipOctets: [81, 86, 92],
    cities: ["London", "Manchester", "Bristol", "Leeds"],
  },
  {
    code: "US",
    sellerWeight: 5,
    buyerWeight: 3,
    ipOctets: [23, 68, 73],
    cities: ["New York", "Austin", "Seattle", "Chicago"],
  },
  {
    code: "CN",
    sellerWeight: 12,
    buyerWeight: 1,
    ipOctets: [58, 112, 183],
    cities: ["Shenzhen", "Guangzhou", "Yiwu", "Hangzhou"],
  },
  {
    code: "TR",
    sellerWeight: 3,
    buyerWeight: 1,
    ipOctets: [85, 176],
    cities: ["Istanbul", "Izmir", "Ankara"],
  },
];

/** Countries the marketplace sees little traffic from: where a takeover tends to come from. */
export const RARE_LOGIN_COUNTRIES: readonly Country[] = [
  { code: "BR", sellerWeight: 0, buyerWeight: 0, ipOctets: [177, 189], cities: ["Sao Paulo"] },
  { code: "VN", sellerWeight: 0, buyerWeight: 0, ipOctets: [113, 171], cities: ["Hanoi"] },
  { code: "ID", sellerWeight: 0, buyerWeight: 0, ipOctets: [36, 114], cities: ["Jakarta"] },
  { code: "UA", sellerWeight: 0, buyerWeight: 0, ipOctets: [46, 178], cities: ["Kyiv"] },
  { code: "MA", sellerWeight: 0, buyerWeight: 0, ipOctets: [41, 105], cities: ["Casablanca"] },
];

export const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ["gmail.com", 40],
  ["outlook.com", 12],
  ["yahoo.com", 8],
  ["gmx.de", 8],
  ["web.de", 6],
  ["orange.fr", 5],
  ["icloud.com", 7],
  ["proton.me", 3],
  ["libero.it", 3],
  ["wp.pl", 3],
  ["hotmail.com", 5],
];

/** Throwaway-mail domains: common among mass-registered accounts, rare otherwise. */
export const DISPOSABLE_EMAIL_DOMAINS: readonly string[] = [
  "quickinbox.top",
  "mailnest.xyz",
  "tempbox.click",
  "inboxly.site",
  "dropmail.icu",
];

export const DEVICE_OS: readonly (readonly [string, number])[] = [
  ["android", 45],
  ["ios", 35],
  ["windows", 12],
  ["macos", 6],
  ["linux", 2],
];

export const PAYMENT_METHODS: readonly (readonly [string, number])[] = [
  ["card", 52],
  ["paypal", 22],
  ["wallet", 14],
  ["bank_transfer", 8],
  ["cash_on_delivery", 4],
];

export const REFUND_REASONS: readonly (readonly [string, number])[] = [
  ["item_not_as_described", 30],
  ["damaged_in_transit", 20],
  ["changed_mind", 25],
  ["wrong_size", 15],
  ["item_not_received", 10],
];

export const CHARGEBACK_CODES: readonly (readonly [string, number])[] = [
  ["10.4_fraud_card_absent", 35],
  ["13.1_not_received", 35],
  ["13.3_not_as_described", 20],
  ["12.6_duplicate", 10],
];

/** Relative order volume by hour of day (UTC): quiet nights, an evening peak. */
export const HOURLY_WEIGHTS: readonly number[] = [
  2, 1.2, 0.8, 0.6, 0.6, 0.9, 1.6, 2.8, 3.8, 4.3, 4.6, 4.9, 5.3, 5.2, 4.9, 4.8, 5.0, 5.6, 6.5, 7.6,
  8.2, 7.6, 5.6, 3.4,
];

export const SHOP_WORDS_A: readonly string[] = [
  "Nordic",
  "Luna",
  "Urban",
  "Golden",
  "Maple",
  "Coral",
  "Silver",
  "Olive",
  "Amber",
  "Cedar",
  "Velvet",
  "Harbor",
  "Sunny",
  "Pixel",
  "Willow",
  "Atlas",
  "Bright",
  "Cobalt",
  "Ivy",
  "Meadow",
  "Stone",
  "Copper",
  "Lotus",
  "Alpine",
];
export const SHOP_WORDS_B: readonly string[] = [
  "Goods",
  "Craft",
  "Corner",
  "Supply",
  "Studio",
  "Market",
  "House",
  "Trading",
  "Works",
  "Boutique",
  "Depot",
  "Collective",
  "Outlet",
  "Store",
  "Bazaar",
  "Emporium",
  "Co.",
  "Lab",
];
