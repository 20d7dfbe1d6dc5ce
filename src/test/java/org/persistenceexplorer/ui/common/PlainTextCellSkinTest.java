package org.persistenceexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@link PlainTextCellSkin} in a real table: a value that fits is shown whole, a longer one is cut
 * with "…" inside the cell while the cell's text stays whole, a new value or a wider column fits
 * again, right alignment and the cell's text fill (CSS) reach the drawn text.
 */
class PlainTextCellSkinTest {

    private static final String LONG = "margaret.hamilton.apollo.guidance@example.com";

    private Stage stage;
    private TableView<String> table;
    private TableColumn<String, String> column;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void show() throws Exception {
        FxToolkit.setupFixture(() -> {
            table = new TableView<>(FXCollections.observableArrayList(List.of("short", LONG)));
            column = new TableColumn<>("value");
            column.setPrefWidth(120);
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()));
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected javafx.scene.control.Skin<?> createDefaultSkin() {
                    return new PlainTextCellSkin<>(this);
                }

                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            });
            table.getColumns().add(column);
            stage = new Stage();
            stage.setScene(new Scene(table, 400, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> stage.close());
    }

    @Test
    void aValueThatFitsIsShownWholeAndALongerOneIsCutWithAnEllipsisInsideTheCell() throws Exception {
        assertThat(fx(() -> skin(0).shownText())).isEqualTo("short");
        assertThat(fx(() -> cell(1).getText())).as("the cell's own text stays whole").isEqualTo(LONG);
        String cut = fx(() -> skin(1).shownText());
        assertThat(cut).endsWith("…").hasSizeLessThan(LONG.length());
        assertThat(LONG).startsWith(cut.substring(0, cut.length() - 1));
        assertThat(fx(() -> drawn(1).getMaxX())).as("the cut text ends inside the cell")
                .isLessThanOrEqualTo(fx(() -> cell(1).getWidth() - cell(1).snappedRightInset()) + 0.5);
    }

    @Test
    void aWiderColumnShowsTheWholeValueAgain() throws Exception {
        FxToolkit.setupFixture(() -> column.setPrefWidth(380));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> skin(1).shownText())).isEqualTo(LONG);
    }

    @Test
    void aNewValueInTheSameCellIsFittedAgain() throws Exception {
        FxToolkit.setupFixture(() -> table.getItems().set(1, "now short"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> skin(1).shownText())).isEqualTo("now short");
    }

    @Test
    void rightAlignmentAndTheCellsTextFillReachTheDrawnText() throws Exception {
        FxToolkit.setupFixture(() -> column.setStyle("-fx-alignment: center-right; -fx-text-fill: #cc0000;"));
        WaitForAsyncUtils.waitForFxEvents();
        double right = fx(() -> cell(0).getWidth() - cell(0).snappedRightInset());
        assertThat(fx(() -> drawn(0).getMaxX())).isCloseTo(right, org.assertj.core.data.Offset.offset(1.5));
        assertThat(fx(() -> text(0).getFill())).isEqualTo(Color.web("#cc0000"));
    }

    private TableCell<?, ?> cell(int row) {
        return table.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getIndex() == row && c.getTableColumn() == column).findFirst().orElseThrow();
    }

    private PlainTextCellSkin<?, ?> skin(int row) {
        return (PlainTextCellSkin<?, ?>) cell(row).getSkin();
    }

    private Text text(int row) {
        return (Text) cell(row).getChildrenUnmodifiable().stream().filter(Text.class::isInstance).findFirst().orElseThrow();
    }

    /** The drawn text's bounds in the cell's coordinates. */
    private Bounds drawn(int row) {
        return text(row).getBoundsInParent();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
