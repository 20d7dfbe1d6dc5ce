-- Undo of shop version 2: the sample rows go, the tables stay.
DELETE FROM payment;
DELETE FROM order_line;
DELETE FROM orders;
DELETE FROM product;
DELETE FROM customer;
