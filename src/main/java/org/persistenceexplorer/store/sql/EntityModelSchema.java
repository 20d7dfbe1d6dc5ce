package org.persistenceexplorer.store.sql;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.resource.transaction.spi.DdlTransactionIsolator;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.extract.spi.DatabaseInformation;
import org.hibernate.tool.schema.internal.DefaultSchemaFilter;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.internal.GroupedSchemaMigratorImpl;
import org.hibernate.tool.schema.internal.HibernateSchemaManagementTool;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExceptionHandler;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.TargetDescriptor;
import org.persistenceexplorer.domain.schema.ColumnShape;
import org.persistenceexplorer.domain.schema.ConstraintShape;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;
import org.persistenceexplorer.domain.schema.TableShape;

/**
 * A set of entity classes as Hibernate maps them, without a database: the tables and columns the
 * model expects, and Hibernate's own schema-update script (its schema migrator, what
 * {@code jakarta.persistence.schema-generation.scripts.action=update} writes) from a catalog
 * snapshot to the model. Hibernate never reads JDBC metadata here: the existing schema is the
 * snapshot the app read through the captured pool ({@link SnapshotDatabaseInformation}), so no
 * statement escapes the log (decision 0003).
 *
 * <p>The model is mapped unqualified (the schema named in {@code @Table} is dropped), because
 * track scripts must not name their schema (Flyway runs them in the track's). Foreign keys, unique
 * keys and indexes get PostgreSQL's own default names ({@code employee_email_key},
 * {@code employee_department_id_fkey}) instead of Hibernate's hashes: readable, and equal to the
 * names an inline {@code UNIQUE} / {@code REFERENCES} in a hand-written script gets, so existing
 * constraints are recognised. Not thread-safe; build one per use, off the FX thread.
 */
public final class EntityModelSchema implements AutoCloseable {

    private static final int MAX_NAME = 63;

    private final StandardServiceRegistry registry;
    private final Metadata metadata;

