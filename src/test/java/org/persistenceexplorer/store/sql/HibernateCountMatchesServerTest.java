package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.hr.Department;
import org.persistenceexplorer.domain.hr.Employee;
import org.persistenceexplorer.domain.hr.Project;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementListener;
import org.persistenceexplorer.testsupport.ServerStatementCount;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The app's statement count must equal what PostgreSQL itself executed (pg_stat_statements)
 * when the statements come from Hibernate: queries inside and outside a transaction, lazy
 * loading, persist + flush + commit, an update found by dirty checking, a rollback, and JDBC
 * batches (hibernate.jdbc.batch_size 20) of updates, collection rows and deletes. The rows it
 * writes are its own and are deleted again by the workload itself.
 */
class HibernateCountMatchesServerTest {

    private static final String NAME = "Count check department";
    private static final int PEOPLE = 45;

    private static SessionFactory sessions;
    private final List<CapturedStatement> seen = new CopyOnWriteArrayList<>();
    private final StatementListener listener = seen::add;
    private ServerStatementCount server;

    @BeforeAll
    static void openHibernate() {
        sessions = TestEngines.hibernate();
    }

    @BeforeEach
    void listen() throws SQLException {
        server = new ServerStatementCount(TestEngines.sql().database());
        server.reset();
        TestEngines.sql().recorder().addListener(listener);
    }

    @AfterEach
    void stopListeningAndCleanUp() throws SQLException {
        TestEngines.sql().recorder().removeListener(listener);
        // only does something if the workload failed half-way
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM hr.employee WHERE email LIKE 'count.check.%'");
            s.executeUpdate("DELETE FROM hr.project WHERE name LIKE 'Count Check Project %'");
            s.executeUpdate("DELETE FROM hr.department WHERE name = '" + NAME + "'");
        }
    }

    @Test
    void everyStatementOfAHibernateWorkloadIsCountedExactlyOnce() throws SQLException {
        // queries in a read-only unit of work, with lazy loading
        sessions.inTransaction(session -> {
            List<Department> departments = session.createSelectionQuery("from Department order by id", Department.class)
                    .getResultList();
            departments.get(0).getEmployees().size();
            Employee ceo = session.find(Employee.class, 1L);
            ceo.getSubordinates().forEach(vp -> vp.getDepartment().getName());
            session.createSelectionQuery("select count(e) from Employee e where e.salary > :s", Long.class)
                    .setParameter("s", new BigDecimal("100000")).getSingleResult();
            session.createNativeQuery("SELECT count(*) FROM hr.employee_project", Long.class).getSingleResult();
        });
        // a query outside any transaction: the connection stays in auto-commit
        try (Session session = sessions.openSession()) {
            session.createSelectionQuery("from Project where department.name = 'Engineering'", Project.class).getResultList();
        }

        // persist + flush + commit
        Long departmentId = sessions.fromTransaction(session -> {
            Department department = new Department(NAME, new BigDecimal("50000.00"));
            session.persist(department);
            for (int i = 1; i <= PEOPLE; i++) {
                Employee e = new Employee("Count Check " + i, "count.check." + i + "@example.com", "Tester",
                        new BigDecimal("40000.00"), LocalDate.of(2024, 1, 1));
                department.addEmployee(e);
                session.persist(e);
                Project project = new Project("Count Check Project " + i, LocalDate.of(2024, 1, 1));
                project.setDepartment(department);
                session.persist(project);
            }
            session.flush();
            return department.getId();
        });

        // an update found by dirty checking
        sessions.inTransaction(session -> session.find(Department.class, departmentId).setBudget(new BigDecimal("60000.00")));

        // a rollback after a flush
        try (Session session = sessions.openSession()) {
            session.beginTransaction();
            session.find(Department.class, departmentId).setName(NAME + " (renamed)");
            session.flush();
            session.getTransaction().rollback();
        }

        // JDBC batches: 45 dirty projects (Employee has @DynamicUpdate, and Hibernate never batches
        // dynamic updates: projects are the batched updates here), 90 new employee_project rows, and
        // then 45 + 45 deletes
        sessions.inTransaction(session -> {
            List<Employee> people = session.createSelectionQuery(
                    "from Employee e where e.department.id = :d order by e.id", Employee.class)
                    .setParameter("d", departmentId).getResultList();
            List<Project> projects = session.createSelectionQuery("from Project where id in (1, 2)", Project.class)
                    .getResultList();
            for (Employee e : people) {
                projects.forEach(e::addProject);
            }
            session.createSelectionQuery("from Project p where p.department.id = :d order by p.id", Project.class)
                    .setParameter("d", departmentId).getResultList()
                    .forEach(p -> p.setStartedOn(p.getStartedOn().plusDays(1)));
        });
        sessions.inTransaction(session -> {
            Department department = session.find(Department.class, departmentId);
            List<Employee> people = new ArrayList<>(department.getEmployees());
            people.forEach(session::remove);
            session.createSelectionQuery("from Project p where p.department.id = :d", Project.class)
                    .setParameter("d", departmentId).getResultList().forEach(session::remove);
            session.remove(department);
        });

        server.assertAppCountMatches(seen);
        assertThat(seen).filteredOn(s -> s.kind() == StatementKind.UPDATE && s.batchSize() == 20).isNotEmpty();
        assertThat(seen).filteredOn(s -> s.kind() == StatementKind.INSERT && s.batchSize() == 20)
                .anyMatch(s -> s.text().contains("employee_project"));
        assertThat(seen).filteredOn(s -> s.kind() == StatementKind.DELETE && s.batchSize() == 20).isNotEmpty();
        assertThat(seen).filteredOn(s -> s.kind() == StatementKind.TX).extracting(CapturedStatement::text)
                .contains("BEGIN", "COMMIT", "ROLLBACK");
    }

    @Test
    void aHibernateBatchedFlushFailingAtRowSixCountsTheRowsTheServerRan() throws SQLException {
        // projects, not employees: Employee has @DynamicUpdate, whose updates Hibernate never batches
        String taken = sessions.fromTransaction(session -> session.createSelectionQuery(
                "select p.name from Project p order by p.id desc", String.class).setMaxResults(1).getSingleResult());

        assertThatThrownBy(() -> sessions.inTransaction(session -> {
            List<Project> ten = session.createSelectionQuery("from Project p order by p.id", Project.class)
                    .setMaxResults(10).getResultList();
            for (int i = 0; i < ten.size(); i++) {
                ten.get(i).setName(i == 5 ? taken : "Batch Fail " + i);
            }
        })).isInstanceOf(RuntimeException.class);

        server.assertAppCountMatches(seen);
        assertThat(seen).filteredOn(s -> s.kind() == StatementKind.UPDATE && s.succeeded()).singleElement()
                .extracting(CapturedStatement::batchSize).isEqualTo(5);
    }
}
