package org.persistenceexplorer.service.tables.entity;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.proxy.HibernateProxy;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.service.changes.RowChange;
import org.persistenceexplorer.service.changes.RowChanges;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.orm.SessionOptions;
import org.persistenceexplorer.service.tables.TableConstraint;
import org.persistenceexplorer.service.tables.TableDescription;

/**
 * One entity being edited through Hibernate, the way an application does it: loaded in a
 * session (managed), changed, flushed and committed, the session closed (detached); edited
 * again, merged into a new session, whose SELECT and version check show. Created by
 * {@link EntityEditing}.
 *
 * <p>Threading: a Hibernate session belongs to the thread that opened it, so every method must
 * run on the one thread that created this edit (a UI session lane). Not thread-safe.
 */
public final class EntityEdit implements AutoCloseable {

    private final OrmSessions orm;
    private final StatementLog log;
    private final RowChanges changes;
    private final Validator validator;
    /** A subclass's once a row of a SINGLE_TABLE root turns out to be one (a product -> a physical product). */
    private EntityMapping mapping;
    private final TableDescription table;
    private Session session;
    private Object entity;
    private final List<EditOutcome.Transition> history = new ArrayList<>();

    EntityEdit(OrmSessions orm, StatementLog log, RowChanges changes, Validator validator, EntityMapping mapping,
               TableDescription table) {
        this.orm = orm;
        this.log = log;
        this.changes = changes;
        this.validator = validator;
        this.mapping = mapping;
        this.table = table;
    }

    /** An edit that takes over another's session (navigating in place keeps one persistence context). */
    private EntityEdit(EntityEdit from, EntityMapping mapping, TableDescription table) {
        this(from.orm, from.log, from.changes, from.validator, mapping, table);
        this.session = from.session;
        from.session = null;
    }

    /** Loads the row with this id in a new session: the entity is managed afterwards. */
    EditOutcome load(String id) {
        long mark = log.position().cursor();
        session = orm.openSession(SessionOptions.DEFAULTS);
        Object key = mapping.id().parse(id);
        Transaction tx = session.beginTransaction();
        try {
            entity = session.find(mapping.type(), key);
            tx.commit();
            asItsOwnClass();
        } catch (RuntimeException e) {
            rollback(tx);
            closeSession();
            throw e;
        }
        if (entity == null) {
            closeSession();
            return outcome(EditOutcome.Kind.GONE, mark, Map.of(), null, Map.of(), List.of());
        }
        step("session.find: SELECT; the transaction committed, the session stays open");
        return outcome(EditOutcome.Kind.DONE, mark, Map.of(), null, Map.of(), List.of());
    }

    /**
     * Follows a relationship in this edit's session, the way application code touching it would:
     * a lazy to-one proxy or collection is initialised (its SELECT shows), an eager one is
     * already there. A detached entity is read into a new session first (a lazy association of a
     * detached entity cannot load). The entity stays managed; the session stays open.
     *
     * @param attribute a to-one or collection attribute of the entity
     */
    public Navigation follow(String attribute) {
        long mark = log.position().cursor();
        var persister = orm.factory().unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel().getEntityDescriptor(mapping.type());
        AttributeMapping a = persister.findAttributeMapping(attribute);
        if (!(a instanceof ToOneAttributeMapping || a instanceof PluralAttributeMapping)) {
            throw new IllegalArgumentException(entityName() + " has no relationship called " + attribute);
        }
        Transaction tx = null;
        try {
            String how;
            if (state() != EntityState.MANAGED) {
                session = orm.openSession(SessionOptions.DEFAULTS);
                tx = session.beginTransaction();
                entity = session.find(mapping.type(), mapping.id().get(entity));
                step("session.find in a new session (the old one was closed): SELECT");
            } else {
                tx = session.beginTransaction();
            }
            Object value = persister.getPropertyValue(entity, attribute);
            List<Object> reached = new ArrayList<>();
            if (value instanceof java.util.Collection<?> collection) {
                boolean loaded = Hibernate.isInitialized(collection);
                Hibernate.initialize(collection);
                reached.addAll(collection);
                how = loaded ? "the collection was already loaded: no SELECT"
                        : "the lazy collection was initialised on first access: one SELECT for all its elements";
            } else if (value == null) {
                how = attribute + " is null: nothing to follow";
            } else {
                boolean loaded = Hibernate.isInitialized(value);
                Hibernate.initialize(value);
                reached.add(Hibernate.unproxy(value));
                how = loaded ? "the related entity was already in the session: no SELECT"
                        : "the lazy proxy was initialised on first access: SELECT";
            }
            tx.commit();
            String targetName = a instanceof PluralAttributeMapping plural
                    && plural.getCollectionDescriptor().getElementPersister() != null
                    ? plural.getCollectionDescriptor().getElementPersister().getJpaEntityName()
                    : a instanceof ToOneAttributeMapping toOne
                    ? toOne.getEntityMappingType().getEntityPersister().getJpaEntityName() : "?";
            List<Navigation.Related> related = new ArrayList<>();
            for (Object r : reached) {
                related.add(related(r));
            }
            history.clear();
            return new Navigation(attribute, targetName, related, how, statementsSince(mark));
        } catch (RuntimeException e) {
            rollback(tx);
            throw e;
        }
    }

