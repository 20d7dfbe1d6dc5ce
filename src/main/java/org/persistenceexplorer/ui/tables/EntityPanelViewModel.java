package org.persistenceexplorer.ui.tables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.service.tables.GridRow;
import org.persistenceexplorer.service.tables.RowEdit;
import org.persistenceexplorer.service.tables.RowEditing;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.service.tables.entity.EditOutcome;
import org.persistenceexplorer.service.tables.entity.EntityEdit;
import org.persistenceexplorer.service.tables.entity.EntityEditing;
import org.persistenceexplorer.service.tables.entity.EntityModel;
import org.persistenceexplorer.service.tables.entity.ModelAttribute;
import org.persistenceexplorer.service.tables.entity.Navigation;
import org.persistenceexplorer.service.tables.entity.EntityState;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.SessionLane;

/**
 * Entity mode's side panel: the selected row as a Hibernate entity, its form, its lifecycle
 * state and the steps that moved it, the statements each step sent (from the log, by action),
 * and what the database refused or what changed meanwhile; relationships followed in place. For
 * a table no entity maps, the same form edits the row with plain parameterised SQL
 * ({@link RowEditing}). Hibernate work runs on one session lane (a session belongs to its
 * thread). FX thread; callbacks arrive there too.
 */
public final class EntityPanelViewModel {

    static final String SAVE = "tables: save";
    static final String LOAD = "tables: load entity";
    static final String DELETE = "tables: delete";
    static final String NAVIGATE = "tables: navigate";
    static final String RELOAD = "tables: reload";

    private final BackgroundRunner runner;
    private final EntityEditing editing;
    private final Runnable dataChanged;
    private final SessionLane lane;
    private final ReadOnlyStringWrapper entityName = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<EntityState> state = new ReadOnlyObjectWrapper<>();
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final ObservableList<String> transitions = FXCollections.observableArrayList();
    private final ObservableList<String> statements = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsProblem = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ObservableList<ModelAttribute> relationships = FXCollections.observableArrayList();
    private final ObservableList<Navigation.Related> related = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper relatedTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trail = new ReadOnlyStringWrapper("");
    private final TableCatalog catalog;
    /** Tables navigation reached, described (touched on the lane and the FX thread). */
    private final java.util.Map<TableRef, TableDescription> described = new java.util.concurrent.ConcurrentHashMap<>();
    private final RowEditing rowEditing;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Entity mode");
    private final ReadOnlyBooleanWrapper saveAllowed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper deleteAllowed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper reloadAllowed = new ReadOnlyBooleanWrapper();
    /** No entity maps the open table: its rows are edited with plain SQL. */
    private boolean plain;
    /** The primary key of the row in the plain form; null for a new row or none. */
    private List<String> plainKey;
    private boolean plainRowOpen;
    private TableDescription table;
    /** The table of the entity in the panel: the grid's, or the one navigation reached. */
    private TableDescription entityTable;
    private EntityEdit edit;
    private String loadedId;

    /**
     * @param catalog     describes the tables navigation reaches
     * @param dataChanged told after a save or delete reached the database (the grid reads again)
     */
    public EntityPanelViewModel(BackgroundRunner runner, EntityEditing editing, TableCatalog catalog, RowEditing rowEditing,
                                Runnable dataChanged) {
        this.runner = runner;
        this.editing = editing;
        this.catalog = catalog;
        this.rowEditing = rowEditing;
        state.addListener((obs, old, now) -> commands());
        entityName.addListener((obs, old, name) -> {
            if (!plain && !name.isEmpty()) {
                title.set("Entity mode: " + name);
            }
        });
        this.dataChanged = dataChanged;
        this.lane = runner.lane("tables-entity");
    }

    /** The table the panel shows now (lesson commands check it before they open it again). */
    TableDescription table() {
        return table;
    }

    /** The id of the entity loaded now, or null (none, or a new one). */
    String loadedId() {
        return loadedId;
    }

