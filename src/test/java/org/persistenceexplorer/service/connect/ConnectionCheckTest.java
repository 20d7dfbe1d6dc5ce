package org.persistenceexplorer.service.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.testsupport.DebianPostgresPair;
import org.persistenceexplorer.testsupport.Neo4jInAnotherProcess;

/**
 * The Test buttons against real servers the app does not own: Debian's PostgreSQL as a primary
 * and its streaming replica, and Neo4j in a second JVM with authentication on.
 */
class ConnectionCheckTest {

    private final ConnectionCheck check = new ConnectionCheck(new StatementRecorder());

    @Test
    void primaryAndReplicaSayWhatTheyAreAndTheirVersion() {
        DebianPostgresPair pair = DebianPostgresPair.get();
        PostgresAnswer primary = check.postgres(PostgresTarget.ofUrl(pair.primaryUrl(), DebianPostgresPair.USER),
                DebianPostgresPair.PASSWORD);
        PostgresAnswer replica = check.postgres(PostgresTarget.of("127.0.0.1", pair.replicaPort(), DebianPostgresPair.DATABASE,
                DebianPostgresPair.USER), DebianPostgresPair.PASSWORD);

        assertThat(primary.problem()).isEmpty();
        assertThat(primary.replica()).isFalse();
        assertThat(primary.version()).startsWith(pair.majorVersion() + ".");
        assertThat(primary.answeredBy()).isEqualTo("127.0.0.1:" + pair.primaryPort());
        assertThat(primary.summary()).contains("the primary");
        assertThat(replica.replica()).isTrue();
        assertThat(replica.answeredBy()).isEqualTo("127.0.0.1:" + pair.replicaPort());
        assertThat(replica.summary()).contains("a replica");
    }

    @Test
    void multiHostUrlPreferringSecondaryIsAnsweredByTheReplica() {
        DebianPostgresPair pair = DebianPostgresPair.get();
        PostgresAnswer answer = check.postgres(PostgresTarget.ofUrl(pair.multiHostUrl("preferSecondary"),
                DebianPostgresPair.USER), DebianPostgresPair.PASSWORD);
        assertThat(answer.reached()).as(answer.problem()).isTrue();
        assertThat(answer.replica()).isTrue();
        assertThat(answer.answeredBy()).endsWith(":" + pair.replicaPort());
        assertThat(answer.eachHost()).as("each host of the URL, in its order, says what it is").containsExactly(
                "127.0.0.1:" + pair.primaryPort() + ": PostgreSQL " + answer.version() + ", the primary",
                "127.0.0.1:" + pair.replicaPort() + ": PostgreSQL " + answer.version() + ", a replica");
        assertThat(answer.summary()).contains("the one the URL chose").contains("the primary").contains("a replica");
    }

    @Test
    void aHostOfAMultiHostUrlThatDoesNotAnswerIsNamed() {
        DebianPostgresPair pair = DebianPostgresPair.get();
        String url = "jdbc:postgresql://127.0.0.1:" + pair.primaryPort() + ",127.0.0.1:1/" + DebianPostgresPair.DATABASE
                + "?targetServerType=any";
        PostgresAnswer answer = check.postgres(PostgresTarget.ofUrl(url, DebianPostgresPair.USER), DebianPostgresPair.PASSWORD);
        assertThat(answer.reached()).as(answer.problem()).isTrue();
        assertThat(answer.eachHost()).hasSize(2);
        assertThat(answer.eachHost().get(0)).endsWith("the primary");
        assertThat(answer.eachHost().get(1)).startsWith("127.0.0.1:1: did not answer: Nothing answers at 127.0.0.1:1/");
    }

    @Test
    void aReplicaWhereAPrimaryIsRequiredIsToldInWords() {
        DebianPostgresPair pair = DebianPostgresPair.get();
        String onlyReplica = "jdbc:postgresql://127.0.0.1:" + pair.replicaPort() + "/" + DebianPostgresPair.DATABASE
                + "?targetServerType=primary";
        PostgresAnswer answer = check.postgres(PostgresTarget.ofUrl(onlyReplica, DebianPostgresPair.USER),
                DebianPostgresPair.PASSWORD);
        assertThat(answer.reached()).isFalse();
        assertThat(answer.problem()).contains("a replica cannot stand in where a primary is required");
    }

    @Test
    void wrongPasswordUnknownHostAndNothingListeningAreToldApart() {
        DebianPostgresPair pair = DebianPostgresPair.get();
        PostgresAnswer wrong = check.postgres(PostgresTarget.ofUrl(pair.primaryUrl(), DebianPostgresPair.USER), "not-it");
        PostgresAnswer unknown = check.postgres(PostgresTarget.of("no-such-host.invalid", 5432, "work", "analyst"), "x");
        PostgresAnswer refused = check.postgres(PostgresTarget.of("127.0.0.1", 1, "work", "analyst"), "x");
        PostgresAnswer noTls = check.postgres(new PostgresTarget("", 0, "", pair.primaryUrl(), DebianPostgresPair.USER,
                "require", ""), DebianPostgresPair.PASSWORD);

        assertThat(wrong.problem()).contains("refused the password of user 'analyst'").contains("wrong password");
        assertThat(unknown.problem()).startsWith("The host in no-such-host.invalid:5432/work is unknown");
        assertThat(refused.problem()).contains("Nothing answers at 127.0.0.1:1/work (connection refused)");
        assertThat(noTls.problem()).contains("refused TLS");
    }

    @Test
    void neo4jOverBoltAndThroughItsRoutingTable() {
        Neo4jInAnotherProcess neo4j = Neo4jInAnotherProcess.get();
        Neo4jAnswer bolt = check.neo4j(new Neo4jTarget(neo4j.boltUri(), "", Neo4jInAnotherProcess.USER),
                Neo4jInAnotherProcess.PASSWORD);
        Neo4jAnswer routed = check.neo4j(new Neo4jTarget(neo4j.routingUri(), "neo4j", Neo4jInAnotherProcess.USER),
                Neo4jInAnotherProcess.PASSWORD);

        assertThat(bolt.problem()).isEmpty();
        assertThat(bolt.edition()).isEqualTo("community");
        assertThat(bolt.version()).startsWith("5.26");
        assertThat(bolt.members()).isEmpty();
        assertThat(routed.problem()).isEmpty();
        assertThat(routed.members()).extracting(Neo4jAnswer.RoutingMember::address).containsExactly("127.0.0.1:" + neo4j.port());
        assertThat(routed.members().get(0).roles()).contains("WRITE", "READ", "ROUTE");
        assertThat(routed.summary()).contains("routing table: 127.0.0.1:" + neo4j.port());
    }

    @Test
    void neo4jWrongPasswordAndNothingListening() {
        Neo4jInAnotherProcess neo4j = Neo4jInAnotherProcess.get();
        Neo4jAnswer wrong = check.neo4j(new Neo4jTarget(neo4j.boltUri(), "", "neo4j"), "not-it");
        Neo4jAnswer nothing = check.neo4j(new Neo4jTarget("bolt://127.0.0.1:1", "", "neo4j"), "x");
        Neo4jAnswer badUri = check.neo4j(new Neo4jTarget("http://127.0.0.1:7474", "", "neo4j"), "x");

        assertThat(wrong.problem()).contains("refused the login of user 'neo4j'");
        assertThat(nothing.problem()).contains("is not reachable");
        assertThat(badUri.problem()).contains("must look like bolt://host:7687");
    }
}
