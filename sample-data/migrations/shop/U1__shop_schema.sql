-- Undo of shop version 1: back to an empty schema.
DROP TABLE payment;
DROP TABLE order_line;
DROP TABLE orders;
DROP TABLE product;
DROP TABLE customer;