    /** A table was opened: entity mode if an entity maps it. */
    public void tableOpened(TableDescription description) {
        table = description;
        String name = description == null ? null : editing.entityOf(description.ref()).orElse(null);
        plain = name == null && description != null && editing.ready();
        if (description != null) {
            described.put(description.ref(), description);
        }
        Optional<String> readOnly = plain ? RowEditing.readOnlyReason(description) : Optional.empty();
        available.set(name != null || plain && readOnly.isEmpty());
        entityName.set(name == null ? "" : name);
        title.set(name != null ? "Entity mode: " + name : plain ? "Plain SQL: " + description.ref() : "Entity mode");
        plainKey = null;
        plainRowOpen = false;
        closeEdit();
        fields.clear();
        state.set(null);
        transitions.clear();
        statements.clear();
        related.clear();
        relatedTitle.set("");
        trail.set("");
        entityTable = description;
        conflict.set(false);
        say(name != null ? "Select a row to edit it through Hibernate, or New." : description == null ? ""
                : plain ? readOnly.orElse("No entity maps " + description.ref() + ": a row is edited with plain SQL, "
                + "UPDATE / INSERT / DELETE by its primary key with bound values, one transaction each. Select a row, or New.")
                : editing.ready() ? description.ref() + " has no entity: entity mode is for mapped tables."
                : "Hibernate is still starting; entity mode comes when it is ready.", false);
    }

    /** On the tab's ticks: entity mode arrives once Hibernate has opened (it boots after the window). */
    public void refresh() {
        if (!available.get() && !plain && table != null && editing.ready()) {
            tableOpened(table);
        }
    }

    /** A grid row was selected: load it as an entity (a new session, managed). */
    public void rowSelected(GridRow row) {
        if (plain && available.get() && row != null) {
            fields.setAll(PlainRowForm.of(table, row));
            plainKey = row.rowKey();
            plainRowOpen = true;
            trail.set(table.ref() + " " + String.join(", ", plainKey));
            say("Change fields and Save: an UPDATE of the changed columns WHERE " + keyCondition() + ", in a transaction.", false);
            commands();
            return;
        }
        if (!available.get() || row == null || table == null || table.primaryKey().size() != 1) {
            return;
        }
        String id = row.rowKey().get(0);
        if (id.equals(loadedId) && entityTable == table && state.get() == EntityState.MANAGED) {
            return;
        }
        entityTable = table;
        entityName.set(editing.entityOf(table.ref()).orElse(""));
        related.clear();
        relatedTitle.set("");
        load(id);
    }

    private void load(String id) {
        TableDescription current = entityTable;
        EntityEdit previous = edit;
        edit = null;
        runner.task(LOAD, p -> {
                    if (previous != null) {
                        previous.close();
                    }
                    return editing.load(current, id);
                })
                .on(lane)
                .replacing("tables.entity")
                .onSuccess(loaded -> {
                    edit = loaded.edit();
                    loadedId = id;
                    transitions.clear();
                    trail.set(entityName.get() + " " + id);
                    show(loaded.outcome(), loaded.edit().state());
                    if (loaded.outcome().kind() == EditOutcome.Kind.GONE) {
                        say("The row is not there any more (deleted meanwhile).", true);
                    } else {
                        say("Loaded: managed by an open session. Change fields and Save.", false);
                    }
                })
                .onFailure(e -> say(TablesText.problem(e), true))
                .start();
    }

    /**
     * Follows a relationship of the entity in its session (tables: navigate): the related
     * entities are listed; a to-one's single target opens in place at once.
     */
    public void follow(ModelAttribute relationship) {
        EntityEdit current = edit;
        if (current == null || current.state() == EntityState.TRANSIENT || relationship == null) {
            return;
        }
        runner.task(NAVIGATE, p -> current.follow(relationship.name()))
                .on(lane)
                .onSuccess(navigation -> {
                    if (current != edit) {
                        return;
                    }
                    related.setAll(navigation.related());
                    relatedTitle.set(relationship.name() + " → " + navigation.related().size() + " " + navigation.targetName()
                            + (navigation.related().size() == 1 ? "" : "s") + " (" + relationship.relationship() + ")");
                    transitions.add("→ " + current.state().label() + "   (follow " + relationship.name() + ": " + navigation.how() + ")");
                    statements.setAll(navigation.statements().stream().map(EntityPanelViewModel::describe).toList());
                    say(Character.toUpperCase(navigation.how().charAt(0)) + navigation.how().substring(1) + ".", false);
                    if (relationship.kind() == ModelAttribute.Kind.TO_ONE && navigation.related().size() == 1) {
                        openRelated(navigation.related().get(0), relationship.name());
                    }
                })
                .onFailure(e -> say(TablesText.problem(e), true))
                .start();
    }

