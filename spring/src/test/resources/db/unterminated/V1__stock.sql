CREATE TABLE unterminated (product VARCHAR(100))
