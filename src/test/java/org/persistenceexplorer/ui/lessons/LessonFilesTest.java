package org.persistenceexplorer.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.lessons.Course;
import org.persistenceexplorer.service.lessons.LessonFiles;
import org.persistenceexplorer.service.lessons.LessonStep;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureCommand;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;

/**
 * The lesson format and the command registry: the shipped course is 24 lessons, one per
 * objective, all loading against the app's real commands; a lesson naming an unknown command,
 * an argument a command does not know, or a preset that is not there does not load, and says why.
 */
class LessonFilesTest {

    @Test
    void theShippedCourseHasOneLoadingLessonPerObjective() {
        Course course = LessonRig.get().course;
        assertThat(course.entries()).allSatisfy(e -> assertThat(e.problem()).as(e.id()).isNull());
        assertThat(course.lessons()).extracting(l -> l.objective()).containsExactlyInAnyOrder(
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24);
        assertThat(course.groups()).extracting(Course.Group::title).containsExactly("ORM basics and CRUD",
                "Sessions and lifecycle", "Queries", "Loading and N+1", "Transactions and pooling", "Migrations", "Graph",
                "Polyglot and cache", "Safety and errors");
        assertThat(course.lessons()).allSatisfy(l -> assertThat(l.steps()).anyMatch(s -> s.kind() == LessonStep.Kind.SHOW_ME));
    }

    @Test
    void anUnknownCommandOrAMissingPresetFailsToLoadWithAClearMessage() {
        LessonFiles files = new LessonFiles("lessons", LessonRig.get().commands);
        assertThatThrownBy(() -> files.lesson("x", "g", lesson("show: tables.opne\n    args: {table: hr.employee}")))
                .hasMessageContaining("step 1: no command 'tables.opne'").hasMessageContaining("tables.open");
        assertThatThrownBy(() -> files.lesson("x", "g", lesson("show: console.runPreset\n    args: {preset: \"No such query\"}")))
                .hasMessageContaining("no console preset titled 'No such query'");
        assertThatThrownBy(() -> files.lesson("x", "g", lesson("show: lab.run\n    args: {strategy: FAST}")))
                .hasMessageContaining("no lab strategy 'FAST'");
        assertThatThrownBy(() -> files.lesson("x", "g", lesson("show: tables.open\n    args: {table: hr.employee, colour: red}")))
                .hasMessageContaining("'tables.open' has no argument 'colour'");
        assertThatThrownBy(() -> files.lesson("x", "g", lesson("show: tables.open\n    args: {table: hr.employee}\n    expect: [{kind: SELEKT}]")))
                .hasMessageContaining("no statement kind 'SELEKT'");
        assertThatThrownBy(() -> files.lesson("x", "g", "objective: 30\ntitle: t\nnotice: n\nsteps: []"))
                .hasMessageContaining("1 to 24");
    }

    @Test
    void aBrokenLessonInTheCourseIsAnEntryWithItsProblemAndTheOthersStillLoad() {
        // A course whose commands know nothing: every lesson names an unknown command.
        Course none = new LessonFiles("lessons", (command, args) -> Optional.of("no command '" + command + "'")).course();
        assertThat(none.entries()).hasSize(24).allSatisfy(e -> assertThat(e.problem()).contains(".yaml: step "));
        assertThat(none.lessons()).isEmpty();
    }

    @Test
    void theRegistryRefusesACommandOutsideItsFeaturesNameAndOpensTheFeatureBeforeRunning() {
        Feature odd = feature("tables", List.of(FeatureCommand.of("lab.run", "", java.util.Set.of(), java.util.Set.of(), a -> { })));
        assertThatThrownBy(() -> new CommandRegistry(List.of(odd), f -> { })).hasMessageContaining("must start with 'tables.'");
        StringBuilder order = new StringBuilder();
        Feature tables = feature("tables", List.of(FeatureCommand.of("tables.open", "", java.util.Set.of("table"),
                java.util.Set.of(), a -> order.append("run ").append(a.get("table")))));
        CommandRegistry registry = new CommandRegistry(List.of(tables), f -> order.append("open ").append(f.id()).append(", "));
        registry.run("tables.open", Map.of("table", "hr.employee"));
        assertThat(order).hasToString("open tables, run hr.employee");
        assertThat(registry.problem("tables.open", Map.of())).contains("'tables.open' needs the argument 'table'");
    }

    private static String lesson(String step) {
        return "objective: 7\ntitle: t\nnotice: n\nsteps:\n  - " + step + "\n    callout: c\n";
    }

    private static Feature feature(String id, List<FeatureCommand> commands) {
        return new Feature() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return id;
            }

            @Override
            public FeatureView open(FeatureContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<FeatureCommand> commands() {
                return commands;
            }
        };
    }
}
