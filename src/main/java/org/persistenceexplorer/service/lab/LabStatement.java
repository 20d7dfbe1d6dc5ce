package org.persistenceexplorer.service.lab;

import java.util.List;
import org.persistenceexplorer.domain.statement.StatementKind;

/**
 * One statement of a lab run, with the Java line that caused it (for step mode). Immutable.
 *
 * @param kind       SELECT, TX (BEGIN / COMMIT), ...
 * @param text       the SQL Hibernate sent
 * @param parameters its bound values, as the log shows them
 * @param rows       rows returned or affected where the capture knows, -1 otherwise
 * @param javaLine   the line of the scenario's code that was running when it was sent
 */
public record LabStatement(StatementKind kind, String text, List<String> parameters, long rows, String javaLine) {

    public LabStatement {
        parameters = List.copyOf(parameters);
    }
}
