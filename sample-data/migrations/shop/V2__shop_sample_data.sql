-- Shop, version 2: a few customers and products to check out with. The lab's checkout and
-- optimistic-locking lessons change stock and orders; "Reset the shop" puts these rows back.

INSERT INTO customer (id, name, email, created_at, updated_at) VALUES
    (1, 'Ada Quill', 'ada@shop.example', now(), now()),
    (2, 'Ben Ink', 'ben@shop.example', now(), now()),
    (3, 'Cleo Byte', 'cleo@shop.example', now(), now());

INSERT INTO product (id, kind, sku, name, price_cents, stock, weight_grams, download_url) VALUES
    (1, 'PHYSICAL', 'MUG-01', 'Mug "I <3 ACID"', 1200, 10, 350, NULL),
    (2, 'PHYSICAL', 'TEE-01', 'T-shirt "SERIALIZABLE"', 2500, 5, 180, NULL),
    (3, 'PHYSICAL', 'BOOK-01', 'Designing Data-Intensive Applications', 4500, 2, 900, NULL),
    (4, 'DIGITAL', 'EBOOK-01', 'Transactions, the e-book', 900, NULL, NULL, 'https://shop.example/dl/tx'),
    (5, 'DIGITAL', 'VIDEO-01', 'Isolation levels, the video course', 3900, NULL, NULL, 'https://shop.example/dl/iso');

INSERT INTO orders (id, customer_id, status, note, version, created_at, updated_at) VALUES
    (1, 1, 'P', 'first order', 0, now(), now());

INSERT INTO order_line (order_id, product_id, quantity, unit_price_cents) VALUES
    (1, 1, 2, 1200),
    (1, 4, 1, 900);

INSERT INTO payment (order_id, amount_cents, method, created_at) VALUES
    (1, 3300, 'card', now());

SELECT setval(pg_get_serial_sequence('customer', 'id'), 3);
SELECT setval(pg_get_serial_sequence('product', 'id'), 5);
SELECT setval(pg_get_serial_sequence('orders', 'id'), 1);
