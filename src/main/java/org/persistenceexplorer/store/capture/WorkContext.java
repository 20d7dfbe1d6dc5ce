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

    private record Frame(String action, CancelHooks hooks) {
    }

    /** Leaves the action again. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