    public EntityModelSchema(List<Class<?>> entities) {
        registry = new StandardServiceRegistryBuilder()
                .applySettings(Map.of(
                        AvailableSettings.DIALECT, PostgreSQLDialect.class.getName(),
                        "hibernate.boot.allow_jdbc_metadata_access", "false",
                        AvailableSettings.HBM2DDL_AUTO, "none",
                        AvailableSettings.FORMAT_SQL, "true",
                        AvailableSettings.HBM2DDL_DELIMITER, ";",
                        // Create a missing unique key; no "drop constraint if exists" before it.
                        AvailableSettings.UNIQUE_CONSTRAINT_SCHEMA_UPDATE_STRATEGY, "RECREATE_QUIETLY"))
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            metadata = sources.getMetadataBuilder()
                    .applyPhysicalNamingStrategy(new Unqualified())
                    .build();
            metadata.collectTableMappings().forEach(EntityModelSchema::readableNames);
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** The tables the model maps: columns with Hibernate's SQL type and nullability, foreign keys, in name order. */
    public SchemaSnapshot tables() {
        List<TableShape> tables = new ArrayList<>();
        for (Table table : metadata.collectTableMappings()) {
            List<ColumnShape> columns = new ArrayList<>();
            for (Column c : table.getColumns()) {
                boolean key = table.getPrimaryKey() != null && table.getPrimaryKey().containsColumn(c);
                columns.add(new ColumnShape(c.getName(), c.getSqlType(metadata), key || !c.isNullable(), null));
            }
            List<ConstraintShape> constraints = new ArrayList<>();
            for (ForeignKey fk : table.getForeignKeyCollection()) {
                List<String> cols = fk.getColumns().stream().map(Column::getName).toList();
                constraints.add(new ConstraintShape(fk.getName(), ConstraintShape.Kind.FOREIGN_KEY,
                        "FOREIGN KEY (" + String.join(", ", cols) + ") REFERENCES " + fk.getReferencedTable().getName(),
                        cols, fk.getReferencedTable().getName()));
            }
            tables.add(new TableShape(table.getName(), columns, constraints, List.of()));
        }
        return new SchemaSnapshot(tables);
    }

    /**
     * Hibernate's schema-update script from {@code existing} to the model: statements that create
     * missing tables, add missing columns, foreign keys, unique keys and indexes, each ending with
     * ";". Like Hibernate's update it never drops or changes a column.
     */
    public List<String> updateScript(SchemaSnapshot existing) {
        HibernateSchemaManagementTool tool = (HibernateSchemaManagementTool) registry.getService(SchemaManagementTool.class);
        JdbcEnvironment environment = registry.getService(JdbcEnvironment.class);
        GroupedSchemaMigratorImpl migrator = new GroupedSchemaMigratorImpl(tool, DefaultSchemaFilter.INSTANCE) {
            @Override
            protected DatabaseInformation buildDatabaseInformation(DdlTransactionIsolator isolator,
                                                                   SqlStringGenerationContext context) {
                return new SnapshotDatabaseInformation(existing, environment.getIdentifierHelper());
            }
        };
        List<String> statements = new ArrayList<>();
        Map<String, Object> settings = new HashMap<>(registry.getService(ConfigurationService.class).getSettings());
        ExecutionOptions options = new ExecutionOptions() {
            @Override
            public Map<String, Object> getConfigurationValues() {
                return settings;
            }

            @Override
            public boolean shouldManageNamespaces() {
                return false;
            }

            @Override
            public ExceptionHandler getExceptionHandler() {
                return ExceptionHandlerHaltImpl.INSTANCE;
            }
        };
        TargetDescriptor script = new TargetDescriptor() {
            @Override
            public EnumSet<TargetType> getTargetTypes() {
                return EnumSet.of(TargetType.SCRIPT);
            }

            @Override
            public ScriptTargetOutput getScriptTargetOutput() {
                return new ScriptTargetOutput() {
                    @Override
                    public void prepare() {
                    }

                    @Override
                    public void accept(String command) {
                        statements.add(command.strip());
                    }

                    @Override
                    public void release() {
                    }
                };
            }
        };
        migrator.doMigration(metadata, options, ContributableMatcher.ALL, script);
        return statements.stream().map(EntityModelSchema::readableUniqueKey).toList();
    }

    /**
     * Hibernate names a unique key from a column's {@code unique = true} after the mapping is
     * built (a hash such as UK1t68827l97cwyxo9r1u6t4p7d); its statement gets PostgreSQL's name.
     */
    private static String readableUniqueKey(String statement) {
        Matcher m = HASHED_UNIQUE.matcher(statement);
        if (!m.find()) {
            return statement;
        }
        String columns = String.join("_", m.group(3).split("\\s*,\\s*"));
        String base = m.group(1) + "_" + columns;
        int room = MAX_NAME - "_key".length();
        String readable = (base.length() > room ? base.substring(0, room) : base) + "_key";
        return statement.replace(m.group(2), readable);
    }

    private static final Pattern HASHED_UNIQUE = Pattern.compile(
            "(?is)alter table (?:if exists )?([\\w\"]+)\\s+add constraint (UK[0-9a-z]{10,})\\s+unique \\(([^)]*)\\)");

    /** PostgreSQL's default constraint names instead of Hibernate's hashes. */
    private static void readableNames(Table table) {
        for (ForeignKey fk : table.getForeignKeyCollection()) {
            fk.setName(name(table, fk.getColumns(), "fkey"));
        }
        for (UniqueKey uk : table.getUniqueKeys().values()) {
            uk.setName(name(table, uk.getColumns(), "key"));
        }
        for (Index index : table.getIndexes().values()) {
            if (index.getName() == null || index.getName().matches("(?i)IDX[0-9a-z]{10,}")) {
                index.setName(name(table, index.getColumns(), "idx"));
            }
        }
    }

    private static String name(Table table, List<Column> columns, String suffix) {
        String base = table.getName() + "_" + String.join("_", columns.stream().map(Column::getName).toList());
        int room = MAX_NAME - suffix.length() - 1;
        return (base.length() > room ? base.substring(0, room) : base) + "_" + suffix;
    }

    @Override
    public void close() {
        StandardServiceRegistryBuilder.destroy(registry);
    }

    /** Drops the schema an entity names in {@code @Table}: track scripts run in the track's schema. */
    private static final class Unqualified extends PhysicalNamingStrategyStandardImpl {
        @Override
        public Identifier toPhysicalSchemaName(Identifier name, JdbcEnvironment environment) {
            return null;
        }
    }
}
