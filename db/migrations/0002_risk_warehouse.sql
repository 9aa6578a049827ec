-- The reference risk warehouse (schema `risk`). Table and column names are a
-- contract (DESIGN.md): other tools load data into it and the offline playbooks
-- query it. Foreign keys are deliberately absent: the warehouse is a copy of
-- upstream systems loaded in bulk; referential integrity is checked by tests.

CREATE TABLE risk.sellers (
  seller_id          text PRIMARY KEY,
  shop_name          text NOT NULL,
  registered_at      timestamptz NOT NULL,
  country            text NOT NULL,
  category           text NOT NULL,
  kyc_status         text NOT NULL,
  status             text NOT NULL,
  description        text,
  payout_account_id  text
);
COMMENT ON TABLE risk.sellers IS 'Marketplace sellers (shops).';
COMMENT ON COLUMN risk.sellers.country IS 'ISO 3166-1 alpha-2 country of registration.';
COMMENT ON COLUMN risk.sellers.kyc_status IS 'verified | pending | failed | not_started';
COMMENT ON COLUMN risk.sellers.status IS 'active | restricted | suspended | closed';
COMMENT ON COLUMN risk.sellers.description IS 'Seller-written shop description: untrusted text.';
COMMENT ON COLUMN risk.sellers.payout_account_id IS 'Current payout (bank) account; history in payout_changes.';

CREATE TABLE risk.buyers (
  buyer_id       text PRIMARY KEY,
  registered_at  timestamptz NOT NULL,
  country        text NOT NULL,
  email_domain   text NOT NULL,
  kyc_verified   boolean NOT NULL,
  status         text NOT NULL
);
COMMENT ON COLUMN risk.buyers.status IS 'active | suspended | closed';

CREATE TABLE risk.products (
  product_id   text PRIMARY KEY,
  seller_id    text NOT NULL,
  title        text NOT NULL,
  category     text NOT NULL,
  price_cents  integer NOT NULL CHECK (price_cents >= 0),
  listed_at    timestamptz NOT NULL
);
COMMENT ON COLUMN risk.products.title IS 'Seller-written listing title: untrusted text.';

CREATE TABLE risk.orders (
  order_id             text PRIMARY KEY,
  buyer_id             text NOT NULL,
  seller_id            text NOT NULL,
  product_id           text NOT NULL,
  quantity             integer NOT NULL CHECK (quantity > 0),
  total_cents          bigint NOT NULL CHECK (total_cents >= 0),
  created_at           timestamptz NOT NULL,
  status               text NOT NULL,
  payment_method       text NOT NULL,
  shipping_address_id  text,
  device_id            text,
  ip                   inet,
  promo_id             text,
  delivered_at         timestamptz
);
COMMENT ON COLUMN risk.orders.status IS 'pending | shipped | delivered | cancelled | refunded';
COMMENT ON COLUMN risk.orders.payment_method IS 'card | wallet | paypal | bank_transfer | cash_on_delivery';
COMMENT ON COLUMN risk.orders.total_cents IS 'Amount charged after any promotion discount.';

CREATE TABLE risk.reviews (
  review_id   text PRIMARY KEY,
  order_id    text,
  buyer_id    text NOT NULL,
  seller_id   text NOT NULL,
  product_id  text NOT NULL,
  rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body        text,
  created_at  timestamptz NOT NULL
);
COMMENT ON COLUMN risk.reviews.order_id IS 'The purchase reviewed; null for a review without a verified purchase.';
COMMENT ON COLUMN risk.reviews.body IS 'Buyer-written text: untrusted.';

CREATE TABLE risk.refunds (
  refund_id     text PRIMARY KEY,
  order_id      text NOT NULL,
  amount_cents  bigint NOT NULL CHECK (amount_cents >= 0),
  reason        text NOT NULL,
  created_at    timestamptz NOT NULL
);

CREATE TABLE risk.chargebacks (
  chargeback_id  text PRIMARY KEY,
  order_id       text NOT NULL,
  reason_code    text NOT NULL,
  amount_cents   bigint NOT NULL CHECK (amount_cents >= 0),
  created_at     timestamptz NOT NULL
);

CREATE TABLE risk.logins (
  login_id      text PRIMARY KEY,
  account_type  text NOT NULL,
  account_id    text NOT NULL,
  at            timestamptz NOT NULL,
  ip            inet,
  device_id     text,
  country       text,
  success       boolean NOT NULL
);
COMMENT ON COLUMN risk.logins.account_type IS 'seller | buyer';

CREATE TABLE risk.devices (
  device_id    text PRIMARY KEY,
  fingerprint  text NOT NULL,
  os           text NOT NULL,
  is_emulator  boolean NOT NULL,
  first_seen   timestamptz NOT NULL
);

CREATE TABLE risk.addresses (
  address_id    text PRIMARY KEY,
  address_hash  text NOT NULL,
  city          text NOT NULL,
  country       text NOT NULL,
  postal_code   text NOT NULL
);
COMMENT ON COLUMN risk.addresses.address_hash IS 'Hash of the normalised street address; equal hashes mean the same place.';

CREATE TABLE risk.promotions (
  promo_id        text PRIMARY KEY,
  code            text NOT NULL,
  funded_by       text NOT NULL,
  discount_cents  integer NOT NULL CHECK (discount_cents >= 0),
  new_users_only  boolean NOT NULL,
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL
);
COMMENT ON COLUMN risk.promotions.funded_by IS 'platform | seller';

CREATE TABLE risk.payout_changes (
  change_id       text PRIMARY KEY,
  seller_id       text NOT NULL,
  old_account_id  text,
  new_account_id  text NOT NULL,
  at              timestamptz NOT NULL,
  device_id       text,
  ip              inet
);

CREATE TABLE risk.affiliate_clicks (
  click_id            text PRIMARY KEY,
  creator_id          text NOT NULL,
  product_id          text NOT NULL,
  seller_id           text NOT NULL,
  at                  timestamptz NOT NULL,
  ip                  inet,
  device_id           text,
  converted_order_id  text
);

CREATE TABLE risk.flags (
  flag_id      text PRIMARY KEY,
  entity_type  text NOT NULL,
  entity_id    text NOT NULL,
  source       text NOT NULL,
  score        real NOT NULL CHECK (score BETWEEN 0 AND 1),
  reason       text NOT NULL,
  created_at   timestamptz NOT NULL
);
COMMENT ON COLUMN risk.flags.entity_type IS 'seller | buyer | order';
COMMENT ON COLUMN risk.flags.source IS 'Who raised it: a model, a rule, an analyst, a buyer report.';

CREATE TABLE risk.enforcement_actions (
  action_id    text PRIMARY KEY,
  entity_type  text NOT NULL,
  entity_id    text NOT NULL,
  action       text NOT NULL,
  reason       text NOT NULL,
  created_at   timestamptz NOT NULL
);
COMMENT ON COLUMN risk.enforcement_actions.action IS 'warning | restrict | suspend | ban | reinstate';
