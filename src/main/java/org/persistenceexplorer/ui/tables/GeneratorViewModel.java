package org.persistenceexplorer.ui.tables;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.persistenceexplorer.service.hrdata.HrGenerator;
import org.persistenceexplorer.service.tables.LargeHr;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.RunningTask;

/**
 * The big-data generator's state: the sizes offered, the running generation (progress, cancel)
 * and what the last run did. FX thread; callbacks arrive there too.
 */
public final class GeneratorViewModel {

    /** The generated company's employees, opened when a run is done. */
    public static final TableRef EMPLOYEES = new TableRef(LargeHr.SCHEMA, "employee");

    private final BackgroundRunner runner;
    private final LargeHr largeHr;
    private final Consumer<TableRef> generated;
    private final ReadOnlyObjectWrapper<RunningTask> running = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");

    /** @param generated told (with the employee table) when a run has committed */
    public GeneratorViewModel(BackgroundRunner runner, LargeHr largeHr, Consumer<TableRef> generated) {
        this.runner = runner;
        this.largeHr = largeHr;
        this.generated = generated;
    }

    public List<Integer> sizes() {
        return HrGenerator.SIZES;
    }

    /** Replaces the rows of {@value LargeHr#SCHEMA} with a company of {@code employees}. */
    public void generate(int employees) {
        if (running.get() != null) {
            return;
        }
        boolean[] over = {false};
        result.set("");
        RunningTask task = runner.task("tables: generate hr", p -> largeHr.generate(employees, p))
                .replacing("tables.generate")
                .onSuccess(done -> {
                    over[0] = true;
                    running.set(null);
                    result.set(String.format("%,d employees, %,d rows in all, in %.1f s (%,.0f employees/s) into %s",
                            done.company().employees(), done.rows(), done.took().toMillis() / 1000.0,
                            done.employeesPerSecond(), done.schema()));
                    generated.accept(EMPLOYEES);
                })
                .onFailure(e -> {
                    over[0] = true;
                    running.set(null);
                    result.set(TablesText.problem(e));
                })
                .onCancelled(() -> {
                    over[0] = true;
                    running.set(null);
                    result.set("Cancelled: the COPY was stopped and rolled back; the previous rows are still there.");
                })
                .start();
        if (!over[0]) {
            running.set(task);
        }
    }

    public void cancel() {
        RunningTask task = running.get();
        if (task != null) {
            task.cancel();
        }
    }

    /** The generation in progress, or null. */
    public ReadOnlyObjectProperty<RunningTask> runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }
}
