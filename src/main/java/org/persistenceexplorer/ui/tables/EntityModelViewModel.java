package org.persistenceexplorer.ui.tables;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.service.tables.entity.EntityModel;
import org.persistenceexplorer.service.tables.entity.EntityModels;
import org.persistenceexplorer.ui.common.BackgroundRunner;

/**
 * The entity-model panel: how Hibernate maps the open table's entity (or the entity the panel
 * navigated to), read from the metamodel in the background (no SQL; the first read builds
 * Bean Validation's metadata). FX thread; callbacks arrive there too.
 */
public final class EntityModelViewModel {

    private final BackgroundRunner runner;
    private final EntityModels models;
    private final ObservableList<ModelLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<EntityModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private TableRef wantedTable;

    public EntityModelViewModel(BackgroundRunner runner, EntityModels models) {
        this.runner = runner;
        this.models = models;
    }

    /** Shows the entity mapped to this table (or says there is none). */
    public void showTable(TableRef table) {
        wantedTable = table;
        if (table == null) {
            show(null, "");
            return;
        }
        runner.task("tables: read entity model", p -> models.forTable(table))
                .replacing("tables.model")
                .onSuccess(found -> show(found.orElse(null), found.isPresent() ? ""
                        : models.all().isEmpty() ? "Hibernate is still starting; the mapping shows when it is ready."
                        : "No entity maps " + table + ": Hibernate does not know this table (rows are edited with plain SQL)."))
                .onFailure(e -> show(null, TablesText.problem(e)))
                .start();
    }

    /** Shows an entity by name (the panel navigated to it). */
    public void showEntity(String entityName) {
        if (entityName == null || entityName.isEmpty() || model.get() != null && model.get().entityName().equals(entityName)) {
            return;
        }
        runner.task("tables: read entity model", p -> models.named(entityName))
                .replacing("tables.model")
                .onSuccess(found -> show(found.orElse(null), found.isPresent() ? "" : entityName + " is not mapped."))
                .onFailure(e -> show(null, TablesText.problem(e)))
                .start();
    }

    /** On the tab's ticks: the mapping arrives once Hibernate has opened. */
    public void refresh() {
        if (model.get() == null && wantedTable != null && message.get().startsWith("Hibernate is still starting") && models.ready()) {
            showTable(wantedTable);
        }
    }

    private void show(EntityModel found, String why) {
        model.set(found);
        lines.setAll(found == null ? java.util.List.of() : ModelOutline.of(found));
        message.set(why);
    }

    public ObservableList<ModelLine> lines() {
        return lines;
    }

    /** The entity shown, or null. */
    public ReadOnlyObjectProperty<EntityModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** Why there is no mapping to show; "" when there is. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