    private Navigation.Related related(Object entity) {
        Object real = Hibernate.unproxy(entity);
        EntityMapping m = EntityMapping.of(session.getSessionFactory(), real.getClass());
        String label = m.attributes().stream().filter(x -> x.javaType() == String.class).findFirst()
                .map(x -> String.valueOf(x.get(real))).orElse("");
        String name = session.getSessionFactory().unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel().getEntityDescriptor(real.getClass()).getJpaEntityName();
        return new Navigation.Related(name, String.valueOf(m.id().get(real)), label);
    }

    /**
     * Opens a related entity in place: a new edit that takes over this edit's session (this one
     * ends), finding the entity there: no SELECT when following the relationship already loaded it.
     */
    EditOutcome openInPlace(EntityMapping target, TableDescription targetTable, String id, EntityEdit[] opened) {
        EntityEdit next = new EntityEdit(this, target, targetTable);
        opened[0] = next;
        return next.findInSession(id);
    }

    private EditOutcome findInSession(String id) {
        long mark = log.position().cursor();
        if (session == null || !session.isOpen()) {
            return load(id);
        }
        Transaction tx = session.beginTransaction();
        try {
            entity = session.find(mapping.type(), mapping.id().parse(id));
            tx.commit();
        } catch (RuntimeException e) {
            rollback(tx);
            throw e;
        }
        if (entity == null) {
            closeSession();
            return outcome(EditOutcome.Kind.GONE, mark, Map.of(), null, Map.of(), List.of());
        }
        entity = Hibernate.unproxy(entity);
        asItsOwnClass();
        boolean read = statementsSince(mark).stream().anyMatch(s -> s.text().regionMatches(true, 0, "select", 0, 6));
        step(read ? "session.find in the same session: SELECT" : "session.find in the same session: already in its "
                + "persistence context (the first-level cache), no SELECT");
        return outcome(EditOutcome.Kind.DONE, mark, Map.of(), null, Map.of(), List.of());
    }

    /** The row's own class decides the form: a find by the root of a hierarchy returns a subclass. */
    private void asItsOwnClass() {
        if (entity != null) {
            Class<?> real = Hibernate.getClass(entity);
            if (real != mapping.type()) {
                mapping = EntityMapping.of(orm.factory(), real);
            }
        }
    }

    /** A new instance, known to no session yet: transient. */
    EditOutcome startNew() {
        if (mapping.isAbstract()) {
            throw new IllegalArgumentException("A new " + mapping.entityName() + " is always one of its subclasses; "
                    + "this table's rows are made through them (see the Model tab)");
        }
        try {
            var constructor = mapping.type().getDeclaredConstructor();
            constructor.setAccessible(true);
            entity = constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a new " + mapping.type().getSimpleName(), e);
        }
        step("new " + mapping.type().getSimpleName() + "(): no session knows it");
        return outcome(EditOutcome.Kind.DONE, log.position().cursor(), Map.of(), null, Map.of(), List.of());
    }

    /** The entity's state now, asked of Hibernate itself. */
    public EntityState state() {
        if (session != null && session.isOpen()) {
            EntityEntry entry = session.unwrap(SessionImplementor.class).getPersistenceContextInternal().getEntry(entity);
            if (entry != null) {
                return entry.getStatus() == Status.DELETED || entry.getStatus() == Status.GONE
                        ? EntityState.REMOVED : EntityState.MANAGED;
            }
        }
        return mapping.id().get(entity) == null ? EntityState.TRANSIENT : EntityState.DETACHED;
    }

    /** The entity's name, e.g. "Employee". */
    public String entityName() {
        return mapping.entityName();
    }

    /** The fields as the form shows them now. */
    public List<EntityField> fields() {
        List<EntityField> fields = new ArrayList<>();
        for (EntityMapping.Attribute a : mapping.attributes()) {
            fields.add(new EntityField(a.name(), a.column(), a.typeLabel(), text(a.get(entity), orm), a.editable(),
                    a.toOne() ? a.javaType().getSimpleName() : null));
        }
        return fields;
    }

