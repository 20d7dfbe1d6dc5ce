package org.persistenceexplorer.ui.console;

import java.util.function.Supplier;
import javafx.scene.Node;
import org.persistenceexplorer.service.console.QueryConsole;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.ViewLoader;

/**
 * The Query Console tab: SQL, HQL and Cypher with results, plans, presets, parameters and
 * history. Read-only from the start on an external PostgreSQL, read-write on the embedded one.
 * FX thread.
 */
public final class ConsoleFeature implements Feature {

    static final String WELCOME = """
            -- Ctrl+Enter runs the statement at the caret (or the selection); Ctrl+Shift+Enter runs them all.
            -- Presets (above) hold the course's queries; Explain analyze shows the plan as a tree.
            SELECT d.name AS department, count(*) AS people, round(avg(e.salary), 2) AS average_salary
            FROM hr.employee e JOIN hr.department d ON d.id = e.department_id
            GROUP BY d.name
            ORDER BY people DESC;
            """;

    private final Supplier<QueryConsole> console;
    private final boolean readOnlyAtStart;
    /** Built by the tab's first open (or a headless prepare), then the same for both. */
    private ConsoleViewModel model;
    private ConsoleView view;

    /**
     * @param console         the console's service, built when the tab first opens
     * @param readOnlyAtStart true on an external server: statements run read-only until the user agrees to a write
     */
    public ConsoleFeature(Supplier<QueryConsole> console, boolean readOnlyAtStart) {
        this.console = console;
        this.readOnlyAtStart = readOnlyAtStart;
    }

    @Override
    public String id() {
        return "console";
    }

    @Override
    public String title() {
        return "Console";
    }

    @Override
    public String icon() {
        return "mdal-code";
    }

    @Override
    public void prepare(FeatureContext context) {
        if (model == null) {
            model = new ConsoleViewModel(context.runner(), console.get(),
                    new ConsoleHistory(context.settings().node("history")), readOnlyAtStart);
        }
    }

    @Override
    public java.util.List<org.persistenceexplorer.ui.common.FeatureCommand> commands() {
        return ConsoleCommands.of(() -> model, text -> {
            if (view != null) {
                view.editor().replaceText(text);
            }
        });
    }

    @Override
    public void reset() {
        model = null;
        view = null;
    }

    @Override
    public FeatureView open(FeatureContext context) {
        prepare(context);
        ConsoleViewModel shown = model;
        view = new ConsoleView(shown);
        Node root = ViewLoader.load(view);
        view.editor().replaceText(WELCOME);
        return new FeatureView() {
            @Override
            public Node root() {
                return root;
            }

            @Override
            public void hidden() {
                shown.hidden();
            }

            @Override
            public void close() {
                shown.close();
            }
        };
    }
}
