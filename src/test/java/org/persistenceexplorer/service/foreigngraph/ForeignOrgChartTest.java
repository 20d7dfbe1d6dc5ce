package org.persistenceexplorer.service.foreigngraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.testsupport.ForeignCompany;

/**
 * The org chart on a graph that is not the app's ({@link ForeignCompany}: Staff, MANAGES from
 * the manager's side, integer keys, a cycle, a loner, a bigger KNOWS that is no tree), on the
 * second-JVM Neo4j through a read-only profile: the forest is suggested over the bigger type,
 * the preview reports the cycle, the chart reads its top and then one team at a time, search,
 * line above, paths and a person's facts, each statement captured.
 */
class ForeignOrgChartTest {

    @TempDir
    static Path dataDir;
    private static final StatementRecorder RECORDER = new StatementRecorder();
    private static ForeignCompany company;
    private static final OrgMapping MAPPING = new OrgMapping("Staff", "emp_no", "full_name", "MANAGES", false)
            .withOptional("IN_UNIT", "HOLDS", "", "");

    @BeforeAll
    static void writeCompany() throws Exception {
        company = new ForeignCompany(dataDir, RECORDER);
    }

    @AfterAll
    static void dropCompany() throws Exception {
        company.close();
    }

    @Test
    void theForestIsSuggestedBeforeALargerTypeThatIsNoTreeAndItsCycleIsPreviewed() {
        ForeignOrgGraph foreign = new ForeignOrgGraph(company.reader());
        GraphShape shape = foreign.shape();
        assertThat(shape.selfRelationships()).extracting(GraphShape.SelfRelationship::type).startsWith("MANAGES");
        GraphShape.SelfRelationship knows = shape.selfRelationships().stream().filter(s -> s.type().equals("KNOWS"))
                .findFirst().orElseThrow();
        assertThat(knows.relationships()).isGreaterThan(shape.selfRelationships().get(0).relationships());
        assertThat(knows.forest()).isEqualTo(GraphShape.Forest.NONE);
        assertThat(shape.selfRelationships().get(0).forest()).isEqualTo(GraphShape.Forest.INCOMING);
        assertThat(shape.describe()).contains("Staff (140)").contains("(:Staff)-[:MANAGES]->(:Staff) 138, a forest");

        OrgMapping suggested = foreign.suggest(shape).orElseThrow();
        assertThat(suggested).isEqualTo(new OrgMapping("Staff", "emp_no", "full_name", "MANAGES", false));

        MappingPreview preview = foreign.preview(suggested);
        assertThat(preview.people()).isEqualTo(140);
        assertThat(preview.roots()).isEqualTo(1);
        assertThat(preview.loners()).isEqualTo(1);
        assertThat(preview.depth()).isEqualTo(3);
        assertThat(preview.inCycles()).containsExactly("901", "902", "903");
    }

    @Test
    void theChartReadsItsTopThenOneTeamAtATimeNeverTheWholeGraph() {
        ForeignOrgChart chart = new ForeignOrgChart(company.reader(), MAPPING);
        List<CapturedStatement> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.persistenceexplorer.store.capture.StatementListener listener = statements::add;
        RECORDER.addListener(listener);
        ForeignTeam roots = chart.roots();
        // The cycle has no root above it and the loner no reports: one root, the chief.
        assertThat(roots.people()).containsExactly(new ForeignPerson(1L, "Ada Chief", 3));
        assertThat(roots.total()).isEqualTo(1);
        ForeignTeam vps = chart.team(1L);
        assertThat(vps.people()).extracting(ForeignPerson::name).containsExactly("Vp Alpha", "Vp Blpha", "Vp Clpha");
        assertThat(vps.people()).extracting(ForeignPerson::reports).containsOnly(4L);
        ForeignTeam leads = chart.team(20L);
        assertThat(leads.people()).extracting(ForeignPerson::key).containsExactly(201L, 202L, 203L, 204L);
        assertThat(leads.cut()).isFalse();
        assertThat(chart.team(20101L).people()).isEmpty();
        // Each of those statements returned one team, at most TEAM_LIMIT rows; none read 140 people.
        RECORDER.removeListener(listener);
        assertThat(statements).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(s -> assertThat(s.rows()).isBetween(0L, 4L));
    }

    @Test
    void searchFindsAPersonAndTheirLineUpToTheChief() {
        ForeignOrgChart chart = new ForeignOrgChart(company.reader(), MAPPING);
        List<ForeignPerson> found = chart.search("person 2-3-", 3);
        assertThat(found).extracting(ForeignPerson::name).containsExactly("Person 2-3-1", "Person 2-3-10", "Person 2-3-2");
        assertThat(chart.search("loop", 5)).extracting(ForeignPerson::name)
                .containsExactly("Xavier Loop", "Xena Loop", "Xu Loop");
        assertThat(chart.search("xu", 5)).extracting(ForeignPerson::name).first().isEqualTo("Xu Loop");

        assertThat(chart.lineAbove(20307L).orElseThrow()).extracting(ForeignPerson::key).containsExactly(1L, 20L, 203L, 20307L);
        assertThat(chart.lineAbove(1L).orElseThrow()).extracting(ForeignPerson::key).containsExactly(1L);
        assertThat(chart.lineAbove(902L)).as("in a cycle: no root above").isEmpty();
        assertThat(chart.lineAbove(424242L)).isEmpty();

        assertThat(chart.shortestPath(10101L, 20307L, false).orElseThrow()).extracting(ForeignPerson::key)
                .containsExactly(10101L, 101L, 10L, 1L, 20L, 203L, 20307L);
        assertThat(chart.shortestPath(10101L, 901L, false)).isEmpty();
        assertThat(chart.shortestPath(10101L, 20307L, true)).as("no delegation type mapped").isEmpty();
    }

    @Test
    void aPersonsFactsComeFromTheGraphWithTheOptionalTypes() {
        ForeignOrgChart chart = new ForeignOrgChart(company.reader(), MAPPING);
        ForeignFacts lead = chart.facts(203L).orElseThrow();
        assertThat(lead.name()).isEqualTo("Lead 2-3");
        assertThat(lead.labels()).containsExactly("Staff");
        assertThat(lead.properties()).containsEntry("emp_no", 203L).containsEntry("full_name", "Lead 2-3");
        assertThat(lead.managers()).containsExactly("Vp Blpha");
        assertThat(lead.directReports()).isEqualTo(10);
        assertThat(lead.related()).containsEntry("Department", List.of("Unit 2")).containsEntry("Roles", List.of());
        ForeignFacts chief = chart.facts(1L).orElseThrow();
        assertThat(chief.managers()).isEmpty();
        assertThat(chief.related().get("Roles")).containsExactly("Chief executive");
        assertThat(chart.facts(424242L)).isEmpty();
    }
}
