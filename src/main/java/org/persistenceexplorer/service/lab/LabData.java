package org.persistenceexplorer.service.lab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * The lab's own schema {@code lab} and its data: N departments (10..10,000) with three employees
 * each (the first manages the other two), two projects per department and every employee on
 * both. Separate from the HR sample, which other tabs and tests rely on. The data is written
 * with set-based SQL (generate_series): seeding is setup, not one of the lab's lessons, and
 * runs under its own action label so it never counts into a run. Blocking; thread-safe.
 */
public final class LabData {

    public static final int MIN_PARENTS = 10;
    public static final int MAX_PARENTS = 10_000;
    /** Employees per department. */
    public static final int CHILDREN = 3;
    /** Projects per department (each employee works on all of them). */
    public static final int PROJECTS = 2;

    private static final String[] SCHEMA = {
        "CREATE SCHEMA IF NOT EXISTS lab",
        "CREATE TABLE IF NOT EXISTS lab.department (id bigint PRIMARY KEY, name text NOT NULL)",
        "CREATE TABLE IF NOT EXISTS lab.employee (id bigint PRIMARY KEY, name text NOT NULL, "
                + "salary numeric(12,2) NOT NULL, department_id bigint NOT NULL REFERENCES lab.department, "
                + "manager_id bigint REFERENCES lab.employee)",
        "CREATE INDEX IF NOT EXISTS employee_department_idx ON lab.employee (department_id)",
        "CREATE TABLE IF NOT EXISTS lab.project (id bigint PRIMARY KEY, name text NOT NULL)",
        "CREATE TABLE IF NOT EXISTS lab.employee_project (employee_id bigint NOT NULL REFERENCES lab.employee, "
                + "project_id bigint NOT NULL REFERENCES lab.project, PRIMARY KEY (employee_id, project_id))",
    };

    private final Supplier<DataSource> dataSource;
    /** What this process last seeded (0: not known yet, ask the table). */
    private volatile int seeded;

    public LabData(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    /** Makes the lab hold exactly {@code parents} departments; does nothing when it already does. */
    public synchronized void ensure(int parents) throws SQLException {
        if (parents < MIN_PARENTS || parents > MAX_PARENTS) {
            throw new IllegalArgumentException("The lab seeds between " + MIN_PARENTS + " and " + MAX_PARENTS
                    + " departments, not " + parents + ".");
        }
        if (seeded == parents) {
            return;
        }
        try (WorkContext.Scope ignored = WorkContext.enter("lab: seed " + parents + " departments");
             Connection c = dataSource.get().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
                if (count(c) != parents) {
                    s.execute("TRUNCATE lab.employee_project, lab.employee, lab.project, lab.department");
                    insert(c, "INSERT INTO lab.department (id, name) SELECT d, 'Department ' || d "
                            + "FROM generate_series(1, ?) d", parents);
                    insert(c, "INSERT INTO lab.employee (id, name, salary, department_id, manager_id) "
                            + "SELECT (d - 1) * 3 + i, 'Employee ' || ((d - 1) * 3 + i), 40000 + i * 1000, d, "
                            + "CASE WHEN i = 1 THEN NULL ELSE (d - 1) * 3 + 1 END "
                            + "FROM generate_series(1, ?) d, generate_series(1, 3) i ORDER BY 1", parents);
                    insert(c, "INSERT INTO lab.project (id, name) SELECT (d - 1) * 2 + j, 'Project ' || ((d - 1) * 2 + j) "
                            + "FROM generate_series(1, ?) d, generate_series(1, 2) j", parents);
                    insert(c, "INSERT INTO lab.employee_project (employee_id, project_id) "
                            + "SELECT (d - 1) * 3 + i, (d - 1) * 2 + j "
                            + "FROM generate_series(1, ?) d, generate_series(1, 3) i, generate_series(1, 2) j", parents);
                    s.execute("ANALYZE lab.department, lab.employee, lab.project, lab.employee_project");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        seeded = parents;
    }

    /** Forgets what was seeded (another writer changed the lab's rows): the next ensure checks the table. */
    public void forget() {
        seeded = 0;
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM lab.department")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void insert(Connection c, String sql, int parents) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setInt(1, parents);
            p.executeUpdate();
        }
    }
}
