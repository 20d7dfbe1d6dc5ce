package org.persistenceexplorer.ui.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A reused cell follows only the row it shows now. */
@ExtendWith(ApplicationExtension.class)
class StepCellTest extends FxRobot {

    private final StepRow postgres = new StepRow("pg-start", "Starting PostgreSQL", true);
    private final StepRow neo4j = new StepRow("neo4j-start", "Starting Neo4j", false);

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aRowTheCellNoLongerShowsDoesNotRestyleIt() {
        StepCell cell = new StepCell();
        interact(() -> {
            cell.updateItem(postgres, false);
            cell.updateItem(neo4j, false);
            cell.updateItem(postgres, false);
            cell.updateItem(neo4j, false);
            postgres.stateProperty().set(StepRow.State.FAILED);
        });

        assertThat(stateClasses(cell)).containsExactly("pe-step-waiting");

        interact(() -> neo4j.stateProperty().set(StepRow.State.RUNNING));

        assertThat(stateClasses(cell)).containsExactly("pe-step-running");
    }

    @Test
    void anEmptiedCellDropsTheStateStyleAndStopsListening() {
        StepCell cell = new StepCell();
        interact(() -> {
            cell.updateItem(postgres, false);
            cell.updateItem(null, true);
            postgres.stateProperty().set(StepRow.State.DONE);
        });

        assertThat(stateClasses(cell)).isEmpty();
        assertThat(cell.getGraphic()).isNull();
    }

    private static List<String> stateClasses(StepCell cell) {
        return cell.getStyleClass().stream().filter(s -> s.startsWith("pe-step-")).toList();
    }
}
