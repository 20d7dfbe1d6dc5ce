package org.persistenceexplorer.ui.lessons;

import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.persistenceexplorer.service.lessons.Course;
import org.persistenceexplorer.service.lessons.Lesson;
import org.persistenceexplorer.service.lessons.LessonStep;

/**
 * The Lessons side panel: "Start here" on first launch, the course as a checklist grouped as
 * the curriculum is, and the open lesson: what to notice, the step, its callout, what the log
 * shows and whether the claim holds, Show me / Do it for me, back and next, Reset lesson and
 * Present (Page Down / Page Up drive the lesson, callouts grow). Binds to
 * {@link LessonsViewModel}; no logic of its own. FX thread.
 */
public final class LessonsPanel {

    private final LessonsViewModel model;
    private final VBox root = new VBox();
    private final TreeView<Object> checklist = new TreeView<>();

    private final Runnable close;

    /** @param close closes the panel (its × button) */
    public LessonsPanel(LessonsViewModel model, Runnable close) {
        this.model = model;
        this.close = close;
        root.getStyleClass().add("pe-lessons");
        root.setId("lessonsPanel");
        // Width from CSS (lessons.css; projector.css makes it wider for its larger text).
        root.setMinWidth(300);
        // Its rules live in the window's stylesheet (explorer.css), so projector.css can override them.
        root.getChildren().addAll(header(), startHere(), checklist());
        lesson();
        model.presentingProperty().addListener((o, was, now) -> {
            root.getStyleClass().remove("pe-lessons-presenting");
            if (now) {
                root.getStyleClass().add("pe-lessons-presenting");
            }
        });
        // Page Down / Page Up anywhere in the window while presenting (a clicker sends them).
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, this::presenterKey);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::presenterKey);
            }
        });
    }

    public Node node() {
        return root;
    }

    private void presenterKey(KeyEvent e) {
        if (!model.presentingProperty().get() || !root.isVisible()) {
            return;
        }
        if (e.getCode() == KeyCode.PAGE_DOWN) {
            model.advance();
            e.consume();
        } else if (e.getCode() == KeyCode.PAGE_UP) {
            model.back();
            e.consume();
        }
    }

    private Node header() {
        Label title = new Label("Lessons");
        title.getStyleClass().add("pe-lessons-title");
        // A narrow panel (beside a wide tab at projector sizes) cuts the count, not its own name.
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label progress = new Label();
        progress.setId("lessonsProgress");
        progress.getStyleClass().add("pe-muted");
        Runnable count = () -> progress.setText(model.done().size() + " of " + model.course().entries().size() + " done");
        count.run();
        model.done().addListener((SetChangeListener<String>) c -> {
            count.run();
            checklist.refresh();
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button closing = new Button("×");
        closing.setId("lessonsClose");
        closing.getStyleClass().add("flat");
        closing.setOnAction(e -> close.run());
        HBox header = new HBox(8, title, gap, progress, closing);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node startHere() {
        Label text = new Label("New here? Lessons walk you through every idea of the course, one click at a time: "
                + "Show me does it and marks in the statement log what it sent. The first lesson takes two minutes.");
        text.setWrapText(true);
        Button open = new Button("Start here: the first lesson");
        open.setId("startHereButton");
        open.setDefaultButton(false);
        open.setOnAction(e -> model.startHere());
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissStartHere");
        dismiss.setOnAction(e -> model.dismissStartHere());
        VBox box = new VBox(6, text, new HBox(6, open, dismiss));
        box.getStyleClass().add("pe-lessons-start");
        box.setId("startHere");
        box.visibleProperty().bind(model.startHereProperty().and(model.presentingProperty().not()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node checklist() {
        TreeItem<Object> top = new TreeItem<>("Course");
        for (Course.Group group : model.course().groups()) {
            TreeItem<Object> g = new TreeItem<>(group.title());
            g.setExpanded(true);
            group.entries().forEach(entry -> g.getChildren().add(new TreeItem<>(entry)));
            top.getChildren().add(g);
        }
        checklist.setRoot(top);
        checklist.setShowRoot(false);
        checklist.setId("lessonsChecklist");
        checklist.setPrefHeight(230);
        checklist.setMinHeight(120);
        // Presenting, the room goes to the lesson: the audience needs the callout, not the course list.
        checklist.visibleProperty().bind(model.presentingProperty().not());
        checklist.managedProperty().bind(model.presentingProperty().not());
        checklist.setCellFactory(view -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                } else if (item instanceof Course.Entry entry) {
                    setText(entry.loaded() ? (model.done().contains(entry.id()) ? "✓ " : "○ ")
                            + entry.lesson().objective() + ". " + entry.lesson().title()
                            : "✗ " + entry.id() + " (does not load)");
                } else {
                    setText(item.toString());
                }
            }
        });
        checklist.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (item != null && item.getValue() instanceof Course.Entry entry) {
                model.open(entry.id());
            }
        });
        return checklist;
    }

    private void lesson() {
        Label title = wrapped("lessonTitle", "pe-lesson-title");
        Label notice = wrapped("lessonNotice", "pe-lesson-notice");
        notice.visibleProperty().bind(model.presentingProperty().not());
        notice.managedProperty().bind(notice.visibleProperty());
        Label stepLine = wrapped("lessonStep", "pe-lesson-step");
        Label callout = wrapped("lessonCallout", "pe-lesson-callout");
        callout.setMaxWidth(Double.MAX_VALUE);
        Label verdict = wrapped("lessonVerdict", null);
        Label seen = wrapped("lessonSeen", "pe-lesson-seen");
        Label problem = wrapped("lessonProblem", "pe-lesson-problem");
        problem.textProperty().bind(model.problemProperty());
        seen.textProperty().bind(model.seenProperty());
        verdict.textProperty().bind(model.verdictProperty());
        model.verdictProperty().addListener((o, was, now) -> {
            verdict.getStyleClass().removeAll("pe-lesson-ok", "pe-lesson-waiting");
            verdict.getStyleClass().add(now.startsWith("✓") ? "pe-lesson-ok" : "pe-lesson-waiting");
        });

        Button back = new Button("◀ Back");
        back.setId("lessonBack");
        back.setOnAction(e -> model.previous());
        Button show = new Button("Show me");
        show.setId("lessonShowMe");
        show.setDefaultButton(false);
        show.setOnAction(e -> model.showMe());
        Button next = new Button("Next ▶");
        next.setId("lessonNext");
        next.setOnAction(e -> model.next());
        Button reset = new Button("Reset lesson");
        reset.setId("lessonReset");
        reset.setOnAction(e -> model.reset());
        ToggleButton present = new ToggleButton("Present (Page Down / Page Up)");
        present.setId("lessonPresent");
        present.selectedProperty().bindBidirectional(model.presentingProperty());
        HBox steps = new HBox(6, back, show, next);
        HBox more = new HBox(6, reset, present);

        Runnable update = () -> {
            Lesson l = model.lessonProperty().get();
            LessonStep s = model.current();
            title.setText(l == null ? "" : l.objective() + ". " + l.title());
            notice.setText(l == null ? "Pick a lesson above." : l.notice());
            stepLine.setText(s == null ? "" : "Step " + (model.stepProperty().get() + 1) + " of " + l.steps().size() + " · " + s.kind().title());
            callout.setText(s == null ? "" : s.text());
            callout.setVisible(s != null);
            callout.setManaged(s != null);
            show.setText(s != null && s.kind() == LessonStep.Kind.YOUR_TURN ? "Do it for me" : "Show me");
            show.setDisable(s == null);
            back.setDisable(s == null || model.stepProperty().get() == 0);
            next.setDisable(s == null || model.stepProperty().get() >= l.steps().size() - 1);
            reset.setDisable(l == null);
        };
        model.lessonProperty().addListener((o, a, b) -> update.run());
        model.stepProperty().addListener((o, a, b) -> update.run());
        update.run();

        VBox box = new VBox(8, title, notice, stepLine, callout, verdict, seen, problem);
        box.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId("lessonScroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // The buttons stay at the panel's foot, where the hand finds them whatever the text's length.
        root.getChildren().addAll(scroll, steps, more);
    }

    private static Label wrapped(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (style != null) {
            label.getStyleClass().add(style);
        }
        return label;
    }
}
