package org.persistenceexplorer.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.ConsoleResult;
import org.persistenceexplorer.domain.console.ConsoleRun;
import org.persistenceexplorer.domain.console.Preset;
import org.persistenceexplorer.domain.console.Script;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.testsupport.ConsoleEngines;

/** Every preset runs on the HR sample data and returns rows; the injection pair shows the difference. */
class PresetsTest {

    private final QueryConsole console = ConsoleEngines.console();

    @AfterEach
    void closeResults() {
        console.closeResults();
    }

    static Stream<Preset> presets() {
        return Presets.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyPresetReturnsRowsOnTheSampleData(Preset preset) throws Exception {
        ConsoleRun run = run(preset, preset.text());

        ConsoleResult.Rows rows = (ConsoleResult.Rows) run.results().get(0);
        if (!preset.title().contains("bound")) {
            assertThat(rows.rows()).as(preset.title()).isNotEmpty();
        }
    }

    @Test
    void theManagementChainClimbsToTheChiefExecutive() throws Exception {
        List<List<String>> chain = rowsOf("The management chain of a person (recursive CTE)");
        assertThat(chain).hasSizeGreaterThanOrEqualTo(3);
        assertThat(chain.get(0)).containsExactly("0", "Laura Richter", "Payroll Specialist");
        assertThat(chain.get(chain.size() - 1)).contains("Pedro Dalton", "Chief Executive Officer");
    }

    @Test
    void theConcatenatedSearchReturnsEveryoneTheBoundOneNobody() throws Exception {
        assertThat(rowsOf("Search by name, concatenated (SQL injection)")).hasSize(300);
        assertThat(rowsOf("Search by name, bound (no injection)")).isEmpty();
        List<CapturedStatement> logged = ConsoleEngines.log().all();
        CapturedStatement bound = logged.stream().filter(s -> s.text().contains("WHERE name = ?")).reduce((a, b) -> b).orElseThrow();
        assertThat(bound.parameters()).singleElement().asString().contains("' OR '1'='1");
        assertThat(logged).anySatisfy(s -> assertThat(s.text()).contains("WHERE name = '' OR '1'='1'"));
    }

    @Test
    void hqlShowsTheSqlHibernateGenerated() throws Exception {
        ConsoleRun run = run(preset("Salary statistics per department (HQL GROUP BY / HAVING)"),
                preset("Salary statistics per department (HQL GROUP BY / HAVING)").text());
        assertThat(run.generatedSql()).filteredOn(sql -> !sql.matches("(?i)(BEGIN|COMMIT|ROLLBACK).*"))
                .singleElement().asString().containsIgnoringCase("group by").contains("having");
        assertThat(run.generatedSql()).as("the transaction Hibernate ran it in").contains("ROLLBACK");
    }

    @Test
    void theDelegationPresetSaysWhenTheGraphHasNoDelegations() throws Exception {
        List<List<String>> rows = rowsOf("The shortest delegation path");
        assertThat(rows).hasSize(1);
        String delegations = rows.get(0).get(2);
        String answer = rows.get(0).get(4);
        if (delegations.equals("0")) {
            assertThat(answer).isEqualTo("The graph has no DELEGATES_TO relationships yet");
        } else {
            assertThat(answer).doesNotContain("no DELEGATES_TO");
        }
    }

    @Test
    void theShortestPathIsShownAsReadablePeople() throws Exception {
        List<List<String>> rows = rowsOf("Shortest path between two people (reporting line)");
        assertThat(rows.get(0).get(0)).startsWith("(Laura Richter)-[:REPORTS_TO]->(").endsWith("(Amelia Duarte)");
    }

    private List<List<String>> rowsOf(String title) throws Exception {
        Preset preset = preset(title);
        return ((ConsoleResult.Rows) run(preset, preset.text()).results().get(0)).rows();
    }

    private static Preset preset(String title) {
        return Presets.all().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
    }

    private ConsoleRun run(Preset preset, String text) throws Exception {
        ScriptPiece piece = Script.statements(text, preset.mode()).get(0);
        try (Cancellation.Scope ignored = new Cancellation().enter("console: run")) {
            return console.run(preset.mode(), piece, RunSettings.defaults().withParameters(preset.parameters()));
        }
    }

    @Test
    void everyModeHasPresets() {
        for (ConsoleMode mode : ConsoleMode.values()) {
            assertThat(Presets.all()).anySatisfy(p -> assertThat(p.mode()).isEqualTo(mode));
        }
    }
}
