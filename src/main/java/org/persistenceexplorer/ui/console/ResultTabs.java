package org.persistenceexplorer.ui.console;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.persistenceexplorer.domain.console.Column;
import org.persistenceexplorer.domain.console.PlanNode;

/**
 * Builds the tab for one result: a virtualised table (column name and type in the header,
 * NULL shown as such), an update count, a plan tree with the slowest node and 10x misestimates
 * marked, or a message. FX thread.
 */
final class ResultTabs {

    /** A SQL NULL cell (console.css: muted, italic). */
    static final PseudoClass SQL_NULL = PseudoClass.getPseudoClass("sql-null");
    static final String RESULTS_STYLE = "pe-console-results";
    static final String SLOWEST_STYLE = "pe-plan-slowest";
    static final String OFF_STYLE = "pe-plan-off";

    private ResultTabs() {
    }

    static Tab of(ResultView result) {
        Tab tab = new Tab(result.title());
        tab.setUserData(result);
        Node body = switch (result.kind()) {
            case ROWS -> table(result);
            case PLAN -> plan(result);
            case UPDATED -> label(result.text(), "pe-console-update");
            case MESSAGE -> label(result.text(), "pe-console-update");
        };
        Label note = new Label();
        note.getStyleClass().add("pe-console-note");
        note.textProperty().bind(result.noteProperty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        note.setId("consoleResultNote");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(body, Priority.ALWAYS);
        tab.setContent(new VBox(4, body, note));
        return tab;
    }

    private static Label label(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setId("consoleResultText");
        return label;
    }

    private static TableView<List<String>> table(ResultView result) {
        TableView<List<String>> table = new TableView<>(result.rows());
        table.setId("consoleResultTable");
        // One line per row at a fixed height (console.css, in em so projector mode scales it): the
        // flow then need not measure each row as it lays out a page of new cells.
        table.getStyleClass().add(RESULTS_STYLE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No rows."));
        List<Column> columns = result.columns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            Column c = columns.get(i);
            TableColumn<List<String>, String> column = new TableColumn<>(c.type().isEmpty() ? c.name() : c.name() + "\n" + c.type());
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(index < row.getValue().size() ? row.getValue().get(index) : null));
            column.setCellFactory(col -> new ValueCell());
            column.setPrefWidth(Math.min(320, Math.max(80, 9 * Math.max(c.name().length(), c.type().length()) + 24)));
            column.setSortable(false); // sorting a page would mislead: the server's ORDER BY decides
            table.getColumns().add(column);
        }
        return table;
    }

    /**
     * A text cell that shows SQL NULL as a muted "NULL", distinct from the text 'NULL', and a
     * value on one line (line breaks as ⏎; copy and export take the value, not the marker). NULL is a
     * pseudo-class, not a style class: changing a style class re-matches the cell's CSS on every
     * update, a pseudo-class only switches state.
     */
    static final class ValueCell extends TableCell<List<String>, String> {
        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            pseudoClassStateChanged(SQL_NULL, !empty && value == null);
            if (empty) {
                setText(null);
            } else if (value == null) {
                setText("NULL");
            } else {
                setText(oneLine(value));
            }
        }

        static String oneLine(String value) {
            String shown = value.length() > 500 ? value.substring(0, 500) + "…" : value;
            return shown.indexOf('\n') < 0 && shown.indexOf('\r') < 0 ? shown
                    : shown.replace("\r\n", "⏎").replace('\n', '⏎').replace('\r', '⏎');
        }
    }

    private static TreeTableView<PlanNode> plan(ResultView result) {
        TreeItem<PlanNode> root = item(result.plan());
        TreeTableView<PlanNode> tree = new TreeTableView<>(root);
        tree.setId("consolePlanTree");
        tree.setShowRoot(true);
        boolean neo4j = result.plan().dbHits() >= 0 || result.plan().totalCost() < 0;
        tree.getColumns().add(column("Step", 230, n -> n.operator()));
        tree.getColumns().add(column(neo4j ? "Details" : "Relation / condition", 260, PlanNode::relation));
        if (!neo4j) {
            tree.getColumns().add(column("Index", 140, PlanNode::index));
        }
        TreeTableColumn<PlanNode, String> rows = column("Rows est. / actual", 175,
                n -> number(n.estimatedRows()) + " / " + (n.actualRows() < 0 ? "–" : number(n.actualRows())));
        tree.getColumns().add(rows);
        if (neo4j) {
            tree.getColumns().add(column("DB hits", 90, n -> n.dbHits() < 0 ? "–" : String.valueOf(n.dbHits())));
        } else {
            tree.getColumns().add(column("Loops", 60, n -> n.loops() < 0 ? "–" : String.valueOf(n.loops())));
            tree.getColumns().add(column("Cost", 80, n -> number(n.totalCost())));
            tree.getColumns().add(column("Time ms (own)", 120, n -> n.actualMillis() < 0 ? "–"
                    : String.format(Locale.ROOT, "%.3f (%.3f)", n.actualMillis(), n.selfMillis())));
        }
        tree.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(PlanNode node, boolean empty) {
                super.updateItem(node, empty);
                getStyleClass().removeAll(SLOWEST_STYLE, OFF_STYLE);
                if (!empty && node != null) {
                    if (node.slowest()) {
                        getStyleClass().add(SLOWEST_STYLE);
                    }
                    if (node.estimateOff()) {
                        getStyleClass().add(OFF_STYLE);
                    }
                }
            }
        });
        return tree;
    }

    private static TreeItem<PlanNode> item(PlanNode node) {
        TreeItem<PlanNode> item = new TreeItem<>(node);
        item.setExpanded(true);
        node.children().forEach(c -> item.getChildren().add(item(c)));
        return item;
    }

    private static TreeTableColumn<PlanNode, String> column(String title, double width,
                                                            java.util.function.Function<PlanNode, String> text) {
        TreeTableColumn<PlanNode, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? "" : decorate(c.getValue().getValue(), title, text)));
        return column;
    }

    private static String decorate(PlanNode node, String title, java.util.function.Function<PlanNode, String> text) {
        String value = text.apply(node);
        if (title.equals("Step") && node.slowest()) {
            return value + "  ◀ slowest";
        }
        if (title.startsWith("Rows") && node.estimateOff()) {
            return value + "  ⚠ >10x off";
        }
        return value;
    }

    private static String number(double value) {
        if (value < 0) {
            return "–";
        }
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
