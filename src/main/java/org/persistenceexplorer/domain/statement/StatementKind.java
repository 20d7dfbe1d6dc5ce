package org.persistenceexplorer.domain.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a captured statement does, in the categories the statement log counts by.
 * SQL kinds come from the statement's first keyword (after comments, nested ones included, and
 * opening parentheses), with three refinements so the kind is what the statement does:
 * a WITH query is its main statement, {@code EXPLAIN ANALYZE <statement>} runs the statement and
 * counts as it (plain EXPLAIN only plans: SELECT), and COPY ... TO reads (SELECT) while
 * COPY ... FROM writes (INSERT). Quotes and comments are skipped by PostgreSQL's own rules
 * ({@link SqlText}). Cypher kinds come from the query type the Neo4j server reports in the result
 * summary, so they are the server's own word.
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

    /** The statement's first keyword in upper case, comments and opening parentheses skipped ("" if none). */
    public static String firstKeyword(String sql) {
        return sql == null ? "" : wordAt(sql, skipNoiseAndParens(sql, 0)).toUpperCase(Locale.ROOT);
    }

    /** Classifies SQL text by its first keyword (comments and opening parentheses skipped). */
    public static StatementKind ofSql(String sql) {
        if (sql == null) {
            return OTHER;
        }
        int at = skipNoiseAndParens(sql, 0);
        String word = wordAt(sql, at);
        // EXPLAIN's own head is read by ExplainSyntax, from the keyword on
        int after = at + word.length();
        switch (word.toUpperCase(Locale.ROOT)) {
            case "SELECT": case "VALUES": case "TABLE":
                return SELECT;
            case "EXPLAIN":
                return classifyExplain(sql.substring(at));
            case "WITH":
                return classifyWith(sql, after);
            case "COPY":
                return classifyCopy(sql, after);
            case "INSERT": case "MERGE":
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
     * {@code EXPLAIN ANALYZE x} (also {@code EXPLAIN (ANALYZE, ...) x}, {@code EXPLAIN ANALYSE},
     * {@code EXPLAIN (ANALYZE true) x}) executes x, so it counts as x; a plain EXPLAIN, or one with
     * {@code ANALYZE false / off / 0}, only plans and reads nothing but the catalog (see {@link ExplainSyntax}).
     */
    private static StatementKind classifyExplain(String sql) {
        ExplainSyntax explain = ExplainSyntax.of(sql);
        return explain != null && explain.analyze() ? ofSql(sql.substring(explain.statementStart())) : SELECT;
    }

    /** COPY ... TO (a file, a program, STDOUT) reads the table or query; COPY ... FROM writes it. */
    private static StatementKind classifyCopy(String sql, int from) {
        for (String word : topLevelWords(sql, from)) {
            if (word.equals("TO")) {
                return SELECT;
            }
            if (word.equals("FROM")) {
                return INSERT;
            }
        }
        return OTHER;
    }

    /**
     * A WITH query is classified by its main statement: the first data verb outside the
     * parentheses of the common table expressions (and outside quotes and comments). Verbs inside
     * the CTEs or in subqueries of the main statement do not count.
     */
    private static StatementKind classifyWith(String sql, int from) {
        for (String word : topLevelWords(sql, from)) {
            switch (word) {
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
        return SELECT;
    }

    /** The upper-cased words outside parentheses, quotes and comments, from {@code from} on. */
    private static List<String> topLevelWords(String sql, int from) {
        List<String> words = new ArrayList<>();
        walk(sql, from, words::add);
        return words;
    }

    /**
     * Hands the upper-cased words outside parentheses, quotes and comments to {@code words}, from
     * {@code from} up to the parenthesis that closes a group opened before {@code from}.
     *
     * @return the index of that closing parenthesis, or the text's length
     */
    private static int walk(String sql, int from, Consumer<String> words) {
        int depth = 0;
        int i = from;
        while (i < sql.length()) {
            int skipped = SqlText.skipCommentOrQuoted(sql, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                if (--depth < 0) {
                    return i;
                }
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                String word = wordAt(sql, i);
                if (depth == 0) {
                    words.accept(word.toUpperCase(Locale.ROOT));
                }
                i += word.length();
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int skipNoiseAndParens(String sql, int from) {
        int at = SqlText.skipNoise(sql, from);
        while (at < sql.length() && sql.charAt(at) == '(') {
            at = SqlText.skipNoise(sql, at + 1);
        }
        return at;
    }

    private static String wordAt(String sql, int at) {
        int end = at;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        return sql.substring(Math.min(at, end), end);
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
