package org.persistenceexplorer.service.migrations;

/**
 * One difference between two schema snapshots. Immutable.
 *
 * @param table  the table it is in (for a table change, the table itself)
 * @param part   what changed
 * @param name   the column, constraint or index name (the table's name for a table)
 * @param before how it was, null when added
 * @param after  how it is, null when removed
 */
public record SchemaChange(Kind kind, String table, Part part, String name, String before, String after) {

    /** Added, removed or changed. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /** Which part of the schema. */
    public enum Part {
        TABLE("table"), COLUMN("column"), CONSTRAINT("constraint"), INDEX("index");

        private final String words;

        Part(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One line in plain words: "column post.slug added: character varying(200) not null". */
    public String describe() {
        String subject = part == Part.TABLE ? "table " + table : part.words() + " " + table + "." + name;
        return switch (kind) {
            case ADDED -> subject + " added" + (after == null || after.isEmpty() ? "" : ": " + after);
            case REMOVED -> subject + " removed" + (before == null || before.isEmpty() ? "" : " (was " + before + ")");
            case CHANGED -> subject + " changed: " + before + " → " + after;
        };
    }
}
