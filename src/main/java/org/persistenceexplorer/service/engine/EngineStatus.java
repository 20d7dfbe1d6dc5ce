package org.persistenceexplorer.service.engine;

import org.persistenceexplorer.domain.statement.Engine;

/**
 * One engine's state for the status bar and the startup screen. Immutable.
 *
 * @param engine   which engine
 * @param address  host:port (and database), or "" before it is known
 * @param embedded true when the app runs the server itself
 * @param detail   a short word on what is happening or what went wrong, may be ""
 */
public record EngineStatus(Engine engine, State state, String address, boolean embedded, String detail) {

    /** The life of an engine connection. */
    public enum State {
        STARTING("starting"), UP("up"), LOST("lost"), FAILED("failed"), STOPPED("stopped");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static EngineStatus starting(Engine engine, boolean embedded) {
        return new EngineStatus(engine, State.STARTING, "", embedded, "");
    }

    public EngineStatus with(State newState, String newAddress, String newDetail) {
        return new EngineStatus(engine, newState, newAddress, embedded, newDetail);
    }

    public EngineStatus with(State newState, String newDetail) {
        return with(newState, address, newDetail);
    }

    public boolean up() {
        return state == State.UP;
    }

    /** True when something went wrong: a start that failed, or an engine lost while running. */
    public boolean inTrouble() {
        return state == State.FAILED || state == State.LOST;
    }
}
