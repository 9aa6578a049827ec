// The reference warehouse's tables and their columns, in the order of
// db/migrations/0002_risk_warehouse.sql (a test checks it against the database).
// The SQL guard reads them as the readable columns; the demo world writes them.

export const WAREHOUSE_COLUMNS = {
  sellers: [
    "seller_id",
    "shop_name",
    "registered_at",
    "country",
    "category",
    "kyc_status",
    "status",
    "description",
    "payout_account_id",
  ],
  buyers: ["buyer_id", "registered_at", "country", "email_domain", "kyc_verified", "status"],
  products: ["product_id", "seller_id", "title", "category", "price_cents", "listed_at"],
  orders: [
    "order_id",
    "buyer_id",
    "seller_id",
    "product_id",
    "quantity",
    "total_cents",
    "created_at",
    "status",
    "payment_method",
    "shipping_address_id",
    "device_id",
    "ip",
    "promo_id",
    "delivered_at",
  ],
  reviews: [
    "review_id",
    "order_id",
    "buyer_id",
    "seller_id",
    "product_id",
    "rating",
    "body",
    "created_at",
  ],
  refunds: ["refund_id", "order_id", "amount_cents", "reason", "created_at"],
  chargebacks: ["chargeback_id", "order_id", "reason_code", "amount_cents", "created_at"],
  logins: ["login_id", "account_type", "account_id", "at", "ip", "device_id", "country", "success"],
  devices: ["device_id", "fingerprint", "os", "is_emulator", "first_seen"],
  addresses: ["address_id", "address_hash", "city", "country", "postal_code"],
  promotions: [
    "promo_id",
    "code",
    "funded_by",
    "discount_cents",
    "new_users_only",
    "starts_at",
    "ends_at",
  ],
  payout_changes: [
    "change_id",
    "seller_id",
    "old_account_id",
    "new_account_id",
    "at",
    "device_id",
    "ip",
  ],
  affiliate_clicks: [
    "click_id",
    "creator_id",
    "product_id",
    "seller_id",
    "at",
    "ip",
    "device_id",
    "converted_order_id",
  ],
  flags: ["flag_id", "entity_type", "entity_id", "source", "score", "reason", "created_at"],
  enforcement_actions: ["action_id", "entity_type", "entity_id", "action", "reason", "created_at"],
} as const;

export type WarehouseTable = keyof typeof WAREHOUSE_COLUMNS;

export const WAREHOUSE_TABLES = Object.keys(WAREHOUSE_COLUMNS) as WarehouseTable[];
