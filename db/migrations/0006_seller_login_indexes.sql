-- Seller logins by device and by IP. The collusion indicators ask "does any seller
-- log in from this device / IP?" for every device and IP a seller's buyers used; the
-- general logins indexes would make each probe wade through buyer logins on shared
-- mobile IPs. Partial indexes over the (far fewer) seller logins answer at once.
CREATE INDEX logins_seller_device_idx ON risk.logins (device_id, account_id, at) WHERE account_type = 'seller';
CREATE INDEX logins_seller_ip_idx ON risk.logins (ip, account_id, at) WHERE account_type = 'seller';
