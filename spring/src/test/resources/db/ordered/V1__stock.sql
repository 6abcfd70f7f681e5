-- the stock row
CREATE TABLE ordered_stock (
    product VARCHAR(100) NOT NULL PRIMARY KEY,
    stock BIGINT NOT NULL
);