    /**
     * Checks the changes without sending anything: each value must convert to its attribute's
     * type and satisfy the entity's Bean Validation constraints.
     *
     * @param changes new text by attribute name
     * @return messages by attribute; empty when all is well
     */
    public Map<String, String> check(Map<String, String> changes) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (var change : changes.entrySet()) {
            EntityMapping.Attribute a = mapping.attribute(change.getKey()).orElse(null);
            if (a == null || !a.editable()) {
                errors.put(change.getKey(), "cannot be changed here");
                continue;
            }
            try {
                Object value = a.parse(change.getValue());
                if (!a.toOne()) {
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    var violations = validator.validateValue((Class) mapping.type(), a.name(), value);
                    for (Object v : violations) {
                        errors.merge(a.name(), ((ConstraintViolation<?>) v).getMessage(), (x, y) -> x + "; " + y);
                    }
                }
            } catch (IllegalArgumentException e) {
                errors.put(a.name(), e.getMessage());
            }
        }
        return errors;
    }

    /**
     * Saves the changes: a new entity is persisted (INSERT), a managed one flushed (an UPDATE
     * of the changed columns only, with the version check), a detached one merged into a new
     * session first. Committed, then the session is closed: detached. Nothing is sent when a
     * value is invalid; on a refusal or a conflict everything is rolled back and the outcome
     * carries the database's values.
     */
    public EditOutcome save(Map<String, String> changes) {
        long mark = log.position().cursor();
        Map<String, String> errors = check(changes);
        if (!errors.isEmpty()) {
            return outcome(EditOutcome.Kind.INVALID, mark, errors, null, Map.of(), List.of());
        }
        EntityState before = state();
        Map<String, String> yours = new LinkedHashMap<>();
        Transaction tx = null;
        try {
            attach();
            tx = session.beginTransaction();
            apply(changes, yours);
            if (before == EntityState.TRANSIENT) {
                session.persist(entity);
                step("session.persist: INSERT (identity ids are inserted at once)");
            }
            tx.commit();
            step("transaction.commit: flushed the changes and committed");
            closeSession();
            step("session.close");
            published(before == EntityState.TRANSIENT ? RowChange.Kind.INSERTED : RowChange.Kind.UPDATED);
            return outcome(EditOutcome.Kind.DONE, mark, Map.of(), null, Map.of(), List.of());
        } catch (RuntimeException e) {
            rollback(tx);
            closeSession();
            return failed(e, mark, yours);
        }
    }

    /**
     * Deletes the row: {@code session.remove} (removed), commit (the DELETE and whatever
     * Hibernate and the database cascade), session closed. Lists what else went with it.
     */
    public EditOutcome delete() {
        long mark = log.position().cursor();
        Transaction tx = null;
        try {
            attach();
            tx = session.beginTransaction();
            List<String> cascaded = countDatabaseCascades();
            session.remove(entity);
            step("session.remove: scheduled for deletion at the next flush");
            tx.commit();
            step("transaction.commit: DELETE flushed and committed");
            closeSession();
            step("session.close: the row is gone; the object is left over, unknown to any session");
            published(RowChange.Kind.DELETED);
            List<String> all = new ArrayList<>(hibernateCascades(mark));
            all.addAll(cascaded);
            return outcome(EditOutcome.Kind.DONE, mark, Map.of(), null, Map.of(), all);
        } catch (RuntimeException e) {
            rollback(tx);
            closeSession();
            return failed(e, mark, Map.of());
        }
    }

    /** Rows the database itself deletes with this one (ON DELETE CASCADE), counted before the delete. */
    private List<String> countDatabaseCascades() {
        List<String> lines = new ArrayList<>();
        for (TableConstraint fk : table.referencedBy()) {
            if (!fk.onDelete().equals("cascade") || fk.columns().size() != 1) {
                continue;
            }
            Object id = mapping.id().get(entity);
            Number count = (Number) session.createNativeQuery("SELECT count(*) FROM " + fk.table().quoted() + " WHERE "
                    + "\"" + fk.columns().get(0).replace("\"", "\"\"") + "\" = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
            if (count.longValue() > 0) {
                lines.add(count + " row(s) of " + fk.table() + " by the database (ON DELETE CASCADE of " + fk.name() + ")");
            }
        }
        return lines;
    }

    /** DELETEs Hibernate sent for other tables (a collection's join rows). */
    private List<String> hibernateCascades(long mark) {
        List<String> lines = new ArrayList<>();
        for (CapturedStatement s : statementsSince(mark)) {
            String text = s.text().toLowerCase(java.util.Locale.ROOT);
            if (text.startsWith("delete") && !text.contains(" " + table.ref().toString().toLowerCase(java.util.Locale.ROOT) + " ")
                    && s.succeeded()) {
                lines.add(Math.max(0, s.rows()) + " row(s) by Hibernate: " + s.text());
            }
        }
        return lines;
    }

    /** After the commit: whoever keeps copies of this row hears of it. */
    private void published(RowChange.Kind kind) {
        changes.publish(new RowChange(table.ref().schema(), table.ref().name(), kind,
                Map.of(mapping.id().column(), String.valueOf(mapping.id().get(entity)))));
    }

    private void attach() {
        EntityState now = state();
        if (now == EntityState.DETACHED) {
            session = orm.openSession(SessionOptions.DEFAULTS);
            // merge copies the detached state onto a managed instance it loads (SELECT) and
            // compares the versions: a row changed meanwhile fails here
            entity = session.merge(entity);
            step("session.merge into a new session: SELECT, version compared");
        } else if (now == EntityState.TRANSIENT && session == null) {
            session = orm.openSession(SessionOptions.DEFAULTS);
        }
    }

    private void apply(Map<String, String> changes, Map<String, String> yours) {
        for (var change : changes.entrySet()) {
            EntityMapping.Attribute a = mapping.attribute(change.getKey()).orElseThrow();
            Object value = a.parse(change.getValue());
            if (a.toOne() && value != null) {
                value = session.getReference(a.javaType(), value);
            }
            a.set(entity, value);
            yours.put(a.name(), change.getValue());
        }
    }

    private EditOutcome failed(RuntimeException e, long mark, Map<String, String> yours) {
        if (isConflict(e)) {
            Map<String, List<String>> both = new LinkedHashMap<>();
            List<EntityField> current = reloadFromDatabase();
            for (var mine : yours.entrySet()) {
                String theirs = current.stream().filter(f -> f.attribute().equals(mine.getKey())).map(EntityField::value)
                        .findFirst().orElse(null);
                both.put(mine.getKey(), java.util.Arrays.asList(mine.getValue(), theirs));
            }
            return outcome(EditOutcome.Kind.CONFLICT, mark, Map.of(), null, both, List.of());
        }
        Map<String, String> byColumn = new LinkedHashMap<>();
        yours.forEach((attribute, value) -> byColumn.put(mapping.attribute(attribute).orElseThrow().column(), value));
        DatabaseRefusal refusal = DatabaseRefusal.of(e, table.ref(), byColumn);
        if (refusal == null) {
            throw e;
        }
        reloadFromDatabase();
        return outcome(EditOutcome.Kind.REFUSED, mark, Map.of(), refusal, Map.of(), List.of());
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** After a failure: the database's truth, read in a fresh session (which stays open: managed). */
    private List<EntityField> reloadFromDatabase() {
        Object id = mapping.id().get(entity);
        if (id == null) {
            return fields();
        }
        session = orm.openSession(SessionOptions.DEFAULTS);
        Transaction tx = session.beginTransaction();
        Object fresh = session.find(mapping.type(), id);
        tx.commit();
        if (fresh == null) {
            closeSession();
            return fields();
        }
        entity = fresh;
        step("rolled back; the database's values read again (session.find: SELECT)");
        return fields();
    }

    private void step(String cause) {
        history.add(new EditOutcome.Transition(state(), cause));
    }

    private EditOutcome outcome(EditOutcome.Kind kind, long mark, Map<String, String> errors, DatabaseRefusal refusal,
                                Map<String, List<String>> conflict, List<String> cascaded) {
        EditOutcome result = new EditOutcome(kind, history, statementsSince(mark), fields(), errors, refusal, conflict, cascaded);
        history.clear();
        return result;
    }

    private List<CapturedStatement> statementsSince(long mark) {
        String thread = Thread.currentThread().getName();
        return log.readFrom(mark).statements().stream().filter(s -> s.thread().equals(thread)).toList();
    }

    private static void rollback(Transaction tx) {
        try {
            if (tx != null && tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException ignored) {
            // the connection may be gone; closing the session releases it
        }
    }

    private void closeSession() {
        if (session != null && session.isOpen()) {
            session.close();
        }
    }

    /** Formats a value as the form shows it; a to-one association by its target's id (not loading it). */
    private static String text(Object value, OrmSessions orm) {
        if (value == null) {
            return null;
        }
        if (value instanceof HibernateProxy proxy) {
            return String.valueOf(proxy.getHibernateLazyInitializer().getInternalIdentifier());
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value.getClass().isAnnotationPresent(jakarta.persistence.Entity.class)) {
            return String.valueOf(EntityMapping.of(orm.factory(), value.getClass()).id().get(value));
        }
        return value.toString();
    }

    /** Ends the edit: closes its session if one is open (nothing unsaved is written). */
    @Override
    public void close() {
        closeSession();
    }
}
