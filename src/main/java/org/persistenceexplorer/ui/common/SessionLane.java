package org.persistenceexplorer.ui.common;

import java.util.concurrent.Executor;

/**
 * A queue of tasks that all run on one and the same thread, in order: the place for work that
 * must stay with the thread that began it across several clicks (a Hibernate session in entity
 * mode, a lab's open transaction and its connection). Created by {@link BackgroundRunner#lane};
 * start tasks on it with {@link BackgroundTask#on}. Thread-safe.
 */
public final class SessionLane implements AutoCloseable {

    private final String name;
    private final Executor thread;
    private final Runnable shutdown;
    private volatile boolean closed;

    SessionLane(String name, Executor thread, Runnable shutdown) {
        this.name = name;
        this.thread = thread;
        this.shutdown = shutdown;
    }

    public String name() {
        return name;
    }

    void execute(Runnable work) {
        if (closed) {
            throw new IllegalStateException("The lane '" + name + "' is closed");
        }
        thread.execute(work);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Lets the queued tasks finish, then ends the thread. Later tasks are refused. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            shutdown.run();
        }
    }
}
