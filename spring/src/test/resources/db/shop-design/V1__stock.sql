CREATE TABLE shop_design_stock (
    product VARCHAR(100) NOT NULL PRIMARY KEY,
    stock BIGINT NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL
);
