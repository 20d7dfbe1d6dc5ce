package org.persistenceexplorer.store.engine;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL refuses to run as root. The embedded launcher gets around that by running it in a
 * user namespace ({@code unshare -U}), which works only where the kernel and the sandbox allow
 * it. This class decides before starting whether the embedded server can run, so the user gets
 * a clear explanation instead of initdb's error.
 */
public final class RootPolicy {

    /** The one-paragraph explanation shown when PostgreSQL cannot run as this user. */
    public static final String ROOT_REFUSED = "Persistence Explorer is running as root, and PostgreSQL "
            + "refuses to run as root. The embedded server can only get around this with user namespaces "
            + "('unshare -U'), which are not available here. Either start the app as a normal (non-root) user, "
            + "or connect to an external PostgreSQL server with --pg-url jdbc:postgresql://host:5432/db "
            + "(--pg-user, --pg-password; see the README for a docker compose command).";

    private final boolean root;
    private final boolean userNamespaces;

    RootPolicy(boolean root, boolean userNamespaces) {
        this.root = root;
        this.userNamespaces = userNamespaces;
    }

    /** Looks at this process: its user id and whether {@code unshare -U} works. Blocking, fast. */
    public static RootPolicy detect() {
        boolean root = currentUidIsRoot();
        return new RootPolicy(root, root && userNamespacesWork());
    }

    /** For tests and for explaining other situations. */
    public static RootPolicy of(boolean root, boolean userNamespaces) {
        return new RootPolicy(root, userNamespaces);
    }

    /** True when the embedded PostgreSQL can be started by this process. */
    public boolean embeddedPostgresPossible() {
        return !root || userNamespaces;
    }

    public boolean root() {
        return root;
    }

    /** Throws the clear explanation when the embedded server cannot run. */
    public void requireEmbeddedPostgresPossible() throws EngineStartException {
        if (!embeddedPostgresPossible()) {
            throw new EngineStartException(ROOT_REFUSED,
                    "Run as a normal user, or use --pg-url to connect to an external PostgreSQL.", null);
        }
    }

    private static boolean currentUidIsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean userNamespacesWork() {
        try {
            Process probe = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
