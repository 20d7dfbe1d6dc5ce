package org.persistenceexplorer.service.tables;

import java.util.List;

/**
 * A primary key, foreign key, unique or check constraint. Immutable.
 *
 * @param definition        as PostgreSQL prints it ({@code pg_get_constraintdef})
 * @param references        the referenced table of a foreign key, else null
 * @param referencedColumns the referenced columns of a foreign key, else empty
 * @param onDelete          what deleting the referenced row does ("no action", "cascade", ...), foreign keys only
 * @param table             the table the constraint is on
 */
public record TableConstraint(Kind kind, String name, TableRef table, List<String> columns, String definition,
                              TableRef references, List<String> referencedColumns, String onDelete) {

    public TableConstraint {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** The constraint kinds of {@code pg_constraint.contype} the browser shows. */
    public enum Kind {
        PRIMARY_KEY("primary key"), FOREIGN_KEY("foreign key"), UNIQUE("unique"), CHECK("check"),
        EXCLUSION("exclusion"), OTHER("other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Kind of(String contype) {
            return switch (contype) {
                case "p" -> PRIMARY_KEY;
                case "f" -> FOREIGN_KEY;
                case "u" -> UNIQUE;
                case "c" -> CHECK;
                case "x" -> EXCLUSION;
                default -> OTHER;
            };
        }
    }
}
