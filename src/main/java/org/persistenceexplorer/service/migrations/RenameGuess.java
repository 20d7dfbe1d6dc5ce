package org.persistenceexplorer.service.migrations;

/**
 * A column the schema has and the model does not, beside one the model has and the schema does
 * not, in the same table and of the same type: it looks like a rename. Only a guess: the two may
 * be unrelated. Immutable.
 */
public record RenameGuess(String table, String from, String to, String type) {

    /** The statement that keeps the data. */
    public String statement() {
        return "ALTER TABLE " + table + " RENAME COLUMN " + from + " TO " + to + ";";
    }

    /** "employee.title → job_title (both character varying(100)): dropping title ... would lose its data." */
    public String describe() {
        return table + "." + from + " → " + to + " (both " + type + "): dropping " + from
                + " and adding " + to + " would lose its data.";
    }
}
