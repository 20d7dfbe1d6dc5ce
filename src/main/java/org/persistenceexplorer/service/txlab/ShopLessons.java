package org.persistenceexplorer.service.txlab;

import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.hibernate.Transaction;
import org.persistenceexplorer.domain.shop.Customer;
import org.persistenceexplorer.domain.shop.OrderStatus;
import org.persistenceexplorer.domain.shop.OutOfStock;
import org.persistenceexplorer.domain.shop.Payment;
import org.persistenceexplorer.domain.shop.Product;
import org.persistenceexplorer.domain.shop.ShopOrder;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.orm.SessionOptions;
import org.persistenceexplorer.store.capture.StatementRecorder;

/**
 * The shop's transaction lessons on the app's pool: an atomic checkout through Hibernate
 * (reserve stock, the order and its lines, the payment: all or nothing), a multi-step order
 * where one failing line is undone through a savepoint and the rest committed, and optimistic
 * locking (two edits of one order, the second refused, then retried on a fresh read). Each
 * returns what it did with the stock before and after and the statements it sent.
 *
 * <p>Blocking; call off the FX thread, one lesson per thread at a time. Thread-safe.
 */
public final class ShopLessons {

    private final OrmSessions orm;
    private final Supplier<DataSource> dataSource;
    private final ShopData shop;
    private final StatementRecorder recorder;

    /** The recorder (may be null) only lets a lesson list the statements it sent. */
    public ShopLessons(OrmSessions orm, Supplier<DataSource> dataSource, ShopData shop, StatementRecorder recorder) {
        this.orm = orm;
        this.dataSource = dataSource;
        this.shop = shop;
        this.recorder = recorder;
    }

    /**
     * Checks out {@code quantities} (product id => how many) for the customer in one Hibernate
     * transaction: every line reserves its stock and is written at once (so the log shows the
     * UPDATEs and INSERTs), then the payment. Too little stock or a declined payment throws
     * inside the transaction, which is rolled back: nothing of the order stays.
     */
    public ShopLesson checkout(long customerId, Map<Long, Integer> quantities, boolean paymentDeclined) throws SQLException {
        Map<String, Integer> before = shop.stock();
        Map<String, String> sumsBefore = shop.checksums();
        String message;
        boolean committed = false;
        List<String> statements;
        try (StatementTrail trail = new StatementTrail(recorder)) {
            try {
                long[] total = new long[1];
                long orderId = orm.inTransaction(SessionOptions.DEFAULTS, session -> {
                    ShopOrder order = new ShopOrder(session.getReference(Customer.class, customerId));
                    session.persist(order);
                    for (Map.Entry<Long, Integer> item : quantities.entrySet()) {
                        Product product = session.find(Product.class, item.getKey());
                        if (product == null) {
                            throw new CheckoutRefused("There is no product " + item.getKey() + ".");
                        }
                        try {
                            product.reserve(item.getValue());
                        } catch (OutOfStock e) {
                            throw new CheckoutRefused(e.getMessage());
                        }
                        order.add(product, item.getValue());
                        session.flush();
                    }
                    total[0] = order.linesTotalCents();
                    if (paymentDeclined) {
                        throw new CheckoutRefused("The payment of " + cents(total[0]) + " was declined (the failing-payment switch is on).");
                    }
                    session.persist(new Payment(order, total[0], "card"));
                    order.setStatus(OrderStatus.PAID);
                    return order.getId();
                });
                committed = true;
                message = "Order " + orderId + " committed: stock reserved, " + quantities.size() + " lines, paid " + cents(total[0]) + ".";
            } catch (CheckoutRefused e) {
                message = "Rolled back: " + e.getMessage() + " Every change of the checkout was undone.";
            }
            statements = trail.lines();
        }
        return new ShopLesson("Checkout", committed, message, before, shop.stock(), sumsBefore.equals(shop.checksums()), statements);
    }

