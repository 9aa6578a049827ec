-- Indexes investigations need: everything about one seller, one buyer, one device,
-- one IP or one address, over time.
CREATE INDEX orders_seller_created_idx ON risk.orders (seller_id, created_at);
CREATE INDEX orders_buyer_created_idx ON risk.orders (buyer_id, created_at);
CREATE INDEX orders_device_idx ON risk.orders (device_id);
CREATE INDEX orders_ip_idx ON risk.orders (ip);
CREATE INDEX orders_address_idx ON risk.orders (shipping_address_id);
CREATE INDEX orders_promo_idx ON risk.orders (promo_id) WHERE promo_id IS NOT NULL;
CREATE INDEX products_seller_idx ON risk.products (seller_id);
CREATE INDEX reviews_seller_created_idx ON risk.reviews (seller_id, created_at);
CREATE INDEX reviews_order_idx ON risk.reviews (order_id);
CREATE INDEX refunds_order_idx ON risk.refunds (order_id);
CREATE INDEX chargebacks_order_idx ON risk.chargebacks (order_id);
CREATE INDEX logins_account_at_idx ON risk.logins (account_type, account_id, at);
CREATE INDEX logins_device_idx ON risk.logins (device_id);
CREATE INDEX logins_ip_idx ON risk.logins (ip);
CREATE INDEX payout_changes_seller_at_idx ON risk.payout_changes (seller_id, at);
CREATE INDEX payout_changes_new_account_idx ON risk.payout_changes (new_account_id);
CREATE INDEX sellers_payout_account_idx ON risk.sellers (payout_account_id);
CREATE INDEX affiliate_clicks_seller_at_idx ON risk.affiliate_clicks (seller_id, at);
CREATE INDEX affiliate_clicks_ip_idx ON risk.affiliate_clicks (ip);
CREATE INDEX flags_entity_idx ON risk.flags (entity_type, entity_id);
CREATE INDEX enforcement_entity_idx ON risk.enforcement_actions (entity_type, entity_id);
