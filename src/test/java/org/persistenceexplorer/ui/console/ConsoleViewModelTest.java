package org.persistenceexplorer.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.console.Column;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.ConsoleResult;
import org.persistenceexplorer.service.console.Presets;
import org.persistenceexplorer.testsupport.ConsoleEngines;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;

/** The console's view-model on the real engines with the inline runner. */
class ConsoleViewModelTest {

    private final Preferences settings = Preferences.userRoot().node("org/persistenceexplorer/test/console-" + UUID.randomUUID());
    private final ConsoleViewModel model = new ConsoleViewModel(new InlineBackgroundRunner(), ConsoleEngines.console(),
            new ConsoleHistory(settings), false);

    @AfterEach
    void forget() throws BackingStoreException {
        model.close();
        settings.removeNode();
    }

    @Test
    void ctrlEnterRunsTheStatementAtTheCaret() {
        String script = "SELECT 1 AS one;\nSELECT name FROM hr.department ORDER BY id;\nSELECT 3;";
        model.runAt(script, script.indexOf("hr.department"), 0, 0);

        assertThat(model.results()).singleElement().satisfies(r -> {
            assertThat(r.columns()).extracting(Column::name).containsExactly("name");
            assertThat(r.rows()).hasSize(8);
        });
        assertThat(model.statusProperty().get()).startsWith("1 statement, 8 rows in");
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void theSelectionRunsInsteadOfTheStatement() {
        String script = "SELECT 1 AS one, 2 AS two";
        model.runAt(script, 0, script.indexOf("2 AS"), script.length());
        // Only the selection is sent: "2 AS two" is no statement, and the marker lands where the selection starts.
        assertThat(model.errorProperty().get()).contains("syntax error");
        assertThat(model.errorOffsetProperty().get()).isEqualTo(script.indexOf("2 AS"));
    }

    @Test
    void aScriptRunsInOrderAndStopsAtTheFirstErrorMarkingIt() {
        String script = "SELECT 1;\nSELECT 2;\nSELECT nosuch FROM hr.employee;\nSELECT 4;";
        model.runScript(script);

        assertThat(model.results()).hasSize(2);
        assertThat(model.errorProperty().get()).contains("column \"nosuch\" does not exist");
        assertThat(script.substring(model.errorOffsetProperty().get())).startsWith("nosuch");
        assertThat(model.statusProperty().get()).startsWith("2 of 4 statements ran");
    }

    @Test
    void fetchMoreAppendsTheNextPageToTheSameTab() {
        model.runAt("SELECT g FROM generate_series(1, 1200) g", 0, 0, 0);
        ResultView tab = model.results().get(0);
        assertThat(tab.rows()).hasSize(500);
        assertThat(model.canFetchMoreProperty().get()).isTrue();

        model.fetchMore();
        model.fetchMore();

        assertThat(tab.rows()).hasSize(1200);
        assertThat(tab.rows().get(1199)).containsExactly("1200");
        assertThat(model.canFetchMoreProperty().get()).isFalse();
    }

    @Test
    void aPresetBringsItsModeAndParameters() {
        var preset = Presets.all().stream().filter(p -> p.title().contains("recursive CTE")).findFirst().orElseThrow();
        model.choosePreset(preset);

        assertThat(model.parameters()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("id");
            assertThat(p.valueProperty().get()).isEqualTo("250");
        });
        model.runAt(preset.text(), 0, 0, 0);
        assertThat(model.results().get(0).rows()).extracting(r -> r.get(1)).contains("Laura Richter", "Pedro Dalton");
    }

