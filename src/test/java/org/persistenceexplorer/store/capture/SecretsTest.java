package org.persistenceexplorer.store.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;

class SecretsTest {

    @Test
    void passwordLiteralOfAPostgresRoleIsMasked() {
        assertThat(Secrets.mask("ALTER ROLE app PASSWORD 'hunter2'")).isEqualTo("ALTER ROLE app PASSWORD '***'");
        assertThat(Secrets.mask("CREATE ROLE app WITH LOGIN ENCRYPTED PASSWORD 'it''s secret' VALID UNTIL '2030-01-01'"))
                .isEqualTo("CREATE ROLE app WITH LOGIN ENCRYPTED PASSWORD '***' VALID UNTIL '2030-01-01'");
        assertThat(Secrets.mask("alter user app password 'hunter2'")).doesNotContain("hunter2");
    }

    @Test
    void passwordLiteralOfANeo4jUserIsMasked() {
        assertThat(Secrets.mask("CREATE USER alice SET PASSWORD 'hunter2' CHANGE NOT REQUIRED"))
                .isEqualTo("CREATE USER alice SET PASSWORD '***' CHANGE NOT REQUIRED");
        assertThat(Secrets.mask("CREATE USER bob SET PLAINTEXT PASSWORD \"hunter2\"")).doesNotContain("hunter2");
    }

    @Test
    void bothPasswordsOfANeo4jPasswordChangeAreMasked() {
        String masked = Secrets.mask("ALTER CURRENT USER SET PASSWORD FROM 'old-secret' TO 'new-secret'");

        assertThat(masked).doesNotContain("old-secret").doesNotContain("new-secret")
                .isEqualTo("ALTER CURRENT USER SET PASSWORD FROM '***' TO '***'");
    }