    /** Opens a related entity in the panel, in the same Hibernate session. */
    public void openRelated(Navigation.Related target) {
        openRelated(target, null);
    }

    private void openRelated(Navigation.Related target, String via) {
        EntityEdit current = edit;
        if (current == null || target == null) {
            return;
        }
        String before = trail.get();
        runner.task(NAVIGATE, p -> {
                    TableRef ref = editing.tableOf(target.entityName())
                            .orElseThrow(() -> new IllegalArgumentException(target.entityName() + " is not mapped"));
                    // described once per table: the catalog's reads would otherwise crowd the navigation's statements
                    TableDescription description = described.get(ref);
                    if (description == null) {
                        description = catalog.describe(ref);
                        described.put(ref, description);
                    }
                    return new Reached(description, editing.openRelated(current, target, description));
                })
                .on(lane)
                .onSuccess(reached -> {
                    edit = reached.loaded().edit();
                    entityTable = reached.table();
                    loadedId = target.id();
                    entityName.set(target.entityName());
                    related.clear();
                    relatedTitle.set("");
                    trail.set(before + (via == null ? " → " : " → " + via + " → ") + target.entityName() + " " + target.id());
                    show(reached.loaded().outcome(), reached.loaded().edit().state());
                    say("Opened " + target + " in the same session.", false);
                })
                .onFailure(e -> say(TablesText.problem(e), true))
                .start();
    }

    private record Reached(TableDescription table, EntityEditing.Loaded loaded) {
    }

    /** Starts a new, transient entity to fill in. */
    public void startNew() {
        if (!available.get()) {
            return;
        }
        if (plain) {
            fields.setAll(PlainRowForm.empty(table));
            plainKey = null;
            plainRowOpen = true;
            trail.set("new row of " + table.ref());
            say("New row: fill in fields and Save (an INSERT; empty fields get their default or NULL).", false);
            commands();
            return;
        }
        entityTable = table;
        entityName.set(editing.entityOf(table.ref()).orElse(""));
        related.clear();
        relatedTitle.set("");
        trail.set("new " + entityName.get());
        TableDescription current = table;
        EntityEdit previous = edit;
        edit = null;
        runner.task("tables: new entity", p -> {
                    if (previous != null) {
                        previous.close();
                    }
                    return editing.startNew(current);
                })
                .on(lane)
                .onSuccess(loaded -> {
                    edit = loaded.edit();
                    loadedId = null;
                    transitions.clear();
                    show(loaded.outcome(), loaded.edit().state());
                    say("New " + entityName.get() + ": transient until saved (persist).", false);
                })
                .onFailure(e -> say(TablesText.problem(e), true))
                .start();
    }

    /** Sends the changed fields through Hibernate (nothing when none changed or one is invalid). */
    public void save() {
        if (plain) {
            savePlain();
            return;
        }
        EntityEdit current = edit;
        if (current == null) {
            return;
        }
        Map<String, String> changes = new LinkedHashMap<>();
        fields.forEach(f -> {
            f.setError("");
            if (f.changed()) {
                changes.put(f.field().attribute(), f.textProperty().get());
            }
        });
        if (changes.isEmpty() && current.state() != EntityState.TRANSIENT) {
            say("Nothing changed, so nothing is sent.", false);
            return;
        }
        runner.task(SAVE, p -> current.save(changes))
                .on(lane)
                .onSuccess(outcome -> finished(current, outcome, "Saved"))
                .onFailure(e -> say(TablesText.problem(e), true))
                .start();
    }

    /** Deletes the entity's row (after the view asked the user). */
    public void delete() {
        if (plain) {
            if (plainRowOpen && plainKey != null) {
                TableDescription current = table;
                List<String> key = plainKey;
                Map<String, String> read = PlainRowForm.loaded(fields);
                runner.task(DELETE, p -> rowEditing.delete(current, key, read)).onSuccess(this::plainDone)
                        .onFailure(e -> say(TablesText.problem(e), true)).start();
            }
            return;
        }
        EntityEdit current = edit;
        if (current == null || current.state() == EntityState.TRANSIENT) {
            return;
        }
        runner.task(DELETE, p -> current.delete())
                .on(lane)
                .onSuccess(outcome -> finished(current, outcome, "Deleted"))
                .onFailure(e -> say(TablesText.problem(e), true))
                .start();
    }

