-- One row per product: its units in stock. The same DDL on H2, PostgreSQL and MariaDB.
CREATE TABLE stock (
    product VARCHAR(100) NOT NULL PRIMARY KEY,
    stock   BIGINT       NOT NULL
);
