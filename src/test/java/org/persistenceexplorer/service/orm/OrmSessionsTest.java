package org.persistenceexplorer.service.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.hr.Department;
import org.persistenceexplorer.domain.hr.HrModel;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.testsupport.RecordedStatements;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The app's one Hibernate, on the captured pool: sessions differ in fetching as a lab asks,
 * without a second SessionFactory, and every statement they send is captured.
 */
class OrmSessionsTest {

    private static final String DEPARTMENTS = "select d from Department d order by d.id";

    @Test
    void fetchingIsChosenPerSessionOnOneFactory() {
        OrmSessions orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), HrModel.ENTITIES);
        try {
            assertThatThrownBy(() -> orm.openSession(SessionOptions.DEFAULTS)).hasMessageContaining("not ready");
            assertThat(orm.open()).contains("3 entities mapped");
            var factory = orm.factory();

            int departments = orm.inTransaction(SessionOptions.DEFAULTS,
                    s -> s.createQuery(DEPARTMENTS, Department.class).getResultList().size());
            assertThat(departments).isGreaterThan(2);
            assertThat(selectsToReadEveryDepartmentsEmployees(orm, SessionOptions.DEFAULTS))
                    .as("lazy: 1 + N").isEqualTo(1 + departments);
            assertThat(selectsToReadEveryDepartmentsEmployees(orm, SessionOptions.DEFAULTS.withFetchBatchSize(50)))
                    .as("batch fetch: one more SELECT for every collection").isEqualTo(2);
            assertThat(selectsToReadEveryDepartmentsEmployees(orm, SessionOptions.DEFAULTS.withSubselectFetching(true)))
                    .as("subselect fetch").isEqualTo(2);
            assertThat(orm.factory()).as("still the one factory").isSameAs(factory);
        } finally {
            orm.close();
        }
        assertThat(orm.isOpen()).isFalse();
    }

    @Test
    void aFailingTransactionIsRolledBack() {
        OrmSessions orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), HrModel.ENTITIES);
        try (RecordedStatements recorded = RecordedStatements.listen(TestEngines.sql().recorder(), "test: orm rollback");
             WorkContext.Scope ignored = WorkContext.enter(recorded.action())) {
            orm.open();
            assertThatThrownBy(() -> orm.inTransaction(SessionOptions.DEFAULTS, s -> {
                s.createQuery(DEPARTMENTS, Department.class).getResultList();
                throw new IllegalStateException("the lab's step failed");
            })).hasMessage("the lab's step failed");
            assertThat(recorded.all()).extracting(s -> s.text().toUpperCase()).last().isEqualTo("ROLLBACK");
        } finally {
            orm.close();
        }
    }

    private static long selectsToReadEveryDepartmentsEmployees(OrmSessions orm, SessionOptions options) {
        try (RecordedStatements recorded = RecordedStatements.listen(TestEngines.sql().recorder(), "test: orm fetch");
             WorkContext.Scope ignored = WorkContext.enter(recorded.action())) {
            orm.inTransaction(options, session -> {
                List<Department> all = session.createQuery(DEPARTMENTS, Department.class).getResultList();
                all.forEach(d -> d.getEmployees().size());
                return all.size();
            });
            return recorded.matching(s -> s.kind() == StatementKind.SELECT).size();
        }
    }
}
