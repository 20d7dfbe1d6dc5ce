package org.persistenceexplorer.ui.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.Preset;
import org.persistenceexplorer.service.console.Presets;
import org.persistenceexplorer.ui.common.FeatureCommand;

/**
 * The console's commands for lessons: run a preset (by its title, as the Presets menu and
 * Ctrl+Shift+Enter would; explain=plan or explain=analyze shows its plan instead) and run a
 * statement typed by the lesson. The text goes into the editor too when the tab's view exists.
 * FX thread.
 */
final class ConsoleCommands {

    private ConsoleCommands() {
    }

    /**
     * @param model  the console's view-model
     * @param editor puts text into the editor (nothing without a view)
     */
    static List<FeatureCommand> of(Supplier<ConsoleViewModel> model, Consumer<String> editor) {
        return List.of(
                new FeatureCommand("console.runPreset", "Runs one of the console's presets, named by its title",
                        Set.of("preset"), Set.of("explain"), ConsoleCommands::check, args -> {
                            Preset preset = preset(args.get("preset")).orElseThrow();
                            ConsoleViewModel console = model.get();
                            console.choosePreset(preset);
                            editor.accept(preset.text());
                            run(console, preset.text(), args.get("explain"));
                        }),
                new FeatureCommand("console.run", "Runs the text given (mode SQL, HQL or CYPHER)",
                        Set.of("text"), Set.of("mode", "explain"), args -> {
                            String mode = args.getOrDefault("mode", "SQL");
                            return java.util.Arrays.stream(ConsoleMode.values()).anyMatch(m -> m.name().equals(mode))
                                    ? Optional.empty() : Optional.of("no console mode '" + mode + "'; modes: SQL, HQL, CYPHER");
                        }, args -> {
                            ConsoleViewModel console = model.get();
                            console.modeProperty().set(ConsoleMode.valueOf(args.getOrDefault("mode", "SQL")));
                            console.updateParameters(args.get("text"));
                            editor.accept(args.get("text"));
                            run(console, args.get("text"), args.get("explain"));
                        }));
    }

    private static void run(ConsoleViewModel console, String text, String explain) {
        if (explain == null) {
            console.runScript(text);
        } else {
            console.explain(text, 0, 0, 0, "analyze".equals(explain));
        }
    }

    private static Optional<Preset> preset(String title) {
        return Presets.all().stream().filter(p -> p.title().equals(title)).findFirst();
    }

    private static Optional<String> check(Map<String, String> args) {
        if (preset(args.get("preset")).isEmpty()) {
            return Optional.of("no console preset titled '" + args.get("preset") + "'; presets: "
                    + Presets.all().stream().map(Preset::title).toList());
        }
        String explain = args.get("explain");
        return explain == null || explain.equals("plan") || explain.equals("analyze") ? Optional.empty()
                : Optional.of("explain is 'plan' or 'analyze', not '" + explain + "'");
    }
}
