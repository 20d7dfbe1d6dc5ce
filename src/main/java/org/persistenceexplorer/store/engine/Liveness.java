package org.persistenceexplorer.store.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Checks that an engine is alive without sending it a statement: a process that still runs, a
 * port that accepts a TCP connection. The health check calls these every second, so they must
 * stay cheap and must never reach the statement log or the server's own statement count.
 * Thread-safe; blocking for at most the given timeout.
 */
public final class Liveness {

    private Liveness() {
    }

    /** True when something accepts a TCP connection on host:port within the timeout; nothing is sent. */
    public static boolean portAnswers(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * True when the process runs. A killed process can linger as a zombie until its parent
     * reaps it, and the JDK still calls that alive: on Linux, /proc tells the two apart.
     */
    public static boolean processRunning(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            // "pid (comm) state ...": Z has ended and waits to be reaped, X is being removed.
            String line = Files.readString(stat);
            char state = line.charAt(line.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or the process vanished meanwhile: trust the JDK's answer.
            return Files.exists(stat) || !Files.isDirectory(Path.of("/proc"));
        }
    }
}
