package org.persistenceexplorer.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a server across the network: relays TCP connections from its own loopback port
 * to a real server's, and can go away ({@link #stop()}: stops listening and cuts every relayed
 * connection, as a crashed or unplugged server would) and come back on the same port
 * ({@link #resume()}). Thread-safe; one daemon thread per direction of each connection.
 */
public final class TcpRelay implements AutoCloseable {

    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private final int port;

    public TcpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.port = listen(0);
    }

    /** The relay's own port: connect here instead of to the server. */
    public int port() {
        return port;
    }

    /** Stops listening and cuts every relayed connection. */
    public synchronized void stop() {
        closeQuietly(listener);
        open.forEach(TcpRelay::closeQuietly);
        open.clear();
    }

    /** Listens again, on the same port. */
    public synchronized void resume() throws IOException {
        listen(port);
    }

    private synchronized int listen(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        listener = socket;
        daemon(() -> accept(socket), "relay-accept");
        return socket.getLocalPort();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                daemon(() -> pump(client, server), "relay-up");
                daemon(() -> pump(server, client), "relay-down");
            } catch (IOException e) {
                return; // stopped
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut: fall through and close both ends
        }
        closeQuietly(from);
        closeQuietly(to);
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }

    @Override
    public void close() {
        stop();
    }
}
