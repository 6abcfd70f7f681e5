CREATE TABLE ordered_orders (id VARCHAR(100) NOT NULL PRIMARY KEY);
CREATE INDEX ordered_orders_id ON ordered_orders (id);
