package org.persistenceexplorer.domain.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementListener;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The HR entities against the migrated sample data through Hibernate on the captured pool:
 * navigation both ways, the server-filled {@code created_at}, and the statements that lazy
 * loading and a join fetch cause. Every test runs in a transaction that is rolled back.
 */
class HrMappingTest {

    private static final String ACTION = "test: hr mapping";

    private static SessionFactory sessions;
    private final List<CapturedStatement> seen = new CopyOnWriteArrayList<>();
    private final StatementListener listener = statement -> {
        if (ACTION.equals(statement.action())) {
            seen.add(statement);
        }
    };

    @BeforeAll
    static void openHibernate() {
        sessions = TestEngines.hibernate();
    }

    @BeforeEach
    void listen() {
        TestEngines.sql().recorder().addListener(listener);
    }

    @AfterEach
    void stopListening() {
        TestEngines.sql().recorder().removeListener(listener);
    }

    @Test
    void navigatesDepartmentsEmployeesManagersSubordinatesAndProjects() {
        inRolledBackTransaction(session -> {
            List<Department> departments = session.createSelectionQuery("from Department order by id", Department.class)
                    .getResultList();
            assertThat(departments).extracting(Department::getName)
                    .hasSize(8).contains("Executive", "Engineering", "Sales");

            Employee ceo = session.createSelectionQuery("from Employee where manager is null", Employee.class)
                    .getSingleResult();
            assertThat(ceo.getTitle()).isEqualTo("Chief Executive Officer");
            assertThat(ceo.getDepartment().getName()).isEqualTo("Executive");
            assertThat(ceo.getDepartment().getEmployees()).contains(ceo);
            assertThat(ceo.getSubordinates()).hasSizeBetween(5, 9)
                    .allSatisfy(report -> assertThat(report.getManager()).isSameAs(ceo));
            assertThat(ceo.getSubordinates()).filteredOn(e -> e.getTitle().startsWith("VP of")).hasSize(7);

            Department engineering = departments.get(1);
            assertThat(engineering.getEmployees()).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getDepartment()).isSameAs(engineering));
            assertThat(engineering.getProjects()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.getDepartment()).isSameAs(engineering));

            Employee staff = session.createSelectionQuery(
                    "from Employee e where size(e.projects) = 3 order by e.id", Employee.class)
                    .setMaxResults(1).getSingleResult();
            assertThat(staff.getSubordinates()).isEmpty();
            assertThat(staff.getManager().getSubordinates()).contains(staff);
            assertThat(staff.getProjects()).hasSize(3)
                    .allSatisfy(p -> assertThat(p.getMembers()).contains(staff));
        });
    }

    @Test
    void insertingADepartmentReadsTheServerFilledCreatedAt() {
        String name = "Mapping check " + System.nanoTime();
        inRolledBackTransaction(session -> {
            Department department = new Department(name, new BigDecimal("125000.00"));
            assertThat(department.getCreatedAt()).as("the app never sets it").isNull();

            // IDENTITY ids: persist inserts at once, and the insert reads back the id and created_at
            session.persist(department);
            session.flush();
            assertThat(seen).as("no extra SELECT to refresh it").noneMatch(st -> st.kind() == StatementKind.SELECT);

            // now() is the start of the transaction, the very value the column default used
            Instant serverNow = session.createNativeQuery("SELECT now()", Instant.class).getSingleResult();
            assertThat(department.getId()).isNotNull();
            assertThat(department.getCreatedAt()).isEqualTo(serverNow);
        });
        assertThat(seen).filteredOn(s -> s.kind() == StatementKind.INSERT).singleElement()
                .satisfies(insert -> assertThat(insert.text()).containsIgnoringCase("returning id,created_at"));
        assertThat(countWhere("from Department where name = :name", name)).as("rolled back").isZero();
    }

    @Test
    void lazyLoadingIssuesOnePlusNSelects() {
        int[] departments = new int[1];
        inRolledBackTransaction(session -> {
            List<Department> all = session.createSelectionQuery("from Department", Department.class).getResultList();
            departments[0] = all.size();
            all.forEach(d -> assertThat(Hibernate.isInitialized(d.getEmployees())).isFalse());
            all.forEach(d -> d.getEmployees().size());
        });
        assertThat(departments[0]).isEqualTo(8);
        assertThat(selects()).as("one for the departments, one per department's employees")
                .isEqualTo(1 + departments[0]);
    }

    @Test
    void joinFetchLoadsTheSameGraphWithOneSelect() {
        inRolledBackTransaction(session -> {
            List<Department> all = session.createSelectionQuery(
                    "select d from Department d join fetch d.employees", Department.class).getResultList();
            assertThat(all).hasSize(8);
            assertThat(all).allSatisfy(d -> assertThat(Hibernate.isInitialized(d.getEmployees())).isTrue());
            assertThat(all.stream().mapToInt(d -> d.getEmployees().size()).sum()).isEqualTo(300);
        });
        assertThat(selects()).isEqualTo(1);
    }

    // ---- helpers

    private long selects() {
        return seen.stream().filter(s -> s.kind() == StatementKind.SELECT).count();
    }

    private void inRolledBackTransaction(Consumer<Session> work) {
        try (WorkContext.Scope ignored = WorkContext.enter(ACTION); Session session = sessions.openSession()) {
            session.beginTransaction();
            try {
                work.accept(session);
            } finally {
                session.getTransaction().rollback();
            }
        }
    }

    private static long countWhere(String hql, String name) {
        try (Session session = sessions.openSession()) {
            return session.createSelectionQuery(hql, Department.class).setParameter("name", name).getResultCount();
        }
    }
}
