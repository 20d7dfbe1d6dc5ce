package org.persistenceexplorer.ui.orgchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.service.foreigngraph.MappingStore;
import org.persistenceexplorer.service.foreigngraph.OrgMapping;
import org.persistenceexplorer.service.orggraph.OrgPaths;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.testsupport.ForeignCompany;
import org.persistenceexplorer.testsupport.Neo4jInAnotherProcess;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;

/**
 * The Org Chart tab's view-models on a Neo4j the app does not own ({@link ForeignCompany} on the
 * second-JVM server), with the inline runner: without a mapping the tab asks for one; the mapping
 * dialog suggests and previews (the cycle named) and Use saves it for the profile (no password in
 * the file); the chart then holds the top only, opens a team by reading it, finds a person deep
 * down on the server, shows their graph facts and why the SQL side is empty, and refuses writes.
 */
class ForeignChartViewModelTest {

    @TempDir
    static Path dataDir;
    private static ForeignCompany company;
    private static final String PROFILE = "work graph";

    @BeforeAll
    static void writeCompany() throws Exception {
        company = new ForeignCompany(dataDir, new StatementRecorder());
    }

    @AfterAll
    static void dropCompany() throws Exception {
        company.close();
    }

    private GraphMappings mappings(Path folder) {
        return new GraphMappings(() -> PROFILE, new MappingStore(folder), company.reader());
    }

    private static OrgChartViewModel chart(GraphMappings mappings) {
        return new OrgChartViewModel(() -> List.of(new EngineStatus(Engine.NEO4J, EngineStatus.State.UP, "their-server:7687",
                false, "")), new InlineBackgroundRunner(), null, mappings);
    }

    @Test
    void theDialogSuggestsAndPreviewsThenUseSavesTheMappingAndTheChartDrawsTheTop(@TempDir Path folder) throws Exception {
        GraphMappings mappings = mappings(folder);
        OrgChartViewModel chart = chart(mappings);
        chart.refresh();
        assertThat(chart.externalProperty().get()).isTrue();
        assertThat(chart.foreignModeProperty().get()).isFalse();
        assertThat(chart.messageProperty().get()).contains("Map your graph");

        MappingViewModel dialog = new MappingViewModel(new InlineBackgroundRunner(), mappings, chart::useMapping);
        dialog.suggest();
        assertThat(dialog.shapeProperty().get()).contains("Staff (140)").contains("MANAGES");
        assertThat(dialog.mapping()).isEqualTo(new OrgMapping("Staff", "emp_no", "full_name", "MANAGES", false));
        assertThat(dialog.labels()).contains("Staff", "Unit");
        assertThat(dialog.properties()).containsExactly("emp_no", "full_name");
        assertThat(dialog.types()).contains("MANAGES", "KNOWS", "IN_UNIT", "HOLDS");
        assertThat(dialog.previewProperty().get()).startsWith("140 people, 1 root, 3 levels deep")
                .contains("People in a cycle (their managers lead back to them): 901, 902, 903");
        assertThat(dialog.messageProperty().get()).startsWith("Cycles found: the chart draws the acyclic part");
        assertThat(dialog.previewOkProperty().get()).isTrue();
        assertThat(dialog.busyProperty().get()).isFalse();

        dialog.departmentTypeProperty().set("IN_UNIT");
        dialog.use();
        assertThat(new MappingStore(folder).find(PROFILE)).contains(dialog.mapping());
        String file = Files.readString(folder.resolve(MappingStore.FILE_NAME));
        assertThat(file).contains("MANAGES").doesNotContain(Neo4jInAnotherProcess.PASSWORD).doesNotContainIgnoringCase("password");

        assertThat(chart.foreignModeProperty().get()).isTrue();
        ChartTree tree = chart.treeProperty().get();
        // The top while about 60 fit: the chief, 3 VPs, 12 leads; each lead's 10 people known by count only.
        assertThat(tree.size()).isEqualTo(16);
        assertThat(tree.visible()).hasSize(16);
        assertThat(chart.messageProperty().get()).startsWith("1 root; 16 people drawn");
        assertThat(chart.mappingLineProperty().get()).contains("(:Staff)<-[:MANAGES]-(manager)");
        assertThat(tree.member(tree.visible().get(1)).name()).isEqualTo("Vp Alpha");
        long lead = tree.visible().get(2);
        assertThat(tree.member(lead).name()).isEqualTo("Lead 1-1");
        assertThat(tree.unfetched(lead)).isEqualTo(10);
        assertThat(tree.hiddenBelow(lead)).isEqualTo(10);
        assertThat(tree.hasReports(lead)).isTrue();

        chart.toggle(lead);
        assertThat(tree.size()).as("one team read").isEqualTo(26);
        assertThat(tree.isExpanded(lead)).isTrue();
        assertThat(tree.unfetched(lead)).isZero();
        assertThat(chart.messageProperty().get()).startsWith("Lead 1-1's team opened: 10 read; 26 people drawn");
        chart.toggle(lead);
        assertThat(tree.isExpanded(lead)).as("closing reads nothing").isFalse();
        assertThat(tree.size()).isEqualTo(26);
    }

