package org.persistenceexplorer.domain.statement;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a captured statement does, in the categories the statement log counts by.
 * SQL kinds come from the statement's first keyword; Cypher kinds come from the query type
 * the Neo4j server reports in the result summary, so they are the server's own word.
 */
public enum StatementKind {
    SELECT(Engine.POSTGRESQL, "SELECT"),
    INSERT(Engine.POSTGRESQL, "INSERT"),
    UPDATE(Engine.POSTGRESQL, "UPDATE"),
    DELETE(Engine.POSTGRESQL, "DELETE"),
    DDL(Engine.POSTGRESQL, "DDL"),
    /** begin / commit / rollback / savepoint. */
    TX(Engine.POSTGRESQL, "TX"),
    OTHER(Engine.POSTGRESQL, "OTHER"),
    CYPHER_READ(Engine.NEO4J, "READ"),
    CYPHER_WRITE(Engine.NEO4J, "WRITE"),
    CYPHER_SCHEMA(Engine.NEO4J, "SCHEMA");

    private static final Pattern LEADING_NOISE = Pattern.compile("^(\\s+|--[^\\n]*\\n|/\\*.*?\\*/|\\()+", Pattern.DOTALL);

    private final Engine engine;
    private final String label;

    StatementKind(Engine engine, String label) {
        this.engine = engine;
        this.label = label;
    }

    public Engine engine() {
        return engine;
    }

    /** Short label for the log and the counters, e.g. "SELECT" or "WRITE". */
    public String label() {
        return label;
    }

    /** Classifies SQL text by its first keyword (comments and opening parentheses skipped). */
    public static StatementKind ofSql(String sql) {
        if (sql == null) {
            return OTHER;
        }
        // lookingAt() tries the start only; replaceFirst("^...") would try every position.
        Matcher noise = LEADING_NOISE.matcher(sql);
        String text = noise.lookingAt() ? sql.substring(noise.end()) : sql;
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String word = text.substring(0, end).toUpperCase(Locale.ROOT);
        switch (word) {
            case "SELECT": case "VALUES": case "TABLE": case "EXPLAIN":
                return SELECT;
            case "WITH":
                return classifyWith(text);
            case "INSERT": case "COPY": case "MERGE":
                return INSERT;
            case "UPDATE":
                return UPDATE;
            case "DELETE": case "TRUNCATE":
                return DELETE;
            case "CREATE": case "ALTER": case "DROP": case "COMMENT": case "GRANT": case "REVOKE":
            case "RENAME":
                return DDL;
            case "BEGIN": case "START": case "COMMIT": case "END": case "ROLLBACK": case "SAVEPOINT":
            case "RELEASE": case "ABORT":
                return TX;
            default:
                return OTHER;
        }
    }

    /**
     * A WITH query is classified by its main statement: the first data verb outside the
     * parentheses of the common table expressions (and outside quotes). Verbs inside the CTEs
     * or in subqueries of the main statement do not count.
     */
    private static StatementKind classifyWith(String text) {
        int depth = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                i = close < 0 ? text.length() : close + 1;
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth--;
                i++;
            } else if (Character.isLetter(c)) {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                if (depth == 0) {
                    switch (text.substring(i, end).toUpperCase(Locale.ROOT)) {
                        case "SELECT": case "VALUES": case "TABLE":
                            return SELECT;
                        case "INSERT": case "MERGE":
                            return INSERT;
                        case "UPDATE":
                            return UPDATE;
                        case "DELETE":
                            return DELETE;
                        default:
                            break;
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return SELECT;
    }

    /** Maps the Neo4j driver's query type name (READ_ONLY, READ_WRITE, WRITE_ONLY, SCHEMA_WRITE). */
    public static StatementKind ofCypherQueryType(String queryType) {
        if (queryType == null) {
            return CYPHER_READ;
        }
        switch (queryType) {
            case "SCHEMA_WRITE":
                return CYPHER_SCHEMA;
            case "READ_WRITE": case "WRITE_ONLY":
                return CYPHER_WRITE;
            default:
                return CYPHER_READ;
        }
    }
}
