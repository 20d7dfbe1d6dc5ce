package org.persistenceexplorer.ui.connect;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.connect.ConnectionProfile;
import org.persistenceexplorer.service.connect.Connections;
import org.persistenceexplorer.service.connect.Neo4jTarget;
import org.persistenceexplorer.service.connect.TestAnswer;
import org.persistenceexplorer.service.connect.PostgresTarget;
import org.persistenceexplorer.ui.common.BackgroundRunner;

/**
 * The Connect dialog's state and commands: the profile list (the embedded pair first), the
 * selected profile's fields, a Test per engine, Save, Use (switch the app's engines) and the
 * unlocking of writes. Every file and server access is a task; results arrive on the FX thread.
 * Passwords typed here are never put in a property another view could read; they go to
 * ~/.pgpass (PostgreSQL) or stay in memory for this run (Neo4j). FX thread.
 */
public final class ConnectViewModel {

    private final BackgroundRunner runner;
    private final Connections connections;
    private final Runnable switched;

    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty ownPostgres = new SimpleBooleanProperty();
    private final StringProperty pgHost = new SimpleStringProperty("");
    private final IntegerProperty pgPort = new SimpleIntegerProperty(5432);
    private final StringProperty pgDatabase = new SimpleStringProperty("");
    private final StringProperty pgUrl = new SimpleStringProperty("");
    private final StringProperty pgUser = new SimpleStringProperty("");
    private final StringProperty pgPassword = new SimpleStringProperty("");
    private final StringProperty pgSslMode = new SimpleStringProperty("");
    private final StringProperty pgApplicationName = new SimpleStringProperty("");
    private final BooleanProperty ownNeo4j = new SimpleBooleanProperty();
    private final StringProperty neoUri = new SimpleStringProperty("");
    private final StringProperty neoDatabase = new SimpleStringProperty("");
    private final StringProperty neoUser = new SimpleStringProperty("neo4j");
    private final StringProperty neoPassword = new SimpleStringProperty("");
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(ConnectionProfile.DEFAULT_TIMEOUT_SECONDS);
    private final ReadOnlyStringWrapper pgAnswer = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pgAnswerOk = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper neoAnswer = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper neoAnswerOk = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper access = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");

    /** @param switched runs on the FX thread after the app's engines moved to another profile (tabs reload) */
    public ConnectViewModel(BackgroundRunner runner, Connections connections, Runnable switched) {
        this.runner = runner;
        this.connections = connections;
        this.switched = switched;
        selected.addListener((obs, old, now) -> show(now));
    }

    /** Reads the profiles and selects the one in use (or, on the embedded pair, the one used last). */
    public void load() {
        current.set(connections.current().name());
        runner.run("connect: read profiles", progress -> new Loaded(connections.profiles(), connections.remembered()),
                loaded -> {
                    profiles.setAll(loaded.profiles());
                    String wanted = connections.current().external() ? connections.current().name() : loaded.remembered().name();
                    selected.set(profiles.stream().filter(p -> p.name().equals(wanted)).findFirst()
                            .orElse(profiles.isEmpty() ? null : profiles.get(0)));
                    if (!connections.current().external() && loaded.remembered().external()) {
                        message.set("You used '" + loaded.remembered().name() + "' last time: Use this profile connects"
                                + " to it again" + (connections.needsNeo4jPassword(loaded.remembered())
                                ? " (type its Neo4j password first: it is kept for this run only)." : "."));
                    }
                }, this::failed);
    }

    private record Loaded(List<ConnectionProfile> profiles, ConnectionProfile remembered) {
    }

    /** A new, empty profile on the user's own servers (not saved until Save). */
    public void newProfile() {
        selected.set(null);
        show(new ConnectionProfile("My servers", PostgresTarget.of("localhost", 5432, "", ""), null, false,
                ConnectionProfile.DEFAULT_TIMEOUT_SECONDS));
        message.set("A new profile: fill in your server, Test it, then Save.");
    }

