package org.persistenceexplorer.service.hrdata;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.CancellationException;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.capture.WorkContext;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams a company's rows into its tables with one {@code COPY ... FROM STDIN} per table, in
 * COPY's text format, flushing every 64 kB so memory stays flat. Departments go in with budget 0;
 * the generator sets the budgets afterwards (they follow from the payroll, known last).
 * Checks for cancel between rows, so a cancel lands even between two flushes. One thread.
 */
final class CopyRows implements HrCompany.Rows {

    private static final int FLUSH_AT = 64 * 1024;

    private final CopyManager copy;
    private final String schema;
    private final int employees;
    private final Progress progress;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
    private CopyIn current;
    private String currentTable;
    private int employeesWritten;
    private long[] budgets;

    CopyRows(CopyManager copy, String schema, int employees, Progress progress) {
        this.copy = copy;
        this.schema = schema;
        this.employees = employees;
        this.progress = progress;
    }

    @Override
    public void department(int id, String name, String createdAt) throws SQLException {
        into("department", "id, name, budget, created_at");
        row(Integer.toString(id), name, "0", createdAt);
    }

    @Override
    public void employee(int id, String name, String email, String title, int salary, LocalDate hiredOn,
                         int departmentId, int managerId) throws SQLException {
        into("employee", "id, name, email, title, salary, hired_on, department_id, manager_id");
        row(Integer.toString(id), name, email, title, Integer.toString(salary), hiredOn.toString(),
                Integer.toString(departmentId), managerId == 0 ? null : Integer.toString(managerId));
        if (++employeesWritten % 10_000 == 0) {
            progress.update(0.75 * employeesWritten / employees,
                    String.format("Writing employees: %,d of %,d", employeesWritten, employees));
        }
    }

    @Override
    public void project(int id, String name, int departmentId, LocalDate startedOn) throws SQLException {
        into("project", "id, name, department_id, started_on");
        row(Integer.toString(id), name, Integer.toString(departmentId), startedOn.toString());
    }

    @Override
    public void assignment(int employeeId, int projectId) throws SQLException {
        if (!"employee_project".equals(currentTable)) {
            progress.update(0.78, "Writing project assignments");
        }
        into("employee_project", "employee_id, project_id");
        row(Integer.toString(employeeId), Integer.toString(projectId));
    }

    @Override
    public void budgets(long[] budgets) {
        this.budgets = budgets.clone();
    }

    long[] budgets() {
        return budgets.clone();
    }

    /** Ends the last COPY. */
    void finish() throws SQLException {
        end();
    }

    /** After a failure: leaves COPY mode, so the connection can roll back. */
    void abandon() {
        try {
            if (current != null && current.isActive()) {
                current.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is broken; rollback fails too and the pool drops it
        }
        current = null;
        currentTable = null;
    }

    private void into(String table, String columns) throws SQLException {
        if (table.equals(currentTable)) {
            return;
        }
        end();
        current = copy.copyIn("COPY " + schema + "." + table + " (" + columns + ") FROM STDIN");
        currentTable = table;
    }

    private void row(String... values) throws SQLException {
        if (WorkContext.cancelled()) {
            throw new CancellationException("Generating was cancelled; nothing changed.");
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            appendEscaped(values[i]);
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** COPY text format: \N is NULL; backslash, tab, newline and carriage return are escaped. */
    private void appendEscaped(String value) {
        if (value == null) {
            buffer.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(ch);
            }
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            current.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    private void end() throws SQLException {
        if (current == null) {
            return;
        }
        try {
            flush();
            current.endCopy();
        } finally {
            if (current.isActive()) {
                current.cancelCopy();
            }
            current = null;
            currentTable = null;
        }
    }
}
