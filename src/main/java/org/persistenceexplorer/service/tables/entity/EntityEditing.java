package org.persistenceexplorer.service.tables.entity;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.persistenceexplorer.service.changes.RowChanges;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableRef;

/**
 * Entity mode of the Tables tab: edits of a mapped table's rows go through Hibernate (the
 * app's one SessionFactory), and each step reports the entity's lifecycle and the exact
 * statements it caused. Thread-safe; the {@link EntityEdit}s it hands out are bound to the
 * thread that made them (use a session lane). Blocking; call off the FX thread.
 */
public final class EntityEditing {

    private final OrmSessions orm;
    private final StatementLog log;
    private final Map<TableRef, EntityMapping> mappings = new ConcurrentHashMap<>();
    private final EntityModels models;
    private volatile Validator validator;

    private final RowChanges changes;

    /** Entity editing whose committed changes nobody hears about (tests, tools). */
    public EntityEditing(OrmSessions orm, StatementLog log) {
        this(orm, log, new RowChanges());
    }

    /** @param changes told about every committed save and delete (the org chart's profile cache listens) */
    public EntityEditing(OrmSessions orm, StatementLog log, RowChanges changes) {
        this.orm = orm;
        this.log = log;
        this.changes = changes;
        this.models = new EntityModels(orm);
    }

    /** How each entity is mapped, from the same Hibernate. */
    public EntityModels models() {
        return models;
    }

    /** True once Hibernate is open (it boots after the main window appears). */
    public boolean ready() {
        return orm.isOpen();
    }

    /** The entity mapped to this table, e.g. "Employee" (its JPA name), if there is one and Hibernate is open. */
    public Optional<String> entityOf(TableRef table) {
        return mapping(table).map(m -> orm.factory().getMetamodel().entity(m.type()).getName());
    }

    private Optional<EntityMapping> mapping(TableRef table) {
        if (!orm.isOpen()) {
            return Optional.empty();
        }
        if (mappings.isEmpty()) {
            orm.factory().getMetamodel().getEntities().forEach(e -> {
                EntityMapping m = EntityMapping.of(orm.factory(), e.getJavaType());
                // a SINGLE_TABLE hierarchy shares one table: its root opens it (a row's own class then decides the form)
                mappings.merge(m.table(), m, (a, b) -> b.type().isAssignableFrom(a.type()) ? b : a);
            });
        }
        return Optional.ofNullable(mappings.get(table));
    }

    /**
     * Loads the row with this id in a new Hibernate session. The edit's outcome says GONE when
     * the row is not there.
     */
    public Loaded load(TableDescription table, String id) {
        EntityEdit edit = new EntityEdit(orm, log, changes, validator(), require(table.ref()), table);
        return new Loaded(edit, edit.load(id));
    }

    /** A new, transient entity for this table, to fill in and save (persist). */
    public Loaded startNew(TableDescription table) {
        EntityEdit edit = new EntityEdit(orm, log, changes, validator(), require(table.ref()), table);
        return new Loaded(edit, edit.startNew());
    }

    /** The table an entity (by its name, e.g. "Project") keeps its rows in. */
    public Optional<TableRef> tableOf(String entityName) {
        return mappingNamed(entityName).map(EntityMapping::table);
    }

    /**
     * Opens an entity reached by {@link EntityEdit#follow} in place: a new edit that takes over
     * {@code from}'s session (so what following loaded is found without a SELECT); {@code from}
     * ends. Run on the thread that made {@code from}.
     *
     * @param table the related entity's table ({@link #tableOf})
     */
    public Loaded openRelated(EntityEdit from, Navigation.Related related, TableDescription table) {
        EntityMapping target = mappingNamed(related.entityName())
                .orElseThrow(() -> new IllegalArgumentException(related.entityName() + " is not mapped"));
        EntityEdit[] opened = new EntityEdit[1];
        EditOutcome outcome = from.openInPlace(target, table, related.id(), opened);
        return new Loaded(opened[0], outcome);
    }

    private Optional<EntityMapping> mappingNamed(String entityName) {
        if (!orm.isOpen()) {
            return Optional.empty();
        }
        return orm.factory().getMetamodel().getEntities().stream().filter(e -> e.getName().equals(entityName))
                .findFirst().map(e -> EntityMapping.of(orm.factory(), e.getJavaType()));
    }

    private EntityMapping require(TableRef table) {
        return mapping(table).orElseThrow(() -> new IllegalArgumentException(table + " has no entity mapped"));
    }

    private Validator validator() {
        Validator v = validator;
        if (v == null) {
            synchronized (this) {
                if (validator == null) {
                    ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
                    validator = factory.getValidator();
                }
                v = validator;
            }
        }
        return v;
    }

    /**
     * An edit and what starting it did.
     *
     * @param edit    the edit, bound to the thread that made it
     * @param outcome the load (or the new instance)
     */
    public record Loaded(EntityEdit edit, EditOutcome outcome) {
    }

    /** Every mapped table, for the browser's "entity" marks. */
    public List<TableRef> mappedTables() {
        if (!orm.isOpen()) {
            return List.of();
        }
        mapping(new TableRef("", ""));
        return List.copyOf(mappings.keySet());
    }
}
