package org.persistenceexplorer.service.orm;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.persistenceexplorer.store.sql.HibernateOrm;

/**
 * The app's one Hibernate: a SessionFactory on the captured pool (so every statement Hibernate
 * sends is in the log), opened once after the schema is migrated and closed before the pool.
 * Labs vary fetching and batching per session ({@link SessionOptions}) instead of building a
 * second factory. {@link #open()} and work in sessions are blocking (off the FX thread); a
 * Session belongs to the thread that uses it (a UI session lane). Thread-safe otherwise.
 */
public final class OrmSessions implements AutoCloseable {

    private final Supplier<DataSource> dataSource;
    private final List<Class<?>> entities;
    private volatile SessionFactory factory;

    /**
     * @param dataSource the captured pool, asked for when Hibernate opens (the engine starts later)
     * @param entities   the mapped classes
     */
    public OrmSessions(Supplier<DataSource> dataSource, List<Class<?>> entities) {
        this.dataSource = dataSource;
        this.entities = List.copyOf(entities);
    }

    /** Boots Hibernate (about a second); idempotent. Returns a line for the startup screen. */
    public synchronized String open() {
        if (factory == null) {
            factory = HibernateOrm.open(dataSource.get(), entities);
        }
        return entities.size() + " entities mapped: "
                + String.join(", ", entities.stream().map(OrmSessions::entityName).toList());
    }

    /** The entity name HQL uses (the lab's classes share simple names with the HR ones). */
    private static String entityName(Class<?> type) {
        jakarta.persistence.Entity entity = type.getAnnotation(jakarta.persistence.Entity.class);
        return entity == null || entity.name().isEmpty() ? type.getSimpleName() : entity.name();
    }

    public boolean isOpen() {
        return factory != null;
    }

    /** A new session with the given settings; the caller closes it, on the thread that opened it. */
    public Session openSession(SessionOptions options) {
        Session session = requireFactory().openSession();
        if (options.jdbcBatchSize() != null) {
            session.setJdbcBatchSize(options.jdbcBatchSize());
        }
        if (options.fetchBatchSize() != null) {
            session.setFetchBatchSize(options.fetchBatchSize());
        }
        session.setSubselectFetchingEnabled(options.subselectFetching());
        return session;
    }

    /** Runs the work in a session and a transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SessionOptions options, Function<Session, T> work) {
        try (Session session = openSession(options)) {
            Transaction tx = session.beginTransaction();
            try {
                T result = work.apply(session);
                tx.commit();
                return result;
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        }
    }

    /** The factory itself, for statistics and metamodel reads. */
    public SessionFactory factory() {
        return requireFactory();
    }

    private SessionFactory requireFactory() {
        SessionFactory f = factory;
        if (f == null) {
            throw new IllegalStateException("Hibernate is not ready yet; it opens right after the HR migrations.");
        }
        return f;
    }

    /** Closes the factory (before the pool closes). Idempotent. */
    @Override
    public synchronized void close() {
        SessionFactory f = factory;
        factory = null;
        if (f != null) {
            f.close();
        }
    }
}
