package org.persistenceexplorer.ui.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.persistenceexplorer.service.tables.GridRow;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.service.tables.entity.EntityState;
import org.persistenceexplorer.ui.common.FeatureCommand;
import org.persistenceexplorer.ui.common.WhenReady;

/**
 * The Tables tab's commands for lessons: open a table, select a row (entity mode loads it),
 * edit a field and save, create and delete an entity. Each does what the clicks would, through
 * the tab's view-models, and waits for the grid or the entity without blocking. FX thread.
 */
final class TablesCommands {

    private final Supplier<TablesViewModel> model;
    private final WhenReady ready = new WhenReady();

    TablesCommands(Supplier<TablesViewModel> model) {
        this.model = model;
    }

    List<FeatureCommand> all() {
        return List.of(
                new FeatureCommand("tables.open", "Opens a table in the grid (entity mode when an entity maps it)",
                        Set.of("table"), Set.of(), TablesCommands::checkTable, args -> open(ref(args), () -> { })),
                new FeatureCommand("tables.select", "Selects a row by id: entity mode loads it in a new session",
                        Set.of("table", "id"), Set.of(), TablesCommands::checkTable, args -> select(args, () -> { })),
                new FeatureCommand("tables.edit", "Selects a row, changes one field and saves",
                        Set.of("table", "id", "field", "value"), Set.of(), TablesCommands::checkTable, this::edit),
                new FeatureCommand("tables.create", "Starts a new entity, fills fields (name=value; name=value) and saves",
                        Set.of("table", "values"), Set.of(), TablesCommands::checkTable, this::create),
                new FeatureCommand("tables.follow", "Selects a row, then follows one of its relationships in its session",
                        Set.of("table", "id", "relationship"), Set.of(), TablesCommands::checkTable, this::follow),
                FeatureCommand.of("tables.deleteShown", "Deletes the entity the panel shows (as Delete, confirmed)",
                        Set.of(), Set.of(), args -> model.get().entity().delete()),
                new FeatureCommand("tables.delete", "Selects a row and deletes it (as Delete, confirmed)",
                        Set.of("table", "id"), Set.of(), TablesCommands::checkTable,
                        args -> select(args, () -> model.get().entity().delete())));
    }

    private static Optional<String> checkTable(Map<String, String> args) {
        String table = args.get("table");
        return table != null && table.contains(".") ? Optional.empty()
                : Optional.of("a table is named schema.table, e.g. hr.employee, not '" + table + "'");
    }

    private static TableRef ref(Map<String, String> args) {
        String[] parts = args.get("table").split("\\.", 2);
        return new TableRef(parts[0], parts[1]);
    }

    /** Opens the table unless the grid and the entity panel show it already, then goes on. */
    private void open(TableRef ref, Runnable then) {
        TablesViewModel tables = model.get();
        RowGridViewModel grid = tables.grid();
        if (!shows(grid.tableProperty().get(), ref)) {
            grid.open(ref);
        }
        ready.then(() -> shows(grid.tableProperty().get(), ref), () -> {
            TableDescription shown = grid.tableProperty().get();
            if (tables.entity().table() != shown) {
                tables.entity().tableOpened(shown);
            }
            then.run();
        }, grid.tableProperty());
    }

    private static boolean shows(TableDescription table, TableRef ref) {
        return table != null && table.ref().equals(ref);
    }

    private void select(Map<String, String> args, Runnable then) {
        String id = args.get("id");
        model.get().showEntityPanel();
        open(ref(args), () -> {
            EntityPanelViewModel entity = model.get().entity();
            entity.rowSelected(new GridRow(List.of(id), List.of(id), List.of(id)));
            ready.then(() -> id.equals(entity.loadedId()) && entity.stateProperty().get() == EntityState.MANAGED,
                    then, entity.stateProperty(), entity.trailProperty());
        });
    }

    private void edit(Map<String, String> args) {
        select(args, () -> {
            EntityPanelViewModel entity = model.get().entity();
            field(entity, args.get("field")).textProperty().set(args.get("value"));
            entity.save();
        });
    }

    private void follow(Map<String, String> args) {
        select(args, () -> {
            EntityPanelViewModel entity = model.get().entity();
            ready.then(() -> entity.relationships().stream().anyMatch(r -> r.name().equals(args.get("relationship"))),
                    () -> entity.follow(entity.relationships().stream()
                            .filter(r -> r.name().equals(args.get("relationship"))).findFirst().orElseThrow()),
                    entity.relationships());
        });
    }

    private void create(Map<String, String> args) {
        model.get().showEntityPanel();
        open(ref(args), () -> {
            EntityPanelViewModel entity = model.get().entity();
            entity.startNew();
            ready.then(() -> entity.stateProperty().get() == EntityState.TRANSIENT && !entity.fields().isEmpty(), () -> {
                for (String pair : args.get("values").split(";")) {
                    String[] nameValue = pair.split("=", 2);
                    field(entity, nameValue[0].trim()).textProperty().set(nameValue.length > 1 ? nameValue[1].trim() : "");
                }
                entity.save();
            }, entity.stateProperty(), entity.fields());
        });
    }

    private static FieldRow field(EntityPanelViewModel entity, String attribute) {
        List<String> names = new ArrayList<>();
        for (FieldRow f : entity.fields()) {
            if (f.field().attribute().equals(attribute)) {
                return f;
            }
            names.add(f.field().attribute());
        }
        throw new IllegalArgumentException("The entity has no field '" + attribute + "'; its fields: " + names);
    }
}