    /** Reads the row again from the database (the way out of a conflict): the form shows it as it is now. */
    public void reload() {
        if (plain) {
            reloadPlain();
            return;
        }
        if (loadedId != null) {
            String id = loadedId;
            loadedId = null;
            load(id);
        }
    }

    private void reloadPlain() {
        dataChanged.run();
        if (!plainRowOpen || plainKey == null) {
            fields.clear();
            plainRowOpen = false;
            commands();
            say("The grid reads the rows again; select one.", false);
            return;
        }
        TableDescription current = table;
        List<String> key = plainKey;
        runner.task(RELOAD, p -> rowEditing.row(current, key))
                .onSuccess(row -> {
                    if (current != table || !key.equals(plainKey)) {
                        return; // another row or table was opened meanwhile
                    }
                    if (row == null) {
                        fields.clear();
                        plainRowOpen = false;
                        plainKey = null;
                        say("The row is not there any more (deleted, or its key changed meanwhile).", true);
                    } else {
                        fields.setAll(PlainRowForm.of(table, row));
                        say("Reloaded: the row as it is in the database now. Change fields and Save.", false);
                    }
                    commands();
                })
                .onFailure(e -> say(TablesText.problem(e), true))
                .start();
    }

    private void savePlain() {
        if (!plainRowOpen) {
            return;
        }
        Map<String, String> changes = PlainRowForm.changes(fields);
        Map<String, String> read = PlainRowForm.read(fields);
        if (changes.isEmpty() && plainKey != null) {
            say("Nothing changed, so nothing is sent.", false);
            return;
        }
        TableDescription current = table;
        List<String> key = plainKey;
        runner.task(SAVE, p -> key == null ? rowEditing.insert(current, changes) : rowEditing.update(current, key, changes, read))
                .onSuccess(this::plainDone)
                .onFailure(e -> say(TablesText.problem(e), true))
                .start();
    }

    private void plainDone(RowEdit result) {
        statements.setAll(result.statements().stream().map(EntityPanelViewModel::describe).toList());
        switch (result.kind()) {
            case DONE -> {
                if (result.row() == null) {
                    fields.clear();
                    plainRowOpen = false;
                    plainKey = null;
                } else {
                    fields.setAll(PlainRowForm.of(table, result.row()));
                    plainKey = result.rowKey();
                    trail.set(table.ref() + " " + String.join(", ", plainKey));
                }
                say(result.message(), false);
            }
            case CHANGED -> say(result.message(), true); // the form keeps what the user read and typed; Reload shows the row now
            case GONE -> {
                fields.clear();
                plainRowOpen = false;
                plainKey = null;
                say(result.message(), true);
            }
            default -> {
                fields.setAll(PlainRowForm.reset(fields));
                say(result.message(), true);
            }
        }
        commands();
        dataChanged.run();
    }

    /** Which buttons make sense now. */
    private void commands() {
        if (plain) {
            saveAllowed.set(plainRowOpen);
            deleteAllowed.set(plainRowOpen && plainKey != null);
            reloadAllowed.set(available.get());
            return;
        }
        EntityState now = state.get();
        saveAllowed.set(now != null && now != EntityState.REMOVED);
        deleteAllowed.set(now != null && now != EntityState.TRANSIENT);
        reloadAllowed.set(now != null);
    }

    /** The question before a delete, naming how it is sent. */
    public String deleteQuestion() {
        return plain ? "Delete this row of " + table.ref() + " with plain SQL (DELETE ... WHERE " + keyCondition()
                + ")? Rows the database cascades to go with it."
                : "Delete this " + entityName.get() + " through Hibernate? Rows that cascade are deleted too and listed afterwards.";
    }

    /** "employee_id = ? AND project_id = ?". */
    private String keyCondition() {
        return String.join(" AND ", table.primaryKey().stream().map(c -> c + " = ?").toList());
    }

