-- the shop's stock: one row per product (the same SQL on H2, PostgreSQL and MariaDB)
CREATE TABLE stock_item (
    product VARCHAR(100) NOT NULL PRIMARY KEY,
    stock BIGINT NOT NULL
);