    private void show(ConnectionProfile p) {
        pgAnswer.set("");
        neoAnswer.set("");
        pgPassword.set("");
        neoPassword.set("");
        if (p == null) {
            return;
        }
        name.set(p.name());
        PostgresTarget pg = p.postgres();
        ownPostgres.set(pg != null);
        pgHost.set(pg == null ? "" : pg.host());
        pgPort.set(pg == null || pg.port() == 0 ? 5432 : pg.port());
        pgDatabase.set(pg == null ? "" : pg.database());
        pgUrl.set(pg == null ? "" : pg.jdbcUrl());
        pgUser.set(pg == null ? "" : pg.user());
        pgSslMode.set(pg == null ? "" : pg.sslMode());
        pgApplicationName.set(pg == null ? "" : pg.applicationName());
        Neo4jTarget neo = p.neo4j();
        ownNeo4j.set(neo != null);
        neoUri.set(neo == null ? "" : neo.uri());
        neoDatabase.set(neo == null ? "" : neo.database());
        neoUser.set(neo == null ? "neo4j" : neo.user());
        timeoutSeconds.set(p.statementTimeoutSeconds());
        access.set(accessText(p));
        message.set("");
    }

    private static String accessText(ConnectionProfile p) {
        if (!p.external()) {
            return "The app's own engines: read-write.";
        }
        return p.readOnly() ? "Read-only: the app's transactions on " + p.servers() + " cannot write."
                : "Writes unlocked on " + p.servers() + ".";
    }

    /** The profile as the fields describe it now. */
    public ConnectionProfile edited() {
        ConnectionProfile base = selected.get();
        boolean unlocked = base != null && base.writesUnlocked() && base.name().equals(name.get().strip());
        if (!ownPostgres.get() && !ownNeo4j.get()) {
            return ConnectionProfile.EMBEDDED;
        }
        PostgresTarget pg = ownPostgres.get() ? new PostgresTarget(pgHost.get(), pgPort.get(), pgDatabase.get(), pgUrl.get(),
                pgUser.get(), pgSslMode.get(), pgApplicationName.get()) : null;
        Neo4jTarget neo = ownNeo4j.get() ? new Neo4jTarget(neoUri.get(), neoDatabase.get(), neoUser.get()) : null;
        return new ConnectionProfile(name.get(), pg, neo, unlocked, Math.max(0, timeoutSeconds.get()));
    }

    /** Tests the PostgreSQL fields (the typed password, or ~/.pgpass when none is typed). */
    public void testPostgres() {
        if (!ownPostgres.get()) {
            pgAnswer.set("This profile uses the embedded PostgreSQL.");
            return;
        }
        ConnectionProfile p = edited();
        String password = pgPassword.get();
        test("connect: test postgresql", p.postgres().address(), progress -> connections.testPostgres(p.postgres(), password),
                pgAnswer, pgAnswerOk);
    }

    /** Tests the Neo4j fields (the typed password, or the one given earlier this run). */
    public void testNeo4j() {
        if (!ownNeo4j.get()) {
            neoAnswer.set("This profile uses the embedded Neo4j.");
            return;
        }
        ConnectionProfile p = edited();
        String password = neoPassword.get();
        test("connect: test neo4j", p.neo4j().address(), progress -> connections.testNeo4j(p.name(), p.neo4j(), password),
                neoAnswer, neoAnswerOk);
    }

    /** One engine's Test off the FX thread; a newer Test of that engine replaces one still running. */
    private void test(String action, String address, org.persistenceexplorer.service.work.Work<? extends TestAnswer> work,
                      ReadOnlyStringWrapper answer, ReadOnlyBooleanWrapper ok) {
        answer.set("Testing " + address + "…");
        ok.set(false);
        runner.task(action, work)
                .replacing(action)
                .onSuccess(a -> {
                    answer.set(a.summary());
                    ok.set(a.reached());
                })
                .onFailure(e -> answer.set(String.valueOf(e.getMessage())))
                .start();
    }

    /** Saves the profile (PostgreSQL's password into ~/.pgpass, Neo4j's kept for this run). */
    public void save() {
        ConnectionProfile p = edited();
        if (!p.external()) {
            message.set("The embedded pair is built in; nothing to save.");
            return;
        }
        List<String> problems = p.problems();
        if (!problems.isEmpty()) {
            message.set(String.join(" ", problems));
            return;
        }
        String pg = pgPassword.get();
        String neo = neoPassword.get();
        runner.run("connect: save profile", progress -> {
            connections.save(p, pg, neo);
            return connections.profiles();
        }, list -> {
            profiles.setAll(list);
            selected.set(list.stream().filter(x -> x.name().equals(p.name())).findFirst().orElse(null));
            message.set("Saved '" + p.name() + "'." + (pg.isEmpty() ? "" : " Its PostgreSQL password is in ~/.pgpass."));
        }, this::failed);
    }

