package org.persistenceexplorer.domain.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the editor offers at the caret: after {@code schema.} that schema's tables, after
 * {@code table.} or {@code alias.} its columns, otherwise the word's keywords, schemas, tables
 * and the columns of the tables the statement names. SQL uses the catalog; HQL and Cypher get
 * their keywords. Stateless and pure: no engine, any thread.
 */
public final class Completion {

    /** At most this many suggestions: a popup, not a catalog browser. */
    public static final int MAX = 200;

    private static final List<String> SQL_KEYWORDS = words("SELECT FROM WHERE AND OR NOT IN IS NULL AS JOIN LEFT RIGHT "
            + "FULL INNER OUTER CROSS ON USING GROUP BY HAVING ORDER ASC DESC LIMIT OFFSET FETCH FIRST NEXT ROWS ONLY UNION "
            + "ALL INTERSECT EXCEPT DISTINCT INSERT INTO VALUES UPDATE SET DELETE RETURNING CREATE TABLE INDEX VIEW DROP "
            + "ALTER ADD COLUMN PRIMARY KEY FOREIGN REFERENCES UNIQUE CHECK DEFAULT CONSTRAINT WITH RECURSIVE CASE WHEN "
            + "THEN ELSE END EXISTS BETWEEN LIKE ILIKE OVER PARTITION WINDOW EXPLAIN ANALYZE TRUE FALSE SCHEMA CASCADE "
            + "TRUNCATE LATERAL FILTER COALESCE CAST INTERVAL COUNT SUM AVG MIN MAX RANK ROW_NUMBER DENSE_RANK");
    private static final List<String> HQL_KEYWORDS = words("SELECT FROM WHERE AND OR NOT IN IS NULL AS JOIN LEFT INNER "
            + "FETCH ON WITH GROUP BY HAVING ORDER ASC DESC LIMIT OFFSET DISTINCT UPDATE SET DELETE INSERT INTO VALUES CASE "
            + "WHEN THEN ELSE END EXISTS BETWEEN LIKE MEMBER OF ELEMENTS SIZE TREAT NEW COUNT SUM AVG MIN MAX");
    private static final List<String> CYPHER_KEYWORDS = words("MATCH OPTIONAL WHERE RETURN WITH UNWIND CREATE MERGE DELETE "
            + "DETACH SET REMOVE ORDER BY SKIP LIMIT ASC DESC AND OR NOT XOR IN IS NULL AS DISTINCT CASE WHEN THEN ELSE END "
            + "CALL YIELD UNION ALL EXISTS shortestPath allShortestPaths FOREACH count collect length nodes relationships");
    /** A table named after FROM / JOIN / UPDATE / INTO, maybe schema-qualified, maybe with an alias. */
    private static final Pattern TABLE_REFERENCE = Pattern.compile("(?i)\\b(?:from|join|update|into)\\s+"
            + "(?:([A-Za-z_][\\w$]*)\\s*\\.\\s*)?([A-Za-z_][\\w$]*)(?:\\s+(?:as\\s+)?([A-Za-z_][\\w$]*))?");
    private static final java.util.Set<String> NOT_ALIASES = java.util.Set.of("where", "join", "left", "right", "full",
            "inner", "outer", "cross", "on", "using", "group", "order", "limit", "offset", "having", "union", "set",
            "values", "natural", "window", "fetch", "for", "returning", "select", "default", "except", "intersect");

    private Completion() {
    }

    /** One thing to insert: the text, what it is ("keyword", "schema", "table", "view", "column") and a detail. */
    public record Suggestion(String text, String kind, String detail) {
        @Override
        public String toString() {
            return detail.isEmpty() ? text + "  " + kind : text + "  " + kind + " · " + detail;
        }
    }

    /**
     * Suggestions at the caret; they replace {@code text.substring(start, caret)}, the part of
     * the word typed so far.
     */
    public record Offer(int start, int caret, List<Suggestion> suggestions) {
        public Offer {
            suggestions = List.copyOf(suggestions);
        }

        public String typed(String text) {
            return text.substring(start, caret);
        }
    }