    @Test
    void aSavedMappingIsUsedWhenNeo4jComesUpAndSearchPathsAndFactsWorkOnTheServer(@TempDir Path folder) throws Exception {
        GraphMappings mappings = mappings(folder);
        mappings.store().save(PROFILE, new OrgMapping("Staff", "emp_no", "full_name", "MANAGES", false)
                .withOptional("IN_UNIT", "HOLDS", "", ""));
        OrgChartViewModel chart = chart(mappings);
        chart.refresh();
        assertThat(chart.foreignModeProperty().get()).isTrue();
        assertThat(chart.treeProperty().get().size()).isEqualTo(16);

        chart.search("Person 3-2-7");
        ChartTree tree = chart.treeProperty().get();
        Long found = chart.selectedProperty().get();
        assertThat(found).isNotNull();
        assertThat(tree.member(found).name()).isEqualTo("Person 3-2-7");
        assertThat(tree.member(found).title()).isEqualTo("emp_no 30207");
        // Only the team on the line that was missing was read: one lead's 10 people.
        assertThat(tree.size()).isEqualTo(16 + 10);
        assertThat(chart.highlightProperty().get()).hasSize(3);
        assertThat(chart.foreignFactsProperty().get().name()).isEqualTo("Person 3-2-7");
        assertThat(chart.foreignFactsProperty().get().managers()).containsExactly("Lead 3-2");
        assertThat(chart.foreignFactsProperty().get().related()).containsEntry("Department", List.of("Unit 3"));
        assertThat(chart.profileProperty().get()).as("no cross-store profile").isNull();

        chart.startPath();
        chart.search("Person 1-4-2");
        chart.pathTo(OrgPaths.Kind.CHAIN_OF_COMMAND);
        assertThat(chart.answerProperty().get())
                .isEqualTo("Shortest path (6 steps): Person 3-2-7 → Lead 3-2 → Vp Clpha → Ada Chief → Vp Alpha → Lead 1-4 → Person 1-4-2");
        assertThat(chart.highlightProperty().get()).hasSize(7);
        chart.pathTo(OrgPaths.Kind.DELEGATION);
        assertThat(chart.answerProperty().get()).isEqualTo("The mapping names no delegation type.");

        chart.search("Xu Loop");
        assertThat(chart.messageProperty().get()).contains("lead round in a cycle");
        chart.search("Nobody Atall");
        assertThat(chart.messageProperty().get()).isEqualTo("No one called 'Nobody Atall' in your graph.");

        chart.sync();
        assertThat(chart.messageProperty().get()).isEqualTo(OrgChartViewModel.READ_ONLY);
        chart.delegate("approve time off", "Lead 3-2");
        assertThat(chart.messageProperty().get()).isEqualTo(OrgChartViewModel.READ_ONLY);
    }

    @Test
    void aProfileSwitchToTheForeignGraphChartsItThroughItsSavedMappingAndBackLeavesIt(@TempDir Path folder) throws Exception {
        GraphMappings mappings = mappings(folder);
        mappings.store().save(PROFILE, new OrgMapping("Staff", "emp_no", "full_name", "MANAGES", false));
        List<EngineStatus> engines = new java.util.ArrayList<>(List.of(new EngineStatus(Engine.NEO4J, EngineStatus.State.UP,
                "localhost:7687", true, "")));
        OrgChartViewModel chart = new OrgChartViewModel(() -> List.copyOf(engines), new InlineBackgroundRunner(), null, mappings);
        chart.refresh();
        assertThat(chart.externalProperty().get()).isFalse();
        assertThat(chart.foreignModeProperty().get()).isFalse();

        // The switch is quicker than a tick: Neo4j is never seen down, the reloaded tab says the engines changed.
        engines.set(0, new EngineStatus(Engine.NEO4J, EngineStatus.State.UP, "their-server:7687", false, ""));
        chart.enginesChanged();
        chart.refresh();
        assertThat(chart.foreignModeProperty().get()).isTrue();
        assertThat(chart.treeProperty().get().size()).isEqualTo(16);

        engines.set(0, new EngineStatus(Engine.NEO4J, EngineStatus.State.UP, "localhost:7687", true, ""));
        chart.enginesChanged();
        chart.refresh();
        assertThat(chart.foreignModeProperty().get()).as("back on the app's own graph").isFalse();
        assertThat(chart.externalProperty().get()).isFalse();
    }

    @Test
    void aMappingWithoutHierarchySaysSoAndCannotBeUsed(@TempDir Path folder) {
        GraphMappings mappings = mappings(folder);
        MappingViewModel dialog = new MappingViewModel(new InlineBackgroundRunner(), mappings, m -> { });
        dialog.suggest();
        dialog.managerTypeProperty().set("IN_UNIT");
        dialog.preview();
        assertThat(dialog.previewOkProperty().get()).isFalse();
        assertThat(dialog.messageProperty().get()).startsWith("No hierarchy through this relationship");
        dialog.keyPropertyProperty().set("");
        dialog.preview();
        assertThat(dialog.messageProperty().get()).isEqualTo("Choose the property that identifies a person.");
    }
}
