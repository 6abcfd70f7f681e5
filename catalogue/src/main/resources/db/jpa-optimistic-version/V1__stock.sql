-- The versioned StockItem entity's table: one row per product, its units in stock and the @Version column
-- Hibernate checks and bumps on every update. The same DDL on H2, PostgreSQL and MariaDB.
CREATE TABLE stock_item (
    product VARCHAR(100) NOT NULL PRIMARY KEY,
    stock   BIGINT       NOT NULL,
    version BIGINT       DEFAULT 0 NOT NULL
);
