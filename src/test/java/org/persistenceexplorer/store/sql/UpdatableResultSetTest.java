package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * pgjdbc changes the rows of an updatable result set with statements of its own, which no
 * capture sees: the captured pool refuses to make one, in every overload, and says what to do.
 */
class UpdatableResultSetTest {

    @Test
    void updatableResultSetsAreRefusedWithAWayOut() throws Exception {
        try (Connection c = TestEngines.sql().database().connection()) {
            assertThatThrownBy(() -> c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE))
                    .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("Use UPDATE");
            assertThatThrownBy(() -> c.prepareStatement("SELECT id, salary FROM hr.employee",
                    ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE))
                    .isInstanceOf(SQLFeatureNotSupportedException.class);
            assertThatThrownBy(() -> c.prepareCall("SELECT 1", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE,
                    ResultSet.HOLD_CURSORS_OVER_COMMIT)).isInstanceOf(SQLFeatureNotSupportedException.class);
            // the refusal is not taken for a broken connection: the pool keeps it and it still works
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) {
                assertThat(r.next()).isTrue();
            }
        }
    }

    @Test
    void readOnlyResultSetsStillWorkInEveryOverload() throws Exception {
        try (Connection c = TestEngines.sql().database().connection();
             Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
             ResultSet r = s.executeQuery("SELECT count(*) FROM hr.employee")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isPositive();
        }
    }
}
