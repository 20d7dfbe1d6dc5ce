package org.persistenceexplorer.service.console;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.query.Query;
import org.persistenceexplorer.domain.console.Column;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.ConsoleResult;
import org.persistenceexplorer.domain.console.ConsoleRun;
import org.persistenceexplorer.domain.console.NamedParameters;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.orm.SessionOptions;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * The console's HQL / JPQL mode: runs a query through the app's one Hibernate, in a session and
 * transaction of its own (committed for an update or delete that succeeds, rolled back otherwise),
 * and shows next to the rows the SQL Hibernate generated for it, taken from the statement log by
 * the run's action label and thread. Entities are shown by their basic attributes; a to-one
 * association by its id, without loading it. Input is checked for size and nesting before the
 * parser sees it (Hibernate's parser exhausts the heap or the stack on deeply nested input).
 *
 * <p>Blocking; call off the FX thread, one call at a time (the console's lane).
 */
public final class HqlConsole {

    /** The most rows one query returns (setMaxResults); HQL has no cursor here. */
    public static final int MAX_ROWS = 1000;
    static final int MAX_LENGTH = 20_000;
    static final int MAX_NESTING = 32;
    static final int MAX_OPERATORS = 400;
    private static final Pattern UNKNOWN_ENTITY =
            Pattern.compile("(?i)(?:could not resolve (?:root )?entity|unknown entity|not mapped)[^'\"]*['\"]?([\\w.$]+)");

    private final OrmSessions orm;
    private final StatementLog log;

    public HqlConsole(OrmSessions orm, StatementLog log) {
        this.orm = orm;
        this.log = log;
    }

    public ConsoleRun run(ScriptPiece piece, RunSettings settings) throws ConsoleFailure {
        refuseUnparseable(piece);
        if (!orm.isOpen()) {
            throw new ConsoleFailure(ConsoleFailure.Reason.ERROR, "Hibernate is still starting; try again in a moment.",
                    -1, "", null);
        }
        String hql = piece.text();
        boolean mutation = hql.strip().toLowerCase(Locale.ROOT).matches("(?s)^(update|delete|insert)\\b.*");
        if (mutation) {
            Guards.confirmWrite(new ScriptPiece(hql.replaceFirst("(?i)^\\s*insert", "INSERT"), piece.start()), settings);
        }
        long cursor = log.position().cursor();
        long started = System.nanoTime();
        List<ConsoleResult> results = new ArrayList<>();
        try (Session session = orm.openSession(SessionOptions.DEFAULTS)) {
            session.setDefaultReadOnly(!mutation);
            Transaction tx = session.beginTransaction();
            try {
                Query<?> query = session.createQuery(hql);
                if (settings.timeoutSeconds() > 0) {
                    query.setTimeout(settings.timeoutSeconds());
                }
                for (String name : NamedParameters.names(hql, ConsoleMode.HQL)) {
                    String value = settings.parameters().get(name);
                    if (value == null) {
                        throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "The query uses :" + name
                                + " but the parameters panel has no value for it.", -1, "", null);
                    }
                    query.setParameter(name, HqlValues.parse(value));
                }
                if (mutation) {
                    int count = query.executeUpdate();
                    results.add(new ConsoleResult.Updated("Result 1", hql.strip().split("\\s+")[0].toUpperCase(Locale.ROOT), count));
                    tx.commit();
                } else {
                    query.setMaxResults(MAX_ROWS + 1);
                    List<?> rows = query.list();
                    results.add(rows(session.getSessionFactory(), rows));
                    tx.rollback();
                }
            } catch (RuntimeException | StackOverflowError e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        } catch (StackOverflowError e) {
            throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "The query is nested too deeply for Hibernate's parser.",
                    -1, "", null);
        } catch (RuntimeException e) {
            throw failure(e, piece);
        }
        return new ConsoleRun(hql, results, System.nanoTime() - started, generatedSql(cursor));
    }

    /** What this thread sent under the current action since {@code cursor}: Hibernate's SQL for this query. */
    private List<String> generatedSql(long cursor) {
        String action = WorkContext.currentAction();
        String thread = Thread.currentThread().getName();
        return log.readFrom(cursor).statements().stream()
                .filter(s -> s.engine() == Engine.POSTGRESQL && s.action().equals(action) && s.thread().equals(thread))
                .map(CapturedStatement::text)
                .toList();
    }

    private static void refuseUnparseable(ScriptPiece piece) throws ConsoleFailure {
        String hql = piece.text();
        if (hql.length() > MAX_LENGTH) {
            throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "The query is " + hql.length()
                    + " characters long; the console sends HQL of at most " + MAX_LENGTH + ".", -1, "", null);
        }
        int depth = 0;
        int deepest = 0;
        int operators = 0;
        for (int i = 0; i < hql.length(); i++) {
            char c = hql.charAt(i);
            if (c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')') {
                depth--;
            } else if ("+-*/|".indexOf(c) >= 0) {
                operators++;
            }
        }
        if (deepest > MAX_NESTING || operators > MAX_OPERATORS) {
            throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "The query nests " + deepest + " parentheses deep with "
                    + operators + " operators; the console sends HQL up to " + MAX_NESTING + " deep and "
                    + MAX_OPERATORS + " operators (Hibernate's parser runs out of memory on deeper input).", -1, "", null);
        }
        // Hibernate 7.3's lexer drops characters it does not know ("where e.id = @id" returns every row).
        for (int i = 0; i < hql.length(); i++) {
            char c = hql.charAt(i);
            if ((c == '@' || c == '#' || c == '`' || c == '\\' || c == '{' || c == '}' || c == ';' || c < 0x20 && !Character.isWhitespace(c))
                    && !insideString(hql, i)) {
                throw new ConsoleFailure(ConsoleFailure.Reason.ERROR, "HQL has no '" + (c < 0x20 ? "\\u" + (int) c : c)
                        + "' here (Hibernate would silently drop it and run a different query).", piece.start() + i, "", null);
            }
        }
    }

    private static boolean insideString(String hql, int index) {
        boolean inside = false;
        for (int i = 0; i < index; i++) {
            if (hql.charAt(i) == '\'') {
                inside = !inside;
            }
        }
        return inside;
    }

    private ConsoleFailure failure(RuntimeException e, ScriptPiece piece) {
        String message = Guards.firstLine(e);
        Matcher unknown = UNKNOWN_ENTITY.matcher(message);
        if (unknown.find()) {
            String known = String.join(", ", orm.factory().getMetamodel().getEntities().stream()
                    .map(EntityType::getName).sorted().toList());
            return new ConsoleFailure(ConsoleFailure.Reason.ERROR, "There is no entity named '" + unknown.group(1)
                    + "'. HQL names entities by their class, not their table: the known entities are " + known + ".",
                    positionOf(piece, unknown.group(1)), "", e);
        }
        java.sql.SQLException sql = Guards.causeOf(e, java.sql.SQLException.class);
        if (sql != null && "57014".equals(sql.getSQLState())) {
            return WorkContext.cancelled()
                    ? new ConsoleFailure(ConsoleFailure.Reason.CANCELLED, "Cancelled: the query was stopped on the server.", -1, "57014", e)
                    : new ConsoleFailure(ConsoleFailure.Reason.TIMEOUT, "Stopped on the server: it ran longer than its time limit.", -1, "57014", e);
        }
        int offset = -1;
        Matcher at = Pattern.compile("line (\\d+):(\\d+)").matcher(message);
        if (at.find()) {
            offset = offsetOf(piece, Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)));
        }
        return new ConsoleFailure(ConsoleFailure.Reason.ERROR, "Hibernate refused the query: " + message, offset, "", e);
    }

    private static int positionOf(ScriptPiece piece, String name) {
        int at = piece.text().indexOf(name);
        return at < 0 ? -1 : piece.start() + at;
    }

    private static int offsetOf(ScriptPiece piece, int line, int column) {
        int at = 0;
        for (int l = 1; l < line && at >= 0; l++) {
            at = piece.text().indexOf('\n', at) + 1;
            if (at == 0) {
                return -1;
            }
        }
        return piece.start() + Math.min(piece.text().length(), at + column);
    }

    private static ConsoleResult.Rows rows(SessionFactory factory, List<?> rows) {
        boolean capped = rows.size() > MAX_ROWS;
        List<?> shown = capped ? rows.subList(0, MAX_ROWS) : rows;
        String note = capped ? "Showing the first " + MAX_ROWS + " rows (setMaxResults)." : "";
        Object first = shown.isEmpty() ? null : shown.get(0);
        EntityType<?> entity = first == null || first instanceof Object[] ? null : entityOf(factory, first);
        if (entity != null) {
            List<SingularAttribute<?, ?>> attributes = attributes(entity);
            List<Column> columns = attributes.stream().map(a -> new Column(a.getName(), a.getJavaType().getSimpleName())).toList();
            List<List<String>> table = new ArrayList<>();
            for (Object row : shown) {
                List<String> cells = new ArrayList<>();
                for (SingularAttribute<?, ?> a : attributes) {
                    cells.add(text(factory, read(row, a)));
                }
                table.add(cells);
            }
            return new ConsoleResult.Rows(entity.getName(), columns, table, false, note);
        }
        int width = first instanceof Object[] tuple ? tuple.length : 1;
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            Object sample = first instanceof Object[] tuple ? tuple[i] : first;
            columns.add(new Column("#" + (i + 1), sample == null ? "" : sample.getClass().getSimpleName()));
        }
        List<List<String>> table = new ArrayList<>();
        for (Object row : shown) {
            List<String> cells = new ArrayList<>();
            if (row instanceof Object[] tuple) {
                for (Object v : tuple) {
                    cells.add(text(factory, v));
                }
            } else {
                cells.add(text(factory, row));
            }
            table.add(cells);
        }
        return new ConsoleResult.Rows("Result 1", columns, table, false, note);
    }

    private static EntityType<?> entityOf(SessionFactory factory, Object value) {
        Class<?> type = org.hibernate.Hibernate.getClassLazy(value);
        return factory.getMetamodel().getEntities().stream().filter(e -> e.getJavaType() == type).findFirst().orElse(null);
    }

    /** Id first, then the other single-valued attributes by name; collections are left out (they would load). */
    private static List<SingularAttribute<?, ?>> attributes(EntityType<?> entity) {
        List<SingularAttribute<?, ?>> all = new ArrayList<>(entity.getSingularAttributes());
        all.sort(Comparator.comparing((SingularAttribute<?, ?> a) -> !a.isId()).thenComparing(Attribute::getName));
        return all;
    }

    private static Object read(Object entity, SingularAttribute<?, ?> attribute) {
        try {
            if (attribute.getJavaMember() instanceof Field field) {
                field.setAccessible(true);
                return field.get(org.hibernate.Hibernate.unproxy(entity));
            }
            return null;
        } catch (IllegalAccessException | RuntimeException e) {
            return "?";
        }
    }

    private static String text(SessionFactory factory, Object value) {
        if (value == null) {
            return null;
        }
        EntityType<?> entity = entityOf(factory, value);
        if (entity != null) {
            // The id of an association, read without loading it (a lazy proxy knows its id).
            return entity.getName() + "#" + factory.getPersistenceUnitUtil().getIdentifier(value);
        }
        return String.valueOf(value);
    }
}