    public static Offer at(String text, int caret, ConsoleMode mode, CatalogNames catalog) {
        caret = Math.max(0, Math.min(caret, text.length()));
        int start = caret;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        String prefix = text.substring(start, caret).toLowerCase(Locale.ROOT);
        if (mode != ConsoleMode.SQL) {
            return new Offer(start, caret, keywords(mode == ConsoleMode.HQL ? HQL_KEYWORDS : CYPHER_KEYWORDS, prefix));
        }
        String statement = statementAround(text, caret);
        String qualifier = qualifierBefore(text, start);
        List<Suggestion> out = new ArrayList<>();
        if (qualifier != null) {
            Map<String, CatalogNames.Table> aliases = references(statement, catalog);
            CatalogNames.Table table = aliases.get(qualifier.toLowerCase(Locale.ROOT));
            if (table == null) {
                table = catalog.find(null, qualifier);
            }
            if (table != null) {
                addColumns(out, table, prefix, false);
            }
            for (CatalogNames.Table t : catalog.tablesOf(qualifier)) {
                if (t.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    out.add(new Suggestion(t.name(), kindOf(t), t.columns().size() + " columns"));
                }
            }
            return new Offer(start, caret, limit(out));
        }
        for (CatalogNames.Table t : references(statement, catalog).values().stream().distinct().toList()) {
            addColumns(out, t, prefix, true);
        }
        for (CatalogNames.Table t : catalog.tables()) {
            if (t.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                out.add(new Suggestion(t.onSearchPath() ? t.name() : t.schema() + "." + t.name(), kindOf(t), t.schema()));
            }
        }
        for (String schema : catalog.schemas()) {
            if (schema.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                out.add(new Suggestion(schema, "schema", ""));
            }
        }
        out.addAll(keywords(SQL_KEYWORDS, prefix));
        return new Offer(start, caret, limit(out));
    }

    /** The tables the statement names, by alias and by name (lower case). */
    static Map<String, CatalogNames.Table> references(String statement, CatalogNames catalog) {
        Map<String, CatalogNames.Table> found = new LinkedHashMap<>();
        Matcher m = TABLE_REFERENCE.matcher(statement);
        while (m.find()) {
            CatalogNames.Table table = catalog.find(m.group(1), m.group(2));
            if (table == null) {
                continue;
            }
            found.putIfAbsent(table.name().toLowerCase(Locale.ROOT), table);
            String alias = m.group(3);
            if (alias != null && !NOT_ALIASES.contains(alias.toLowerCase(Locale.ROOT))) {
                found.put(alias.toLowerCase(Locale.ROOT), table);
            }
        }
        return found;
    }

    private static void addColumns(List<Suggestion> out, CatalogNames.Table table, String prefix, boolean sayTable) {
        for (CatalogNames.ColumnName c : table.columns()) {
            if (c.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                out.add(new Suggestion(c.name(), "column", sayTable ? table.name() + " · " + c.type() : c.type()));
            }
        }
    }

    /** The word before a dot right in front of the word being typed ({@code e.na|} gives {@code e}), or null. */
    private static String qualifierBefore(String text, int start) {
        if (start == 0 || text.charAt(start - 1) != '.') {
            return null;
        }
        int end = start - 1;
        int begin = end;
        while (begin > 0 && isWordChar(text.charAt(begin - 1))) {
            begin--;
        }
        return begin == end ? null : text.substring(begin, end);
    }

    /** The statement the caret is in: from the last semicolon before it to the next one after. */
    private static String statementAround(String text, int caret) {
        int from = text.lastIndexOf(';', Math.max(0, caret - 1)) + 1;
        int to = text.indexOf(';', caret);
        return text.substring(Math.min(from, caret), to < 0 ? text.length() : to);
    }

    private static List<Suggestion> keywords(List<String> words, String prefix) {
        List<Suggestion> out = new ArrayList<>();
        for (String w : words) {
            if (w.toLowerCase(Locale.ROOT).startsWith(prefix) && !w.equalsIgnoreCase(prefix)) {
                out.add(new Suggestion(w, "keyword", ""));
            }
        }
        return out;
    }

    private static String kindOf(CatalogNames.Table t) {
        return t.kind().equals("view") ? "view" : "table";
    }

    private static List<Suggestion> limit(List<Suggestion> all) {
        List<Suggestion> distinct = all.stream().distinct().toList();
        return distinct.size() <= MAX ? distinct : distinct.subList(0, MAX);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static List<String> words(String all) {
        return List.of(all.split(" "));
    }
}