    @Test
    void passwordInAJdbcUrlIsMasked() {
        assertThat(Secrets.mask("jdbc:postgresql://db:5432/hr?user=app&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/hr?user=app&password=***&ssl=true");
        assertThat(Secrets.mask("jdbc:postgresql://h/db?user=a&PASSWORD=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&PASSWORD=***&ssl=true");
        assertThat(Secrets.mask("FATAL: connection failed for jdbc:postgresql://db/hr?PASSWORD=hunter2"))
                .doesNotContain("hunter2");
    }

    @Test
    void recorderMasksTheTextAndTheErrorAndHidesParametersWhenTheTextMentionsAPassword() {
        StatementRecorder recorder = new StatementRecorder();

        CapturedStatement withPassword = recorder.record(Engine.POSTGRESQL, StatementKind.DDL,
                "ALTER ROLE app PASSWORD 'hunter2'", List.of(), 1, -1, 1,
                "ERROR near PASSWORD 'hunter2'");
        CapturedStatement boundPassword = recorder.record(Engine.POSTGRESQL, StatementKind.UPDATE,
                "UPDATE account SET password = ? WHERE login = ?", List.of("1=hunter2, 2=alice"), 1, 1, 1, null);
        CapturedStatement cypher = recorder.record(Engine.NEO4J, StatementKind.CYPHER_SCHEMA,
                "CREATE USER alice SET PASSWORD $pw", List.of("pw=hunter2"), 1, -1, 1, null);
        CapturedStatement plain = recorder.record(Engine.POSTGRESQL, StatementKind.SELECT,
                "SELECT * FROM account WHERE login = ?", List.of("1=alice"), 1, 1, 1, null);

        assertThat(withPassword.text()).isEqualTo("ALTER ROLE app PASSWORD '***'");
        assertThat(withPassword.error()).doesNotContain("hunter2");
        assertThat(boundPassword.parameters()).containsExactly("***");
        assertThat(cypher.parameters()).containsExactly("***");
        assertThat(plain.parameters()).as("parameters are hidden only when a password is involved").containsExactly("1=alice");
    }

    @Test
    void listenersReceiveTheMaskedStatement() {
        StatementRecorder recorder = new StatementRecorder();
        List<CapturedStatement> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        recorder.addListener(seen::add);

        recorder.record(Engine.POSTGRESQL, StatementKind.DDL, "ALTER ROLE app PASSWORD 'hunter2'", List.of(), 1, -1, 1, null);

        assertThat(seen).singleElement().extracting(CapturedStatement::text).asString().doesNotContain("hunter2");
    }

    @Test
    void passwordLiteralsAreMaskedInAnyLetterCase() {
        assertThat(Secrets.mask("create user x with PassWord \"it''s\"")).isEqualTo("create user x with PassWord '***'");
        assertThat(Secrets.mask("CALL dbms.security.changePassword = 'new'")).isEqualTo("CALL dbms.security.changePassword = '***'");
    }

    @Test
    void textWithoutTheWordIsReturnedUnchanged() {
        String sql = "SELECT label FROM item WHERE id = ? AND pass = 'word'";
        assertThat(Secrets.mask(sql)).isSameAs(sql);
        assertThat(Secrets.mentionsPassword(sql)).isFalse();
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void mentionsPasswordFindsTheWordAnywhereInAnyCase() {
        assertThat(Secrets.mentionsPassword("password")).isTrue();
        assertThat(Secrets.mentionsPassword("UPDATE account SET PaSsWoRd_hash = ?")).isTrue();
        assertThat(Secrets.mentionsPassword("select reset_password")).isTrue();
        assertThat(Secrets.mentionsPassword("SELECT name, 'password' IS NULL FROM hr.employee")).isTrue();
        assertThat(Secrets.mentionsPassword("SELECT 1")).isFalse();
        assertThat(Secrets.mentionsPassword("passwor")).isFalse();
        assertThat(Secrets.mentionsPassword(null)).isFalse();
    }

    @Test
    void connectionUrlsHideBothPasswordParametersAndUserInfo() {
        assertThat(Secrets.maskUrl("jdbc:postgresql://db:5432/app?user=me&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=me&password=***&ssl=true");
        assertThat(Secrets.maskUrl("bolt://neo4j:hunter2@graph.example.org:7687"))
                .isEqualTo("bolt://***@graph.example.org:7687");
        assertThat(Secrets.maskUrl("neo4j://graph.example.org:7687")).isEqualTo("neo4j://graph.example.org:7687");
    }

    @Test
    void everyQuotingPostgresAndCypherKnowAfterTheWordIsMasked() {
        List<String> spellings = List.of(
                "ALTER ROLE app PASSWORD $$hunter2$$",
                "ALTER ROLE app PASSWORD $pw$hunter2$pw$",
                "ALTER ROLE app PASSWORD E'hunter2'",
                "ALTER ROLE app PASSWORD E'hun\\'ter2'",
                "ALTER ROLE app PASSWORD /* the new one */ 'hunter2'",
                "ALTER ROLE app PASSWORD -- the new one\n 'hunter2'",
                "ALTER ROLE app PASSWORD /* outer /* nested */ */ $$hunter2$$",
                "ALTER ROLE app PASSWORD 'it''s hunter2'",
                "CREATE USER alice SET PASSWORD /* c */ 'hunter2'",
                "CREATE USER alice SET PASSWORD // c\n 'hunter2'",
                "CREATE USER alice SET PASSWORD 'hun\\'ter2'",
                "ALTER CURRENT USER SET PASSWORD FROM /* old */ 'hunter1' TO /* new */ \"hunter2\"",
                "ALTER ROLE a PASSWORD 'x1hunter2'; ALTER ROLE b PASSWORD $$hunter2$$");
        for (String sql : spellings) {
            assertThat(Secrets.mask(sql)).as(sql).doesNotContain("hunter").contains("'***'");
        }
    }

    @Test
    void valuesTheServerOrDriverInlinesInErrorsAreMaskedWhenParametersAreHidden() {
        StatementRecorder recorder = new StatementRecorder();
        String batchError = "Batch entry 5 INSERT INTO account (login, password) VALUES (('bob'), ('hunter2')) was aborted: "
                + "ERROR: new row for relation \"account\" violates check constraint \"strong\"\n"
                + "  Detail: Failing row contains (bob, hunter2).  Call getNextException to see other errors in the batch.";
        CapturedStatement failed = recorder.record(Engine.POSTGRESQL, StatementKind.INSERT,
                "INSERT INTO account (login, password) VALUES (?, ?)", List.of("1=bob, 2=hunter2"), 1, -1, 1, batchError);
        CapturedStatement duplicate = recorder.record(Engine.POSTGRESQL, StatementKind.INSERT,
                "INSERT INTO account (login, password) VALUES (?, ?)", List.of("1=bob, 2=hunter2"), 1, -1, 1,
                "ERROR: duplicate key value violates unique constraint\n  Detail: Key (password)=(hunter2) already exists.");

        assertThat(failed.parameters()).containsExactly("***");
        assertThat(failed.error()).doesNotContain("hunter2").contains("Failing row contains (***)").contains("Batch entry 5");
        assertThat(duplicate.error()).doesNotContain("hunter2").contains("Key (password)=(***)");
    }

    @Test
    void theUiThreadWarningShowsTheMaskedText() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(StatementRecorder.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Thread fx = new Thread(() -> new StatementRecorder().record(Engine.POSTGRESQL, StatementKind.DDL,
                "ALTER ROLE app PASSWORD /* c */ $$hunter2$$", List.of(), 1, -1, 1, null), StatementRecorder.UI_THREAD_NAME);
        try {
            fx.start();
            fx.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).singleElement().extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .asString().contains("PASSWORD").doesNotContain("hunter2");
    }

    @Test
    void whatTheLibrariesLogAboutAFailedSecretStatementIsMaskedToo() {
        ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
        ch.qos.logback.classic.Logger logger = context.getLogger("org.hibernate.orm.jdbc.error");
        String message = "could not execute statement [ERROR: new row violates check constraint\n"
                + "  Detail: Failing row contains (bob, hunter2).] [insert into account (login,password) values (?,?)]";
        RuntimeException thrown = new RuntimeException("Batch entry 0 insert into account (login,password) "
                + "values (('bob'),('hunter2')) was aborted");
        ch.qos.logback.classic.spi.LoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent(
                getClass().getName(), logger, ch.qos.logback.classic.Level.WARN, message, thrown, null);

        MaskedMessage msg = new MaskedMessage();
        MaskedThrowable ex = new MaskedThrowable();
        ex.setContext(context);
        ex.start();

        assertThat(msg.convert(event)).doesNotContain("hunter2").contains("Failing row contains (***)");
        assertThat(ex.convert(event)).doesNotContain("hunter2").contains("Batch entry 0");
    }
}
