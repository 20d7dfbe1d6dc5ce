package org.persistenceexplorer.store.sql;

import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.QualifiedSequenceName;
import org.hibernate.boot.model.relational.QualifiedTableName;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelper;
import org.hibernate.tool.schema.extract.internal.ColumnInformationImpl;
import org.hibernate.tool.schema.extract.spi.ColumnInformation;
import org.hibernate.tool.schema.extract.spi.DatabaseInformation;
import org.hibernate.tool.schema.extract.spi.ForeignKeyInformation;
import org.hibernate.tool.schema.extract.spi.IndexInformation;
import org.hibernate.tool.schema.extract.spi.NameSpaceTablesInformation;
import org.hibernate.tool.schema.extract.spi.PrimaryKeyInformation;
import org.hibernate.tool.schema.extract.spi.SequenceInformation;
import org.hibernate.tool.schema.extract.spi.TableInformation;
import org.persistenceexplorer.domain.schema.ConstraintShape;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;
import org.persistenceexplorer.domain.schema.TableShape;

/**
 * Hibernate's view of the existing schema, answered from a catalog snapshot the app read with SQL
 * through the captured pool instead of from pgjdbc's DatabaseMetaData (whose queries bypass the
 * capture, decision 0003). Hibernate's schema migrator asks it which tables, columns, foreign keys
 * and indexes exist. Tables are matched by name alone: the model is mapped unqualified. Immutable
 * after construction; used on one thread.
 */
final class SnapshotDatabaseInformation implements DatabaseInformation {

    private final Map<String, SnapshotTable> tables = new LinkedHashMap<>();
    private final IdentifierHelper identifiers;

