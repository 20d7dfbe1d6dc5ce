package org.persistenceexplorer.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.console.CatalogNames;
import org.persistenceexplorer.domain.console.Completion;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.store.capture.StatementListener;
import org.persistenceexplorer.testsupport.TestEngines;

/** The completion catalog on the real PostgreSQL: read through the captured pool, cached, refreshed after DDL. */
class ConsoleCatalogTest {

    private final SqlConsole sql = new SqlConsole(TestEngines.sql().database()::dataSource);
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final StatementListener listener = s -> {
        if (s.thread().equals(Thread.currentThread().getName())) {
            sent.add(s.text());
        }
    };

    ConsoleCatalogTest() {
        TestEngines.sql().recorder().addListener(listener);
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestEngines.sql().recorder().removeListener(listener);
        sql.run(new ScriptPiece("DROP SCHEMA IF EXISTS completion_test CASCADE", 0), RunSettings.defaults());
        sql.close();
    }

    @Test
    void readsTheTablesAndColumnsOnceThroughTheCapturedPool() throws Exception {
        CatalogNames names = sql.catalog().names();

        CatalogNames.Table employee = names.find("hr", "employee");
        assertThat(employee).isNotNull();
        assertThat(employee.columns()).extracting(CatalogNames.ColumnName::name)
                .startsWith("id", "name", "email", "title", "salary", "hired_on", "department_id", "manager_id");
        assertThat(employee.columns().get(1).type()).isEqualTo("character varying(120)");
        assertThat(names.schemas()).contains("hr").doesNotContain("pg_catalog", "information_schema");
        assertThat(sent).filteredOn(t -> t.contains("pg_attribute")).hasSize(1); // in the log, like every statement

        sql.catalog().names();
        assertThat(sent).filteredOn(t -> t.contains("pg_attribute")).hasSize(1); // cached: nothing sent again
    }

    @Test
    void ddlRunInTheConsoleRefreshesTheNames() throws Exception {
        sql.run(new ScriptPiece("DROP SCHEMA IF EXISTS completion_test CASCADE", 0), RunSettings.defaults());
        assertThat(sql.catalog().names().tablesOf("completion_test")).isEmpty();

        sql.run(new ScriptPiece("CREATE SCHEMA completion_test", 0), RunSettings.defaults());
        sql.run(new ScriptPiece("CREATE TABLE completion_test.gadget (id int PRIMARY KEY, label text)", 0), RunSettings.defaults());

        String text = "SELECT g. FROM completion_test.gadget g";
        Completion.Offer offer = Completion.at(text, text.indexOf("g.") + 2, ConsoleMode.SQL, sql.catalog().names());
        assertThat(offer.suggestions()).extracting(Completion.Suggestion::text).containsExactly("id", "label");
    }
}