    /** True when using the edited profile needs its Neo4j password first (not typed, not given this run). */
    public boolean needsNeo4jPassword() {
        ConnectionProfile p = edited();
        return neoPassword.get().isEmpty() && connections.needsNeo4jPassword(p);
    }

    /**
     * Switches the app's engines to the edited profile (saved first when it is the user's own):
     * seconds of work off the FX thread; the tabs reload when it is done. On failure the
     * previous profile stays in use and the message says why.
     */
    public void use() {
        ConnectionProfile p = edited();
        List<String> problems = p.problems();
        if (!problems.isEmpty()) {
            message.set(String.join(" ", problems));
            return;
        }
        String pg = pgPassword.get();
        String neo = neoPassword.get();
        busy.set(true);
        message.set("Switching to '" + p.name() + "'…");
        runner.task("connect: switch to " + p.name(), progress -> {
            if (p.external()) {
                connections.save(p, pg, neo);
            }
            connections.use(p, neo);
            return connections.profiles();
        }).notUserCancellable().onSuccess(list -> {
            busy.set(false);
            profiles.setAll(list);
            selected.set(list.stream().filter(x -> x.name().equals(p.name())).findFirst().orElse(null));
            current.set(p.name());
            message.set("Now on '" + p.name() + "'. " + accessText(p));
            switched.run();
        }).onFailure(e -> {
            busy.set(false);
            message.set("Still on '" + connections.current().name() + "': " + e.getMessage());
        }).start();
    }

    /** What the confirmation before unlocking writes says: it names the servers. */
    public String unlockQuestion() {
        ConnectionProfile p = edited();
        return "Allow Persistence Explorer to write to " + p.servers() + "? Statements you run there (and the app's"
                + " own writes, such as edits in the Tables tab) will change that server's data.";
    }

    /** Unlocks writes on the edited profile (after the user said yes to {@link #unlockQuestion()}) and switches to it. */
    public void unlockWrites() {
        ConnectionProfile p = edited();
        if (!p.external() || !p.problems().isEmpty()) {
            message.set(p.external() ? String.join(" ", p.problems()) : "The embedded pair is always read-write.");
            return;
        }
        runner.run("connect: unlock writes", progress -> connections.unlockWrites(p), unlocked -> {
            selected.set(null);
            show(unlocked);
            selected.set(unlocked);
            use();
        }, this::failed);
    }

    public void select(ConnectionProfile profile) {
        selected.set(profile);
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(String.valueOf(e.getMessage()));
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ConnectionProfile> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty ownPostgresProperty() {
        return ownPostgres;
    }

    public StringProperty pgHostProperty() {
        return pgHost;
    }

    public IntegerProperty pgPortProperty() {
        return pgPort;
    }

    public StringProperty pgDatabaseProperty() {
        return pgDatabase;
    }

    public StringProperty pgUrlProperty() {
        return pgUrl;
    }

    public StringProperty pgUserProperty() {
        return pgUser;
    }

    public StringProperty pgPasswordProperty() {
        return pgPassword;
    }

    public StringProperty pgSslModeProperty() {
        return pgSslMode;
    }

    public StringProperty pgApplicationNameProperty() {
        return pgApplicationName;
    }

    public BooleanProperty ownNeo4jProperty() {
        return ownNeo4j;
    }

    public StringProperty neoUriProperty() {
        return neoUri;
    }

    public StringProperty neoDatabaseProperty() {
        return neoDatabase;
    }

    public StringProperty neoUserProperty() {
        return neoUser;
    }

    public StringProperty neoPasswordProperty() {
        return neoPassword;
    }

    public IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public ReadOnlyStringProperty pgAnswerProperty() {
        return pgAnswer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pgAnswerOkProperty() {
        return pgAnswerOk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty neoAnswerProperty() {
        return neoAnswer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty neoAnswerOkProperty() {
        return neoAnswerOk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accessProperty() {
        return access.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The name of the profile the app runs on now. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }
}
