ALTER TABLE ordered_stock ADD COLUMN price BIGINT; -- a price, added in 1.1
