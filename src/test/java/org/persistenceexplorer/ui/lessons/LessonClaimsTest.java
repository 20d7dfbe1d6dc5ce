package org.persistenceexplorer.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.testsupport.ServerStatementCount;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The lessons whose claims matter most, checked beyond their own patterns: against what
 * PostgreSQL itself counted (pg_stat_statements) and by reading the statements' text.
 * Lazy loading is 1 + N on the server too; dynamic update names only the changed column (and
 * the version); REPEATABLE READ refuses the lost update with a serialization failure.
 */
class LessonClaimsTest {

    private final LessonRig rig = LessonRig.get();
    private final ServerStatementCount server = new ServerStatementCount(TestEngines.sql().database());

    @Test
    void lazyLoadingIsOnePlusNOnTheServerToo() throws Exception {
        LessonsViewModel panel = rig.panel("claims-lazy");
        panel.open("07-lazy-loading");
        // Seed first (the lab seeds its departments on the first run): the counted run is the lesson's alone.
        panel.showMe();
        server.reset();
        long from = rig.log.position().cursor();
        panel.open("07-lazy-loading");
        panel.showMe();
        panel.refresh();
        assertThat(panel.claimHoldsProperty().get()).as(panel.verdictProperty().get()).isTrue();
        server.assertAppCountMatches(rig.log.readFrom(from).statements());
        assertThat(serverCalls("%from lab.employee%")).as("one SELECT of employees per department, on the server").isEqualTo(10);
        assertThat(serverCalls("%from lab.department%")).as("the one SELECT of departments").isEqualTo(1);
    }

    @Test
    void dynamicUpdateNamesOnlyTheChangedColumnAndTheVersion() throws Exception {
        LessonsViewModel panel = rig.panel("claims-dirty");
        panel.open("04-dirty-tracking");
        try {
            panel.showMe();
            panel.next();
            server.reset();
            long from = rig.log.position().cursor();
            panel.showMe();
            panel.refresh();
            assertThat(panel.claimHoldsProperty().get()).as(panel.verdictProperty().get()).isTrue();
            server.assertAppCountMatches(rig.log.readFrom(from).statements());
            CapturedStatement update = panel.stepStatements().stream().filter(s -> s.kind() == StatementKind.UPDATE)
                    .findFirst().orElseThrow();
            assertThat(setColumns(update.text())).containsExactly("salary", "version");
            assertThat(update.text().toLowerCase(Locale.ROOT)).contains("where id=? and version=?");
            assertThat(serverCalls("update hr.employee%")).isEqualTo(1);
        } finally {
            panel.reset();
        }
        assertThat(salaryOf12()).isEqualTo("131000.00");
    }

    @Test
    void repeatableReadRefusesTheLostUpdateWithASerializationFailure() throws Exception {
        LessonsViewModel panel = rig.panel("claims-p4");
        panel.open("08-lost-update");
        panel.showMe();
        panel.refresh();
        assertThat(panel.stepStatements()).noneMatch(s -> !s.succeeded());
        panel.next();
        server.reset();
        long from = rig.log.position().cursor();
        panel.showMe();
        panel.refresh();
        List<CapturedStatement> run = panel.stepStatements();
        // PostgreSQL's words for SQLSTATE 40001 (serialization_failure); the lab retries B afterwards.
        assertThat(run).filteredOn(s -> !s.succeeded()).singleElement()
                .satisfies(s -> assertThat(s.error()).contains("could not serialize access due to concurrent update"));
        server.assertAppCountMatches(rig.log.readFrom(from).statements());
        assertThat(serverCalls("update test set value%")).as("A's UPDATE and B's retry: the failed one is not counted")
                .isEqualTo(2);
    }

    /** "update hr.employee set salary=?,version=? where ..." -> [salary, version]. */
    private static List<String> setColumns(String update) {
        String lower = update.toLowerCase(Locale.ROOT);
        String set = lower.substring(lower.indexOf(" set ") + 5, lower.indexOf(" where "));
        return java.util.Arrays.stream(set.split(",")).map(p -> p.split("=")[0].trim()).toList();
    }

    private long serverCalls(String like) throws Exception {
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = "
                     + "(SELECT oid FROM pg_database WHERE datname = current_database()) AND lower(query) LIKE '"
                     + like.toLowerCase(Locale.ROOT) + "' AND query NOT ILIKE '%pg_stat_statements%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String salaryOf12() throws Exception {
        try (Connection c = TestEngines.sql().database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT salary::text FROM hr.employee WHERE id = 12")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
