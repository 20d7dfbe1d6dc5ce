package org.persistenceexplorer.service.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.Script;
import org.persistenceexplorer.domain.console.ScriptPiece;

/**
 * The undo script offered with a generated migration: each statement's inverse, last first —
 * the kinds Hibernate's schema update writes and the rename the app offers (add column / drop
 * column, rename back, create table / drop table, add constraint / drop constraint, create index
 * / drop index, create sequence / drop sequence). A statement without a known inverse (a data
 * change, an edit of the user's own) makes the undo incomplete: then no undo file is saved and
 * going back rebuilds, as before. Immutable.
 *
 * @param script   the U script's text ("" when nothing is known)
 * @param unknown  the statements it could not invert; empty when complete
 */
public record UndoScript(String script, List<String> unknown) {

    private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)";
    private static final String QUALIFIED = "((?:" + NAME + "\\s*\\.\\s*)?" + NAME + ")";
    private static final Pattern ADD_COLUMN = Pattern.compile("(?is)alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?"
            + QUALIFIED + "\\s+add\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s.*");
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("(?is)alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?"
            + QUALIFIED + "\\s+add\\s+constraint\\s+" + NAME + "\\s.*");
    private static final Pattern RENAME_COLUMN = Pattern.compile("(?is)alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?"
            + QUALIFIED + "\\s+rename\\s+(?:column\\s+)?" + NAME + "\\s+to\\s+" + NAME + "\\s*");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?"
            + QUALIFIED + "\\s*\\(.*");
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)create\\s+(?:unique\\s+)?index\\s+"
            + "(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s+on\\s.*");
    private static final Pattern CREATE_SEQUENCE = Pattern.compile("(?is)create\\s+sequence\\s+(?:if\\s+not\\s+exists\\s+)?"
            + QUALIFIED + "(?:\\s.*)?");

    public UndoScript {
        unknown = List.copyOf(unknown);
    }

    public boolean complete() {
        return unknown.isEmpty() && !script.isBlank();
    }

    /** The undo of {@code migration} (the reviewed script as it will be saved). */
    public static UndoScript of(String migration, String fileName) {
        List<String> inverses = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (ScriptPiece piece : Script.statements(migration, ConsoleMode.SQL)) {
            String statement = withoutComments(piece.text()).strip();
            if (statement.endsWith(";")) {
                statement = statement.substring(0, statement.length() - 1).strip();
            }
            if (statement.isEmpty()) {
                continue;
            }
            String inverse = inverse(statement);
            if (inverse == null) {
                unknown.add(statement);
            } else {
                inverses.add(0, inverse);
            }
        }
        if (inverses.isEmpty()) {
            return new UndoScript("", unknown);
        }
        StringBuilder text = new StringBuilder("-- Undo of ").append(fileName)
                .append(", generated with it: each statement's inverse, last first.\n");
        if (!unknown.isEmpty()) {
            text.append("-- Incomplete: no inverse known for ").append(unknown.size()).append(" statement(s); not saved.\n");
        }
        for (String s : inverses) {
            text.append('\n').append(s).append(";\n");
        }
        return new UndoScript(text.toString(), unknown);
    }

    /** The file name of the undo beside {@code versioned} ("V5__x.sql" gives "U5__x.sql"). */
    public static String fileNameFor(String versioned) {
        return "U" + versioned.substring(1);
    }

    private static String inverse(String s) {
        Matcher m;
        if ((m = RENAME_COLUMN.matcher(s)).matches()) {
            return "ALTER TABLE " + m.group(1) + " RENAME COLUMN " + m.group(5) + " TO " + m.group(4);
        }
        if ((m = ADD_CONSTRAINT.matcher(s)).matches()) {
            return "ALTER TABLE " + m.group(1) + " DROP CONSTRAINT " + m.group(4);
        }
        if ((m = ADD_COLUMN.matcher(s)).matches()) {
            String column = m.group(4);
            if (column.equalsIgnoreCase("constraint") || column.equalsIgnoreCase("primary")
                    || column.equalsIgnoreCase("unique") || column.equalsIgnoreCase("foreign") || column.equalsIgnoreCase("check")) {
                return null; // an unnamed constraint: its name is the server's, not known here
            }
            return "ALTER TABLE " + m.group(1) + " DROP COLUMN " + column;
        }
        if ((m = CREATE_TABLE.matcher(s)).matches()) {
            return "DROP TABLE " + m.group(1);
        }
        if ((m = CREATE_INDEX.matcher(s)).matches()) {
            return "DROP INDEX " + m.group(1);
        }
        if ((m = CREATE_SEQUENCE.matcher(s)).matches()) {
            return "DROP SEQUENCE " + m.group(1);
        }
        return null;
    }

    private static String withoutComments(String statement) {
        StringBuilder out = new StringBuilder();
        for (String line : statement.split("\n", -1)) {
            String stripped = line.strip();
            if (!stripped.startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