    /**
     * Orders every product once more for the customer in one JDBC transaction, each line inside
     * a savepoint: a line the database refuses (its stock would go below 0, a CHECK constraint)
     * is rolled back to its savepoint alone, and the order commits with the other lines.
     *
     * @param quantity how many of each product
     */
    public ShopLesson ordersWithSavepoints(long customerId, int quantity) throws SQLException {
        Map<String, Integer> before = shop.stock();
        Map<String, String> sumsBefore = shop.checksums();
        List<String> kept = new ArrayList<>();
        List<String> undone = new ArrayList<>();
        List<String> statements;
        try (StatementTrail trail = new StatementTrail(recorder); Connection c = dataSource.get().getConnection()) {
            c.setAutoCommit(false);
            try {
                long orderId;
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO shop.orders (customer_id, status, note, version, created_at, updated_at) VALUES (?, 'N', 'with savepoints', 0, now(), now()) RETURNING id")) {
                    insert.setLong(1, customerId);
                    try (var rows = insert.executeQuery()) {
                        rows.next();
                        orderId = rows.getLong(1);
                    }
                }
                Map<Long, String> products = new LinkedHashMap<>();
                try (var rows = c.createStatement().executeQuery("SELECT id, name FROM shop.product WHERE kind = 'PHYSICAL' ORDER BY id")) {
                    while (rows.next()) {
                        products.put(rows.getLong(1), rows.getString(2));
                    }
                }
                int n = 0;
                for (Map.Entry<Long, String> product : products.entrySet()) {
                    Savepoint line = c.setSavepoint("line_" + (++n));
                    try (PreparedStatement take = c.prepareStatement("UPDATE shop.product SET stock = stock - ? WHERE id = ?");
                         PreparedStatement add = c.prepareStatement(
                                 "INSERT INTO shop.order_line (order_id, product_id, quantity, unit_price_cents) SELECT ?, id, ?, price_cents FROM shop.product WHERE id = ?")) {
                        take.setInt(1, quantity);
                        take.setLong(2, product.getKey());
                        take.executeUpdate();
                        add.setLong(1, orderId);
                        add.setInt(2, quantity);
                        add.setLong(3, product.getKey());
                        add.executeUpdate();
                        c.releaseSavepoint(line);
                        kept.add(product.getValue());
                    } catch (SQLException e) {
                        c.rollback(line);
                        undone.add(product.getValue() + " (" + LabErrors.firstLine(e.getMessage()) + ")");
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            statements = trail.lines();
        }
        String message = "Committed with " + kept.size() + " of " + (kept.size() + undone.size()) + " lines: "
                + (undone.isEmpty() ? "no line failed." : "rolled back to its savepoint: " + String.join("; ", undone)
                + ". Kept: " + (kept.isEmpty() ? "none" : String.join(", ", kept)) + ".");
        return new ShopLesson("Savepoints", true, message, before, shop.stock(), sumsBefore.equals(shop.checksums()), statements);
    }

    /**
     * Two people edit order {@code orderId} at once: both read it (the same version), the first
     * changes its note and commits, the second changes its status and is refused (the UPDATE's
     * "where version = ?" finds no row). With {@code retry} the second edit is then re-applied
     * on a fresh read and commits.
     */
    public ShopLesson concurrentEdits(long orderId, boolean retry) throws SQLException {
        Map<String, Integer> before = shop.stock();
        Map<String, String> sumsBefore = shop.checksums();
        StringBuilder message = new StringBuilder();
        boolean committed;
        List<String> statements;
        try (StatementTrail trail = new StatementTrail(recorder)) {
            try (Session first = orm.openSession(SessionOptions.DEFAULTS); Session second = orm.openSession(SessionOptions.DEFAULTS)) {
                Transaction t1 = first.beginTransaction();
                ShopOrder mine = first.find(ShopOrder.class, orderId);
                Transaction t2 = second.beginTransaction();
                ShopOrder theirs = second.find(ShopOrder.class, orderId);
                int theirRead = theirs == null ? -1 : theirs.getVersion();
                if (mine == null) {
                    t1.rollback();
                    t2.rollback();
                    throw new IllegalArgumentException("There is no order " + orderId + " (reset the shop).");
                }
                int read = mine.getVersion();
                mine.setNote("gift wrap, please (edit 1)");
                t1.commit();
                message.append("Edit 1 read version ").append(read).append(" and committed version ").append(mine.getVersion()).append(". ");
                theirs.setStatus(OrderStatus.CANCELLED);
                try {
                    t2.commit();
                    committed = true;
                    message.append("Edit 2 committed too: the lock did not work.");
                } catch (RuntimeException e) {
                    if (!isOptimisticLockFailure(e)) {
                        throw e;
                    }
                    if (t2.isActive()) {
                        t2.rollback();
                    }
                    committed = false;
                    message.append("Edit 2 was refused: it had read version ").append(theirRead)
                            .append(", the database holds version ").append(currentVersion(orderId)).append(" (")
                            .append(e.getClass().getSimpleName()).append(").");
                }
            }
            if (!committed && retry) {
                int[] versions = new int[2];
                orm.inTransaction(SessionOptions.DEFAULTS, session -> {
                    ShopOrder fresh = session.find(ShopOrder.class, orderId);
                    versions[0] = fresh.getVersion();
                    fresh.setStatus(OrderStatus.CANCELLED);
                    session.flush();
                    versions[1] = fresh.getVersion();
                    return null;
                });
                committed = true;
                message.append(" Retry: reloaded version ").append(versions[0]).append(" (with edit 1's note), re-applied")
                        .append(" the status change, committed version ").append(versions[1]).append(": both edits kept.");
            }
            statements = trail.lines();
        }
        return new ShopLesson("Optimistic locking", committed, message.toString(), before, shop.stock(),
                sumsBefore.equals(shop.checksums()), statements);
    }

    private int currentVersion(long orderId) throws SQLException {
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT version FROM shop.orders WHERE id = ?")) {
            s.setLong(1, orderId);
            try (var rows = s.executeQuery()) {
                return rows.next() ? rows.getInt(1) : -1;
            }
        }
    }

    private static boolean isOptimisticLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    static String cents(long cents) {
        return String.format(java.util.Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    /** Why a checkout gave up; thrown inside its transaction so everything is rolled back. */
    static final class CheckoutRefused extends RuntimeException {
        CheckoutRefused(String message) {
            super(message);
        }
    }
}