    /** "Entity mode: Employee" or "Plain SQL: hr.employee_project". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty saveAllowedProperty() {
        return saveAllowed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty deleteAllowedProperty() {
        return deleteAllowed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reloadAllowedProperty() {
        return reloadAllowed.getReadOnlyProperty();
    }

    private void finished(EntityEdit current, EditOutcome outcome, String done) {
        if (current != edit) {
            return;
        }
        show(outcome, current.state());
        switch (outcome.kind()) {
            case DONE -> {
                String id = outcome.value("id");
                loadedId = id;
                say(done + (outcome.cascaded().isEmpty() ? "." : ". Also removed: " + String.join("; ", outcome.cascaded()))
                        , false);
                dataChanged.run();
            }
            case INVALID -> {
                fields.forEach(f -> f.setError(outcome.fieldErrors().get(f.field().attribute())));
                say("Not sent: " + outcome.fieldErrors().size() + " field(s) are not valid (see beside them).", true);
            }
            case REFUSED -> {
                say(outcome.refusal().message(), true);
                dataChanged.run();
            }
            case CONFLICT -> {
                StringBuilder text = new StringBuilder("Someone changed this row since you loaded it; the version "
                        + "check matched no row, so nothing was saved.");
                outcome.conflict().forEach((attribute, both) -> text.append("\n").append(attribute).append(": yours ")
                        .append(both.get(0)).append(", now in the database ").append(both.get(1)));
                text.append("\nReload to edit the current row.");
                say(text.toString(), true);
                conflict.set(true);
                dataChanged.run();
            }
            case GONE -> say("The row is not there any more.", true);
            default -> {
            }
        }
    }

    private void show(EditOutcome outcome, EntityState now) {
        if (outcome.kind() != EditOutcome.Kind.INVALID) {
            fields.setAll(outcome.fields().stream().map(FieldRow::new).toList());
            conflict.set(false);
        }
        outcome.transitions().forEach(t -> transitions.add("→ " + t.state().label() + "   (" + t.cause() + ")"));
        statements.setAll(outcome.statements().stream().map(EntityPanelViewModel::describe).toList());
        state.set(now);
    }

    static String describe(CapturedStatement s) {
        String parameters = s.parameters().isEmpty() ? "" : "  " + s.parameters();
        String rows = s.rows() >= 0 ? "  → " + s.rows() + " row(s)" : "";
        return "#" + s.sequence() + " [" + s.action() + "] " + s.text() + parameters + rows
                + (s.succeeded() ? "" : "  ✗ " + s.error());
    }

    private void say(String text, boolean problem) {
        message.set(text);
        messageIsProblem.set(problem);
    }

    private void closeEdit() {
        EntityEdit previous = edit;
        edit = null;
        loadedId = null;
        if (previous != null && !lane.isClosed()) {
            runner.task("tables: close session", p -> {
                previous.close();
                return null;
            }).on(lane).start();
        }
    }

    /** The window closes: end the open session, then the lane. */
    public void close() {
        closeEdit();
        lane.close();
    }

    /** The relationships of the entity shown (from the entity model), to follow. */
    public ObservableList<ModelAttribute> relationships() {
        return relationships;
    }

    /** Called with the entity-model panel's model: the relationships to offer. */
    void modelShown(EntityModel model) {
        relationships.setAll(model == null || !model.entityName().equals(entityName.get()) ? List.of() : model.relationships());
    }

    /** What the last relationship followed reached. */
    public ObservableList<Navigation.Related> related() {
        return related;
    }

    public ReadOnlyStringProperty relatedTitleProperty() {
        return relatedTitle.getReadOnlyProperty();
    }

    /** Where navigation went, e.g. "Employee 2 → manager → Employee 1". */
    public ReadOnlyStringProperty trailProperty() {
        return trail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty entityNameProperty() {
        return entityName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EntityState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObservableList<FieldRow> fields() {
        return fields;
    }

    public ObservableList<String> transitions() {
        return transitions;
    }

    public ObservableList<String> statements() {
        return statements;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** True when the open table is mapped to an entity. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    List<FieldRow> fieldRows() {
        return fields;
    }
}
