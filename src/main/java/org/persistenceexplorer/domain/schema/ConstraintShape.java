package org.persistenceexplorer.domain.schema;

import java.util.List;

/**
 * A primary key, foreign key, unique or check constraint. Immutable.
 *
 * @param definition  as pg_get_constraintdef prints it, e.g. "FOREIGN KEY (post_id) REFERENCES post(id)"
 * @param columns     the constrained columns of this table, in key order
 * @param references  the table a foreign key points to, else null
 */
public record ConstraintShape(String name, Kind kind, String definition, List<String> columns, String references) {

    public ConstraintShape {
        columns = List.copyOf(columns);
    }

    /** The constraint kinds the diff tells apart. */
    public enum Kind {
        PRIMARY_KEY("primary key"), FOREIGN_KEY("foreign key"), UNIQUE("unique"), CHECK("check"), EXCLUSION("exclusion");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
