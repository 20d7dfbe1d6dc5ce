package org.persistenceexplorer.store.graph;

import org.persistenceexplorer.domain.graph.GraphAnswer;
import org.persistenceexplorer.domain.graph.GraphPlan;
import org.persistenceexplorer.domain.graph.GraphResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.summary.SummaryCounters;
import org.persistenceexplorer.store.capture.CancelHooks;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.store.capture.Secrets;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's only way to run Cypher: the official driver over Bolt, for the embedded server and
 * external ones alike (bolt:// and neo4j:// URIs). Each call runs one statement in its own
 * transaction on its own session and records it through the {@link StatementRecorder} exactly
 * once, successful or not, with the server's own query type.
 *
 * <p>Every transaction has a time limit, and while it runs, cancelling the current work
 * ({@link WorkContext}) terminates it on the server (see {@link TransactionTerminator}); the
 * caller then gets a {@link GraphQueryCancelledException}.
 *
 * <p>Thread-safe; blocking, call off the FX thread.
 */
public final class GraphGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GraphGateway.class);
    /** How long one statement may run before the server stops it, unless told otherwise. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(5);
    /** How long to wait for a TCP connection to the server. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** Upper bound for the connectivity check as a whole (connect, handshake, login, routing). */
    static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(15);
    /** {@code CALL {...} IN TRANSACTIONS} and friends must run in an auto-commit transaction. */
    private static final Pattern NEEDS_AUTO_COMMIT =
            Pattern.compile("(?is).*\\bIN\\s+(?:\\d+\\s+)?(?:CONCURRENT\\s+)?TRANSACTIONS\\b.*");

    private final Neo4jEndpoint endpoint;
    private final Driver driver;
    private final StatementRecorder recorder;
    private final Duration statementTimeout;
    private final TransactionTerminator terminator;
    /**
     * Shared by every session on a routing address (neo4j://): the app's own writes are then
     * visible to its next read even when the cluster sends that read to another member
     * (docs/CLUSTERS.md). Null on bolt://, where one server answers everything.
     */
    private final org.neo4j.driver.BookmarkManager bookmarks;

    private GraphGateway(Neo4jEndpoint endpoint, Driver driver, StatementRecorder recorder, Duration statementTimeout) {
        this.endpoint = endpoint;
        this.driver = driver;
        this.recorder = recorder;
        this.statementTimeout = statementTimeout;
        this.terminator = new TransactionTerminator(this, recorder);
        this.bookmarks = endpoint.uri() != null && endpoint.uri().startsWith("neo4j")
                ? org.neo4j.driver.BookmarkManagers.defaultManager(org.neo4j.driver.BookmarkManagerConfig.builder().build())
                : null;
    }

    /** Connects with the {@link #DEFAULT_STATEMENT_TIMEOUT}. */
    public static GraphGateway connect(Neo4jEndpoint endpoint, StatementRecorder recorder) throws EngineStartException {
        return connect(endpoint, recorder, DEFAULT_STATEMENT_TIMEOUT);
    }

    /**
     * Opens the driver and checks that the server answers and accepts the login. Gives up
     * after at most {@link #VERIFY_TIMEOUT}; never hangs.
     *
     * @param statementTimeout how long one statement may run before the server stops it
     * @throws EngineStartException naming the address and the reason when the server cannot be used
     */
    public static GraphGateway connect(Neo4jEndpoint endpoint, StatementRecorder recorder, Duration statementTimeout)
            throws EngineStartException {
        Driver driver;
        try {
            driver = GraphDatabase.driver(endpoint.uri(), authToken(endpoint), Config.builder()
                    .withConnectionTimeout(CONNECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .withConnectionAcquisitionTimeout(30, TimeUnit.SECONDS)
                    .withMaxConnectionPoolSize(50)
                    .withUserAgent("persistence-explorer")
                    .withLogging(Logging.slf4j())
                    .withTelemetryDisabled(true)
                    .build());
        } catch (IllegalArgumentException e) {
            throw new EngineStartException("'" + endpoint.uri() + "' is not a Neo4j address: " + e.getMessage(),
                    "Use --neo4j-uri bolt://host:7687 or neo4j://host:7687.", e);
        }
        try {
            driver.verifyConnectivityAsync().toCompletableFuture().get(VERIFY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            driver.closeAsync();
            Thread.currentThread().interrupt();
            throw new EngineStartException("Connecting to Neo4j at " + endpoint.address() + " was interrupted.", "Try again.", e);
        } catch (TimeoutException e) {
            driver.closeAsync();
            throw new EngineStartException("Neo4j at " + endpoint.address() + " did not answer within "
                    + VERIFY_TIMEOUT.toSeconds() + " s.", unreachableRemedy(endpoint), e);
        } catch (ExecutionException e) {
            driver.closeAsync();
            throw explainConnectFailure(endpoint, e.getCause() == null ? e : e.getCause());
        }
        return new GraphGateway(endpoint, driver, recorder, statementTimeout);
    }

    private static AuthToken authToken(Neo4jEndpoint endpoint) {
        return endpoint.hasLogin()
                ? AuthTokens.basic(endpoint.user() == null || endpoint.user().isBlank() ? "neo4j" : endpoint.user(),
                        endpoint.password())
                : AuthTokens.none();
    }

    private static EngineStartException explainConnectFailure(Neo4jEndpoint endpoint, Throwable e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof AuthenticationException) {
            return new EngineStartException("Neo4j at " + endpoint.address() + " refused the login"
                    + (endpoint.hasLogin() ? " of user '" + endpoint.user() + "'" : " (it requires a user and password)")
                    + ": " + reason,
                    "Check --neo4j-user and --neo4j-password.", e);
        }
        if (e instanceof SecurityException) {
            return new EngineStartException("The secure connection to Neo4j at " + endpoint.address()
                    + " failed: " + reason,
                    "Check the URI scheme: bolt:// and neo4j:// are unencrypted, bolt+s:// and neo4j+s:// need a trusted certificate, +ssc accepts a self-signed one.", e);
        }
        if (e instanceof ServiceUnavailableException) {
            return new EngineStartException("Neo4j at " + endpoint.address() + " is not reachable: " + reason,
                    unreachableRemedy(endpoint), e);
        }
        return new EngineStartException("Could not connect to Neo4j at " + endpoint.address() + ": " + reason,
                unreachableRemedy(endpoint), e);
    }

    private static String unreachableRemedy(Neo4jEndpoint endpoint) {
        return endpoint.embedded()
                ? "Restart Persistence Explorer; if it keeps failing, see the Neo4j log in the data folder."
                : "Check that the server runs and that host and port in --neo4j-uri are right, "
                        + "or leave out --neo4j-uri to use the embedded Neo4j.";
    }

    /** Runs one read-only statement; the server refuses writes in it. */
    public GraphResult read(String cypher, Map<String, Object> parameters) {
        return execute(cypher, parameters, AccessMode.READ, true, Integer.MAX_VALUE).result();
    }

    /** Runs one statement that may write or change the schema. */
    public GraphResult write(String cypher, Map<String, Object> parameters) {
        return execute(cypher, parameters, AccessMode.WRITE, true, Integer.MAX_VALUE).result();
    }

    /**
     * Runs one statement and reads at most {@code maxRows} rows (the rest are discarded, never
     * held), with the plan of an EXPLAIN or PROFILE: the console's way, so a huge result cannot
     * fill the heap. Recorded like every other statement.
     *
     * @param write false: a read-only transaction, the server refuses writes
     */
    public GraphAnswer query(String cypher, Map<String, Object> parameters, boolean write, int maxRows) {
        return execute(cypher, parameters, write ? AccessMode.WRITE : AccessMode.READ, true, maxRows);
    }

    /**
     * For the terminator: runs one auto-commit statement that is not itself cancellable and
     * does not record it. The terminator repeats its lookup until the transaction shows up and
     * records the repeats as one statement that counts every attempt.
     */
    Attempt runUnrecorded(String cypher, Map<String, Object> parameters) {
        return send(cypher, parameters == null ? Map.of() : parameters, AccessMode.WRITE, false, Integer.MAX_VALUE);
    }

    private GraphAnswer execute(String cypher, Map<String, Object> parameters, AccessMode mode, boolean cancellable,
                                int maxRows) {
        Map<String, Object> params = parameters == null ? Map.of() : parameters;
        if (cancellable && endpoint.readOnly() && mode == AccessMode.WRITE) {
            // Refused before it is sent: nothing reached the server, so nothing is recorded.
            throw new GraphQueryException(readOnlyReason(), READ_ONLY_CODE, null);
        }
        if (cancellable && WorkContext.cancelled()) {
            throw new GraphQueryCancelledException("Cancelled before the statement was sent.", null, null);
        }
        Attempt attempt = send(cypher, params, mode, cancellable, maxRows);
        if (attempt.failure() != null) {
            StatementKind fallbackKind = mode == AccessMode.READ ? StatementKind.CYPHER_READ : StatementKind.CYPHER_WRITE;
            recorder.record(Engine.NEO4J, fallbackKind, cypher, display(params), attempt.durationNanos(), -1, 1,
                    attempt.failure().getMessage());
            throw attempt.failure();
        }
        GraphResult result = attempt.result();
        recorder.record(Engine.NEO4J, result.kind(), cypher, display(params), result.durationNanos(), rows(result), 1, null);
        return new GraphAnswer(result, attempt.truncated(), attempt.plan());
    }

    /** Sends one statement in its own session and transaction; records nothing. */
    private Attempt send(String cypher, Map<String, Object> params, AccessMode mode, boolean cancellable, int maxRows) {
        String action = WorkContext.currentAction();
        String statementId = UUID.randomUUID().toString();
        TransactionConfig config = TransactionConfig.builder()
                .withTimeout(statementTimeout)
                .withMetadata(Map.of(TransactionTerminator.ID_KEY, statementId, TransactionTerminator.ACTION_KEY, action))
                .build();
        boolean autoCommit = !cancellable || NEEDS_AUTO_COMMIT.matcher(cypher).matches();
        // On a server the app does not own, the user's work runs in read transactions: the server
        // itself refuses a write there ("Writing in read access mode not allowed").
        AccessMode effective = cancellable && endpoint.readOnly() ? AccessMode.READ : mode;
        SessionConfig.Builder sessionConfig = SessionConfig.builder().withDefaultAccessMode(effective);
        if (endpoint.database() != null && !endpoint.database().isBlank()) {
            sessionConfig.withDatabase(endpoint.database());
        }
        if (bookmarks != null && cancellable) {
            sessionConfig.withBookmarkManager(bookmarks);
        }
        TransactionTerminator.Handle termination = terminator.handle(statementId, action);
        long started = System.nanoTime();
        Read result = null;
        try (CancelHooks.Registration ignored = cancellable ? WorkContext.onCancel(termination::request) : () -> { };
             Session session = driver.session(sessionConfig.build())) {
            result = run(session, new Query(cypher, params), config, autoCommit, started, maxRows);
        } catch (RuntimeException e) {
            termination.finish();
            if (result == null) {
                return new Attempt(null, explain(e, termination.requested()), System.nanoTime() - started, false, null);
            }
            // The statement committed; only closing the session failed. Nothing to report to the caller.
            LOG.debug("closing a Neo4j session failed after a successful statement", e);
        }
        termination.finish();
        return new Attempt(result.result(), null, result.result().durationNanos(), result.truncated(), result.plan());
    }

    /** Rows returned by a read, items changed by a write: what the log's row column shows. */
    static long rows(GraphResult result) {
        return result.kind() == StatementKind.CYPHER_READ ? result.rows().size() : result.counters().total();
    }

    private static Read run(Session session, Query query, TransactionConfig config, boolean autoCommit, long started,
                            int maxRows) {
        if (autoCommit) {
            return read(session.run(query, config), maxRows, started, null);
        }
        try (Transaction tx = session.beginTransaction(config)) {
            return read(tx.run(query), maxRows, started, tx);
        }
    }

    /** Reads up to maxRows records; consuming the summary discards the rest without holding them. */
    private static Read read(Result result, int maxRows, long started, Transaction commitAfter) {
        List<String> columns = result.keys();
        List<Record> records = new ArrayList<>();
        while (records.size() < maxRows && result.hasNext()) {
            records.add(result.next());
        }
        boolean truncated = result.hasNext();
        ResultSummary summary = result.consume();
        if (commitAfter != null) {
            commitAfter.commit();
        }
        GraphPlan plan = summary.hasProfile() ? PlainPlans.of(summary.profile())
                : summary.hasPlan() ? PlainPlans.of(summary.plan()) : null;
        return new Read(toResult(columns, records, summary, System.nanoTime() - started), truncated, plan);
    }

    private record Read(GraphResult result, boolean truncated, GraphPlan plan) {
    }

    private static GraphResult toResult(List<String> columns, List<Record> records, ResultSummary summary, long duration) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        records.forEach(r -> rows.add(PlainValues.row(r)));
        SummaryCounters c = summary.counters();
        GraphResult.Counters counters = new GraphResult.Counters(c.nodesCreated(), c.nodesDeleted(),
                c.relationshipsCreated(), c.relationshipsDeleted(), c.propertiesSet(), c.labelsAdded(), c.labelsRemoved(),
                c.indexesAdded(), c.indexesRemoved(), c.constraintsAdded(), c.constraintsRemoved(), c.systemUpdates());
        StatementKind kind = StatementKind.ofCypherQueryType(summary.queryType() == null ? null : summary.queryType().name());
        return new GraphResult(columns, rows, kind, counters, duration);
    }

    private GraphQueryException explain(RuntimeException e, boolean cancelRequested) {
        String code = e instanceof Neo4jException neo ? neo.code() : null;
        // Server messages can quote the statement, password literals included.
        String reason = Secrets.mask(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip());
        if (cancelRequested && code != null && code.startsWith("Neo.ClientError.Transaction.Terminated")) {
            // The server's own text ("... Retry your operation ...") would mislead here.
            return new GraphQueryCancelledException("Cancelled: the statement was stopped on the server.", code, e);
        }
        if (code != null && code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
            return new GraphQueryException("The statement ran longer than its limit of "
                    + statementTimeout.toSeconds() + " s and the server stopped it. (" + reason + ")", code, e);
        }
        if (cancelRequested) {
            return new GraphQueryCancelledException("Cancelled: " + reason, code, e);
        }
        if (endpoint.readOnly() && code != null && code.startsWith("Neo.ClientError.Statement.AccessMode")) {
            return new GraphQueryException(readOnlyReason() + " (" + reason + ")", code, e);
        }
        if (e instanceof ServiceUnavailableException) {
            return new GraphQueryException("Neo4j at " + endpoint.address() + " is not reachable: " + reason, code, e);
        }
        if (e instanceof Neo4jException) {
            return new GraphQueryException("Neo4j rejected the statement: " + reason, code, e);
        }
        return new GraphQueryException("The statement could not be run: " + reason, code, e);
    }

    /** The error code of a write refused because the profile is read-only (the app's own, not the server's). */
    public static final String READ_ONLY_CODE = "PersistenceExplorer.ReadOnlyProfile";

    private String readOnlyReason() {
        return "Not written: Neo4j at " + endpoint.address() + " is not the app's own server, so this profile is"
                + " read-only. Unlock writes for the profile in Connect (Ctrl+Shift+K) if you mean to change its data.";
    }

    /** Parameters as "name=value", sorted by name, each value a Cypher literal (long ones cut at a generous cap). */
    static List<String> display(Map<String, Object> parameters) {
        List<String> shown = new ArrayList<>(parameters.size());
        new TreeMap<>(parameters).forEach((name, value) -> shown.add(name + "=" + CypherLiteral.of(value)));
        return shown;
    }

    /**
     * True when the server completes the driver's connectivity check (connect, Bolt handshake,
     * login) within the timeout. Runs no Cypher and records nothing, so a health check may call
     * it every second.
     */
    public boolean answers(Duration timeout) {
        try {
            driver.verifyConnectivityAsync().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    public Neo4jEndpoint endpoint() {
        return endpoint;
    }

    /** How long one statement may run before the server stops it. */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    /** How many statements the terminator has sent so far, for tests that check its record. */
    long terminateStatementsSent() {
        return terminator.statementsSent();
    }

    /** One statement sent: its result, or the failure in the user's words; how long it took. */
    record Attempt(GraphResult result, GraphQueryException failure, long durationNanos, boolean truncated, GraphPlan plan) {
    }

    /** Closes the driver and its connections. Running statements fail. */
    @Override
    public void close() {
        terminator.close();
        driver.close();
    }
}