    SnapshotDatabaseInformation(SchemaSnapshot snapshot, IdentifierHelper identifiers) {
        this.identifiers = identifiers;
        for (TableShape table : snapshot.tables()) {
            tables.put(key(table.name()), new SnapshotTable(table));
        }
        tables.values().forEach(t -> t.linkForeignKeys(tables));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private TableInformation find(Identifier table) {
        return table == null ? null : tables.get(key(table.getText()));
    }

    @Override
    public boolean schemaExists(Namespace.Name namespace) {
        return true;
    }

    @Override
    public TableInformation getTableInformation(Identifier catalog, Identifier schema, Identifier table) {
        return find(table);
    }

    @Override
    public TableInformation getTableInformation(Namespace.Name namespace, Identifier table) {
        return find(table);
    }

    @Override
    public TableInformation getTableInformation(QualifiedTableName name) {
        return find(name.getTableName());
    }

    @Override
    public NameSpaceTablesInformation getTablesInformation(Namespace namespace) {
        NameSpaceTablesInformation all = new NameSpaceTablesInformation(identifiers);
        tables.values().forEach(all::addTableInformation);
        return all;
    }

    @Override
    public SequenceInformation getSequenceInformation(Identifier catalog, Identifier schema, Identifier sequence) {
        return null;
    }

    @Override
    public SequenceInformation getSequenceInformation(Namespace.Name namespace, Identifier sequence) {
        return null;
    }

    @Override
    public SequenceInformation getSequenceInformation(QualifiedSequenceName name) {
        return null;
    }

    @Override
    public boolean catalogExists(Identifier catalog) {
        return true;
    }

    @Override
    public void cleanup() {
        // nothing held: the snapshot was read before
    }

    /**
     * A catalog type ({@code format_type}'s words) as pgjdbc's DatabaseMetaData would describe it:
     * JDBC type code, type name, size and decimal digits; Hibernate compares these with the model.
     */
    record ColumnType(int code, String name, int size, int digits) {

        private static final Pattern ARGS = Pattern.compile("\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)");

        static ColumnType of(String formatted) {
            Matcher args = ARGS.matcher(formatted);
            int first = 0;
            int second = 0;
            if (args.find()) {
                first = Integer.parseInt(args.group(1));
                second = args.group(2) == null ? 0 : Integer.parseInt(args.group(2));
            }
            String base = ARGS.matcher(formatted).replaceAll("").replaceAll("\\s+", " ").strip();
            return switch (base) {
                case "character varying" -> new ColumnType(Types.VARCHAR, "varchar", first == 0 ? Integer.MAX_VALUE : first, 0);
                case "character" -> new ColumnType(Types.CHAR, "char", first, 0);
                case "text" -> new ColumnType(Types.VARCHAR, "text", Integer.MAX_VALUE, 0);
                case "numeric" -> new ColumnType(Types.NUMERIC, "numeric", first, second);
                case "bigint" -> new ColumnType(Types.BIGINT, "bigint", 19, 0);
                case "integer" -> new ColumnType(Types.INTEGER, "integer", 10, 0);
                case "smallint" -> new ColumnType(Types.SMALLINT, "smallint", 5, 0);
                case "boolean" -> new ColumnType(Types.BOOLEAN, "boolean", 1, 0);
                case "real" -> new ColumnType(Types.REAL, "real", 8, 8);
                case "double precision" -> new ColumnType(Types.DOUBLE, "double precision", 17, 17);
                case "date" -> new ColumnType(Types.DATE, "date", 13, 0);
                case "timestamp with time zone" -> new ColumnType(Types.TIMESTAMP_WITH_TIMEZONE, "timestamp with time zone", 35, 6);
                case "timestamp without time zone" -> new ColumnType(Types.TIMESTAMP, "timestamp", 29, 6);
                case "time without time zone" -> new ColumnType(Types.TIME, "time", 15, 6);
                case "time with time zone" -> new ColumnType(Types.TIME_WITH_TIMEZONE, "time with time zone", 21, 6);
                case "bytea" -> new ColumnType(Types.VARBINARY, "bytea", Integer.MAX_VALUE, 0);
                default -> new ColumnType(Types.OTHER, base, 0, 0);
            };
        }
    }

    /** One table of the snapshot as Hibernate's TableInformation. */
    private static final class SnapshotTable implements TableInformation {

        private final TableShape shape;
        private final QualifiedTableName name;
        private final Map<String, ColumnInformation> columns = new LinkedHashMap<>();
        private final Map<String, ForeignKeyInformation> foreignKeys = new LinkedHashMap<>();
        private final Map<String, IndexInformation> indexes = new LinkedHashMap<>();

        SnapshotTable(TableShape shape) {
            this.shape = shape;
            this.name = new QualifiedTableName(null, null, Identifier.toIdentifier(shape.name()));
            shape.columns().forEach(c -> {
                ColumnType type = ColumnType.of(c.type());
                columns.put(key(c.name()), new ColumnInformationImpl(this, Identifier.toIdentifier(c.name()),
                        type.code(), type.name(), type.size(), type.digits(), !c.notNull()));
            });
            // A unique or primary key constraint owns an index of the same name: Hibernate looks unique keys up there.
            for (ConstraintShape c : shape.constraints()) {
                if (c.kind() == ConstraintShape.Kind.UNIQUE || c.kind() == ConstraintShape.Kind.PRIMARY_KEY) {
                    indexes.put(key(c.name()), index(c.name(), c.columns()));
                }
            }
            // Indexes no constraint owns: only the name is needed (Hibernate checks existence by name).
            shape.indexes().forEach(i -> indexes.put(key(i.name()), index(i.name(), List.of())));
        }

        private IndexInformation index(String indexName, List<String> cols) {
            List<ColumnInformation> indexed = cols.stream().map(c -> columns.get(key(c))).filter(c -> c != null).toList();
            return new IndexInformation() {
                @Override
                public Identifier getIndexIdentifier() {
                    return Identifier.toIdentifier(indexName);
                }

                @Override
                public List<ColumnInformation> getIndexedColumns() {
                    return indexed;
                }
            };
        }

        void linkForeignKeys(Map<String, SnapshotTable> all) {
            for (ConstraintShape fk : shape.foreignKeys()) {
                SnapshotTable target = fk.references() == null ? null : all.get(key(fk.references()));
                List<ForeignKeyInformation.ColumnReferenceMapping> mappings = new ArrayList<>();
                for (String column : fk.columns()) {
                    ColumnInformation referencing = columns.get(key(column));
                    // The referenced column's name is not compared by Hibernate, only its table.
                    ColumnInformation referenced = target == null ? null
                            : target.columns.values().stream().findFirst().orElse(null);
                    if (referencing != null && referenced != null) {
                        mappings.add(new ForeignKeyInformation.ColumnReferenceMapping() {
                            @Override
                            public ColumnInformation getReferencingColumnMetadata() {
                                return referencing;
                            }

                            @Override
                            public ColumnInformation getReferencedColumnMetadata() {
                                return referenced;
                            }
                        });
                    }
                }
                foreignKeys.put(key(fk.name()), new ForeignKeyInformation() {
                    @Override
                    public Identifier getForeignKeyIdentifier() {
                        return Identifier.toIdentifier(fk.name());
                    }

                    @Override
                    public Iterable<ColumnReferenceMapping> getColumnReferenceMappings() {
                        return mappings;
                    }
                });
            }
        }

        @Override
        public QualifiedTableName getName() {
            return name;
        }

        @Override
        public boolean isPhysicalTable() {
            return true;
        }

        @Override
        public String getComment() {
            return null;
        }

        @Override
        public ColumnInformation getColumn(Identifier column) {
            return column == null ? null : columns.get(key(column.getText()));
        }

        @Override
        public PrimaryKeyInformation getPrimaryKey() {
            return null;
        }

        @Override
        public Iterable<ForeignKeyInformation> getForeignKeys() {
            return foreignKeys.values();
        }

        @Override
        public ForeignKeyInformation getForeignKey(Identifier fk) {
            return fk == null ? null : foreignKeys.get(key(fk.getText()));
        }

        @Override
        public Iterable<IndexInformation> getIndexes() {
            return indexes.values();
        }

        @Override
        public IndexInformation getIndex(Identifier index) {
            return index == null ? null : indexes.get(key(index.getText()));
        }

        @Override
        public void addColumn(ColumnInformation column) {
            columns.put(key(column.getColumnIdentifier().getText()), column);
        }
    }
}
