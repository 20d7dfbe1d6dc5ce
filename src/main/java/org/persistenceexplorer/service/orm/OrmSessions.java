package org.persistenceexplorer.service.orm;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.persistenceexplorer.service.log.RelationshipNames;
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
    /** The metamodel's names, built once per factory. */
    private volatile RelationshipNames relationships;
    private volatile SessionFactory relationshipsOf;

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

    /**
     * Names the mapped association behind a (table, key column) pair, from Hibernate's metamodel:
     * a collection by its table and key ({@code lab.employee}, {@code department_id} is
     * {@code Department.employees}); a to-one by its target's table and id ({@code Employee.manager}).
     * {@link RelationshipNames#NONE} until Hibernate is open. Built once per call; thread-safe result.
     */
    public RelationshipNames relationshipNames() {
        SessionFactory f = factory;
        if (f == null) {
            return RelationshipNames.NONE;
        }
        RelationshipNames known = relationships;
        if (known != null && relationshipsOf == f) {
            return known;
        }
        java.util.Map<String, java.util.Set<String>> names = new java.util.HashMap<>();
        var metamodel = f.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getMappingMetamodel();
        metamodel.forEachCollectionDescriptor(collection -> {
            String role = shortRole(collection.getRole());
            collection.getAttributeMapping().getKeyDescriptor().getKeyPart().forEachSelectable((i, column) ->
                    names.computeIfAbsent(key(collection.getTableName(), column.getSelectionExpression()),
                            k -> new java.util.TreeSet<>()).add(role));
        });
        metamodel.forEachEntityDescriptor(entity -> entity.forEachAttributeMapping(attribute -> {
            if (attribute instanceof org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping toOne
                    && toOne.getEntityMappingType().getEntityPersister()
                    instanceof org.hibernate.persister.entity.AbstractEntityPersister target) {
                String role = entity.getMappedClass().getSimpleName() + "." + attribute.getAttributeName();
                for (String id : target.getIdentifierColumnNames()) {
                    names.computeIfAbsent(key(target.getTableName(), id), k -> new java.util.TreeSet<>()).add(role);
                }
            }
        }));
        RelationshipNames built = (table, column) -> java.util.Optional.ofNullable(names.get(key(table, column)))
                .map(roles -> String.join(" or ", roles));
        relationshipsOf = f;
        relationships = built;
        return built;
    }

    private static String key(String table, String column) {
        return table.toLowerCase(java.util.Locale.ROOT) + "|" + column.toLowerCase(java.util.Locale.ROOT);
    }

    /** "org.example.Department.employees" -> "Department.employees". */
    private static String shortRole(String role) {
        int attribute = role.lastIndexOf('.');
        int type = role.lastIndexOf('.', attribute - 1);
        return type < 0 ? role : role.substring(type + 1);
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
