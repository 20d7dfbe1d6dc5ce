package org.persistenceexplorer.ui.lessons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.persistenceexplorer.service.lessons.CommandCheck;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureCommand;

/**
 * Every feature's commands by name ("tables.edit"), and the one way lessons run them: the
 * feature is opened first (in the app its tab is selected, which builds its view-models), then
 * the command acts on them. Checks names and arguments for the lesson loader. FX thread for
 * {@link #run}; {@link #problem} reads only.
 */
public final class CommandRegistry implements CommandCheck {

    private final Map<String, Registered> commands = new LinkedHashMap<>();
    private final Consumer<Feature> opener;

    /**
     * @param features the app's features (their commands are listed once, nothing is built)
     * @param opener   makes a feature ready before its command runs (the main window selects its tab)
     */
    public CommandRegistry(List<Feature> features, Consumer<Feature> opener) {
        this.opener = opener;
        for (Feature feature : features) {
            for (FeatureCommand command : feature.commands()) {
                if (!command.name().startsWith(feature.id() + ".")) {
                    throw new IllegalArgumentException("The command " + command.name() + " of " + feature.id()
                            + " must start with '" + feature.id() + ".'");
                }
                if (commands.put(command.name(), new Registered(feature, command)) != null) {
                    throw new IllegalArgumentException("Two commands are called " + command.name());
                }
            }
        }
    }

    @Override
    public Optional<String> problem(String command, Map<String, String> arguments) {
        Registered found = commands.get(command);
        if (found == null) {
            return Optional.of("no command '" + command + "'; known: " + String.join(", ", commands.keySet()));
        }
        return found.command().problem(arguments);
    }

    /** Opens the command's feature, then runs it. */
    public void run(String command, Map<String, String> arguments) {
        Registered found = commands.get(command);
        if (found == null) {
            throw new IllegalArgumentException(problem(command, arguments).orElseThrow());
        }
        opener.accept(found.feature());
        found.command().run().accept(arguments);
    }

    /** The registered command names, in feature order. */
    public List<String> names() {
        return List.copyOf(commands.keySet());
    }

    private record Registered(Feature feature, FeatureCommand command) {
    }
}
