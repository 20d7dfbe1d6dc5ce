package org.persistenceexplorer.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.persistenceexplorer.service.lessons.Course;
import org.persistenceexplorer.service.lessons.Lesson;
import org.persistenceexplorer.service.lessons.LessonStep;

/**
 * Every lesson of the course, followed as a learner would on the real engines (headless, the
 * features' view-models with the inline runner): each Show me step's claim holds for the
 * statements it caused, each Your turn is recognised once done ("Do it for me"), and Reset
 * puts the data back. One test per lesson file.
 */
class EveryLessonTest {

    static Stream<String> lessons() {
        return LessonRig.get().course.entries().stream().map(Course.Entry::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void holdsWhatItClaims(String id) {
        LessonRig rig = LessonRig.get();
        Course.Entry entry = rig.course.entry(id).orElseThrow();
        assertThat(entry.problem()).as("the lesson loads").isNull();
        LessonsViewModel panel = rig.panel("every-" + id);
        panel.open(id);
        Lesson lesson = panel.lessonProperty().get();
        try {
            for (int i = 0; i < lesson.steps().size(); i++) {
                assertThat(panel.stepProperty().get()).isEqualTo(i);
                LessonStep step = panel.current();
                if (step.kind() == LessonStep.Kind.YOUR_TURN) {
                    panel.refresh();
                    assertThat(panel.recognisedProperty().get()).as("step %d not recognised before it is done", i + 1).isFalse();
                }
                panel.showMe();
                panel.refresh();
                assertThat(panel.problemProperty().get()).as("step %d runs", i + 1).isEmpty();
                if (step.kind() == LessonStep.Kind.SHOW_ME) {
                    assertThat(panel.claimHoldsProperty().get()).as("step %d: %s | %s | statements: %s", i + 1,
                            panel.verdictProperty().get(), panel.seenProperty().get(), texts(panel)).isTrue();
                    assertThat(panel.highlightProperty().get() != null || panel.stepStatements().isEmpty())
                            .as("step %d marks its statements", i + 1).isTrue();
                } else {
                    assertThat(panel.recognisedProperty().get()).as("step %d recognised: %s", i + 1, texts(panel)).isTrue();
                }
                panel.next();
            }
            assertThat(panel.done()).contains(id);
        } finally {
            panel.reset();
            assertThat(panel.problemProperty().get()).as("reset runs").isEmpty();
        }
    }

    private static String texts(LessonsViewModel panel) {
        StringBuilder b = new StringBuilder();
        panel.stepStatements().forEach(s -> b.append("\n  [").append(s.action()).append("] ").append(s.kind()).append(' ')
                .append(s.text().replaceAll("\\s+", " "), 0, Math.min(160, s.text().replaceAll("\\s+", " ").length()))
                .append(s.succeeded() ? "" : " ERROR " + s.error()));
        return b.toString();
    }
}