    @Test
    void aReadOnlyConsoleAsksBeforeAWriteAndRunsItOnlyOnYes() {
        model.readOnlyProperty().set(true);
        AtomicReference<String> asked = new AtomicReference<>();
        model.setConfirmWrite(question -> {
            asked.set(question);
            return false;
        });
        String write = "UPDATE hr.employee SET salary = salary WHERE id = -1";
        model.runAt(write, 0, 0, 0);
        assertThat(asked.get()).contains("read-only");
        assertThat(model.statusProperty().get()).contains("Not run");

        model.setConfirmWrite(question -> true);
        model.runAt(write, 0, 0, 0);
        assertThat(model.results()).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("UPDATE: 0 rows"));
    }

    @Test
    void hqlShowsTheGeneratedSql() {
        model.modeProperty().set(ConsoleMode.HQL);
        model.runAt("select e.name from Employee e where e.id = 1", 0, 0, 0);
        assertThat(model.generatedSqlProperty().get()).contains("from hr.employee").contains("where");
        assertThat(model.results().get(0).rows()).containsExactly(List.of("Pedro Dalton"));
    }

    @Test
    void anUnknownEntityNamesTheKnownOnes() {
        model.modeProperty().set(ConsoleMode.HQL);
        String hql = "from employee e";
        model.runAt(hql, 0, 0, 0);
        assertThat(model.errorProperty().get()).contains("'employee'").contains("Department, Employee, Project");
        assertThat(model.errorOffsetProperty().get()).isEqualTo(5);
    }

    @Test
    void historyIsKeptAcrossRestartsAndSearchable() {
        model.runAt("SELECT 'first' AS a", 0, 0, 0);
        model.runAt("SELECT 'second' AS b", 0, 0, 0);

        ConsoleHistory reopened = new ConsoleHistory(settings);
        assertThat(reopened.found()).extracting(ConsoleHistory.Entry::text)
                .containsExactly("SELECT 'second' AS b", "SELECT 'first' AS a");
        reopened.search("FIRST");
        assertThat(reopened.found()).extracting(ConsoleHistory.Entry::text).containsExactly("SELECT 'first' AS a");
    }

    @Test
    void parametersFollowTheTextAndKeepTheirValues() {
        model.updateParameters("SELECT * FROM hr.employee WHERE id = :id AND name <> ':not' AND salary::int > :min");
        assertThat(model.parameters()).extracting(ParameterRow::name).containsExactly("id", "min");
        model.parameters().get(0).valueProperty().set("7");
        model.updateParameters("SELECT * FROM hr.employee WHERE id = :id");
        assertThat(model.parameters()).singleElement().satisfies(p -> assertThat(p.valueProperty().get()).isEqualTo("7"));
    }

    @Test
    void csvQuotesWhatNeedsIt() {
        ResultView result = ResultView.of(new ConsoleResult.Rows("r", List.of(new Column("a", ""), new Column("b, c", "")),
                List.of(java.util.Arrays.asList("x\"y", null), List.of("1", "2")), false, ""));
        assertThat(ConsoleViewModel.csv(result)).isEqualTo("a,\"b, c\"\r\n\"x\"\"y\",\r\n1,2\r\n");
    }

    @Test
    void completionOffersTheColumnsOfTheAliasedTableAndPutsTheChosenOneInPlace() {
        String script = "SELECT e.sa FROM hr.employee e";
        int caret = script.indexOf("e.sa") + 4;
        model.complete(script, caret);

        assertThat(model.suggestions()).extracting(org.persistenceexplorer.domain.console.Completion.Suggestion::text)
                .containsExactly("salary");
        ConsoleViewModel.Edit edit = model.accept(script, model.suggestions().get(0));
        String after = script.substring(0, edit.start()) + edit.text() + script.substring(edit.end());
        assertThat(after).isEqualTo("SELECT e.salary FROM hr.employee e");
        assertThat(model.offerProperty().get()).isNull();
        assertThat(model.suggestions()).isEmpty();
    }

    @Test
    void completionKnowsATableCreatedInTheConsole() {
        model.runAt("DROP TABLE IF EXISTS public.completion_vm", 0, 0, 0);
        model.complete("SELECT * FROM completion_v", 26);
        assertThat(model.suggestions()).isEmpty();

        model.runAt("CREATE TABLE public.completion_vm (id int, colour text)", 0, 0, 0);
        try {
            model.complete("SELECT * FROM completion_v", 26);
            assertThat(model.suggestions()).extracting(org.persistenceexplorer.domain.console.Completion.Suggestion::text)
                    .containsExactly("completion_vm");
            model.complete("SELECT completion_vm.", 21);
            assertThat(model.suggestions()).extracting(org.persistenceexplorer.domain.console.Completion.Suggestion::text)
                    .containsExactly("id", "colour");
        } finally {
            model.runAt("DROP TABLE public.completion_vm", 0, 0, 0);
        }
    }
}
