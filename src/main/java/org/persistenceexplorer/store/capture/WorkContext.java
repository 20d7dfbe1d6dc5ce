package org.persistenceexplorer.store.capture;

/**
 * What the current thread is working on: the action label every captured statement carries
 * ("tables: load page") and the {@link CancelHooks} that stop it. Set by the background runner
 * around each task (through the service layer) and read by the capture layer.
 * Thread-confined: each thread has its own.
 */
public final class WorkContext {

    /** Label for statements that run outside any named action. */
    public static final String NO_ACTION = "(no action)";

    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    private WorkContext() {
    }

    /** Enters an action on this thread until the returned scope closes; scopes nest. */
    public static Scope enter(String action, CancelHooks hooks) {
        Frame previous = CURRENT.get();
        CURRENT.set(new Frame(action, hooks));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Enters an action that keeps the cancel hooks of the enclosing one (if any). */
    public static Scope enter(String action) {
        return enter(action, currentHooks());
    }

    /** The current action label, or {@link #NO_ACTION}. */
    public static String currentAction() {
        Frame frame = CURRENT.get();
        return frame == null ? NO_ACTION : frame.action;
    }

    /** The current cancel hooks, or null when the work cannot be cancelled. */
    public static CancelHooks currentHooks() {
        Frame frame = CURRENT.get();
        return frame == null ? null : frame.hooks;
    }

    /** Registers a cancel hook with the current work, if any; close the result when done. */
    public static CancelHooks.Registration onCancel(Runnable hook) {
        CancelHooks hooks = currentHooks();
        return hooks == null ? () -> { } : hooks.register(hook);
    }

    /** True if the current work was cancelled. */
    public static boolean cancelled() {
        CancelHooks hooks = currentHooks();
        return hooks != null && hooks.isCancelled();
    }

    /**
     * The current work, to carry into threads it starts: statements those threads run are
     * cancelled with it. Take it on the starting thread, enter it on the new one.
     */
    public static Inherited inherit() {
        return new Inherited(CURRENT.get());
    }

    private record Frame(String action, CancelHooks hooks) {
    }

    /** The work of the thread that started another; see {@link #inherit()}. */
    public static final class Inherited {
        private final Frame frame;

        private Inherited(Frame frame) {
            this.frame = frame;
        }

        /**
         * Enters the inherited work on this thread under its own label; cancelling the
         * inherited work stops what runs here. Without inherited work, it cannot be cancelled
         * from outside but still stops once cancelled in itself.
         */
        public Scope enter(String action) {
            return WorkContext.enter(action, frame == null || frame.hooks == null ? new CancelHooks() : frame.hooks);
        }

        /** True once the inherited work was cancelled. */
        public boolean isCancelled() {
            return frame != null && frame.hooks != null && frame.hooks.isCancelled();
        }

        /** Runs the task in the inherited work, keeping its action label. */
        public Runnable wrap(Runnable task) {
            return () -> {
                try (Scope ignored = enter(frame == null ? NO_ACTION : frame.action)) {
                    task.run();
                }
            };
        }
    }

    /** Leaves the action again. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
