package org.persistenceexplorer.service.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the course from the classpath: {@code lessons/course.yaml} names the groups and their
 * lesson files in order, each {@code lessons/<id>.yaml} is one lesson (decision 0030). A lesson
 * with a mistake (unknown field, unknown command, a preset that is not there) does not load;
 * its entry says why and the others still load. SnakeYAML's safe constructor: plain maps,
 * lists and scalars only. Blocking (reads resources); any thread.
 */
public final class LessonFiles {

    private static final Set<String> LESSON_FIELDS = Set.of("objective", "title", "notice", "steps", "reset");
    private static final Set<String> STEP_FIELDS = Set.of("show", "turn", "args", "highlight", "callout", "expect",
            "recognise", "look", "command");
    private static final Set<String> PATTERN_FIELDS = Set.of("action", "kind", "text", "lacks", "error", "count",
            "atLeast", "atMost");

    private final String folder;
    private final CommandCheck commands;

    /**
     * @param folder   the classpath folder, e.g. "lessons"
     * @param commands says which commands (and arguments) exist
     */
    public LessonFiles(String folder, CommandCheck commands) {
        this.folder = folder;
        this.commands = commands;
    }

    /** The whole course; a course file that cannot be read is an exception, a bad lesson an entry with its problem. */
    public Course course() {
        Map<String, Object> course = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(read("course.yaml")), "course.yaml");
        List<Course.Group> groups = new ArrayList<>();
        for (Object g : list(course.get("groups"), "course.yaml: groups")) {
            Map<String, Object> group = map(g, "course.yaml: a group");
            String title = text(group.get("title"), "course.yaml: a group's title");
            List<Course.Entry> entries = new ArrayList<>();
            for (Object id : list(group.get("lessons"), "course.yaml: " + title)) {
                entries.add(entry(String.valueOf(id), title));
            }
            groups.add(new Course.Group(title, entries));
        }
        return new Course(groups);
    }

    private Course.Entry entry(String id, String group) {
        try {
            return new Course.Entry(id, lesson(id, group, read(id + ".yaml")), null);
        } catch (LessonProblem | YAMLException e) {
            return new Course.Entry(id, null, id + ".yaml: " + e.getMessage());
        }
    }

    /** Parses one lesson's text (exposed for tests of the format's messages). */
    public Lesson lesson(String id, String group, String yaml) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new LessonProblem("not readable YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, Object> file = map(parsed, "the file");
        unknown(file, LESSON_FIELDS, "the lesson");
        Object objective = file.get("objective");
        if (!(objective instanceof Integer number) || number < 1 || number > 24) {
            throw new LessonProblem("'objective' must be the curriculum's number, 1 to 24, not " + objective);
        }
        List<LessonStep> steps = new ArrayList<>();
        List<Object> rawSteps = list(file.get("steps"), "steps");
        for (int i = 0; i < rawSteps.size(); i++) {
            steps.add(step(map(rawSteps.get(i), "step " + (i + 1)), "step " + (i + 1)));
        }
        if (steps.isEmpty()) {
            throw new LessonProblem("a lesson needs at least one step");
        }
        List<Lesson.CommandCall> reset = new ArrayList<>();
        if (file.get("reset") != null) {
            for (Object raw : list(file.get("reset"), "reset")) {
                Map<String, Object> call = map(raw, "reset");
                unknown(call, Set.of("command", "args"), "reset");
                Map<String, String> args = new LinkedHashMap<>();
                if (call.get("args") != null) {
                    map(call.get("args"), "reset: args").forEach((k, v) -> args.put(k, String.valueOf(v)));
                }
                String command = text(call.get("command"), "reset: command");
                Optional<String> problem = commands.problem(command, args);
                if (problem.isPresent()) {
                    throw new LessonProblem("reset: " + problem.get());
                }
                reset.add(new Lesson.CommandCall(command, args));
            }
        }
        return new Lesson(id, number, group, text(file.get("title"), "title"), text(file.get("notice"), "notice").strip(),
                steps, reset);
    }

    private LessonStep step(Map<String, Object> raw, String where) {
        unknown(raw, STEP_FIELDS, where);
        Map<String, String> args = new LinkedHashMap<>();
        if (raw.get("args") != null) {
            map(raw.get("args"), where + ": args").forEach((k, v) -> args.put(k, String.valueOf(v)));
        }
        String highlight = raw.get("highlight") == null ? null : String.valueOf(raw.get("highlight"));
        if (raw.containsKey("show") == raw.containsKey("turn")) {
            throw new LessonProblem(where + ": say either 'show: <command>' (Show me) or 'turn: <task>' (Your turn)");
        }
        String command;
        LessonStep step;
        if (raw.containsKey("show")) {
            command = text(raw.get("show"), where + ": show");
            List<StatementPattern> expect = new ArrayList<>();
            if (raw.get("expect") != null) {
                for (Object p : list(raw.get("expect"), where + ": expect")) {
                    expect.add(pattern(p, where + ": expect"));
                }
            }
            step = new LessonStep(LessonStep.Kind.SHOW_ME, text(raw.get("callout"), where + ": callout"), command, args,
                    highlight, expect, null, null);
        } else {
            command = text(raw.get("command"), where + ": command (what Do it for me runs)");
            step = new LessonStep(LessonStep.Kind.YOUR_TURN, text(raw.get("turn"), where + ": turn"), command, args, highlight,
                    List.of(), pattern(raw.get("recognise"), where + ": recognise"), text(raw.get("look"), where + ": look"));
        }
        Optional<String> problem = commands.problem(command, args);
        if (problem.isPresent()) {
            throw new LessonProblem(where + ": " + problem.get());
        }
        return step;
    }

    private static StatementPattern pattern(Object raw, String where) {
        Map<String, Object> p = map(raw, where);
        unknown(p, PATTERN_FIELDS, where);
        StatementKind kind = null;
        if (p.get("kind") != null) {
            String name = String.valueOf(p.get("kind")).toUpperCase(Locale.ROOT);
            try {
                kind = StatementKind.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new LessonProblem(where + ": no statement kind '" + p.get("kind") + "'; kinds: "
                        + java.util.Arrays.toString(StatementKind.values()));
            }
        }
        return new StatementPattern(string(p.get("action")), kind, string(p.get("text")), string(p.get("lacks")),
                string(p.get("error")), number(p.get("count"), where), number(p.get("atLeast"), where), number(p.get("atMost"), where));
    }

    private String read(String file) {
        String path = "/" + folder + "/" + file;
        try (InputStream in = LessonFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new LessonProblem("there is no lesson file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LessonProblem("could not read " + path + ": " + e.getMessage());
        }
    }

    private static void unknown(Map<String, Object> raw, Set<String> known, String where) {
        for (String key : raw.keySet()) {
            if (!known.contains(key)) {
                throw new LessonProblem(where + ": unknown field '" + key + "' (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object raw, String where) {
        if (raw instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new LessonProblem(where + " must be a map of 'name: value' lines");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object raw, String where) {
        if (raw instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new LessonProblem(where + " must be a list ('- ' lines)");
    }

    private static String text(Object raw, String where) {
        if (raw == null || String.valueOf(raw).isBlank()) {
            throw new LessonProblem(where + " is missing");
        }
        return String.valueOf(raw);
    }

    private static String string(Object raw) {
        return raw == null ? null : String.valueOf(raw);
    }

    private static Integer number(Object raw, String where) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Integer n) {
            return n;
        }
        throw new LessonProblem(where + ": a count must be a whole number, not '" + raw + "'");
    }

    /** A mistake in a lesson file, in words. */
    public static final class LessonProblem extends RuntimeException {
        public LessonProblem(String message) {
            super(message);
        }
    }
}
