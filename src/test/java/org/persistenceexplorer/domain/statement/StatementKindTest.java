package org.persistenceexplorer.domain.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatementKindTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SELECT 1                                              | SELECT
            select * from hr.employee                             | SELECT
            VALUES (1), (2)                                       | SELECT
            TABLE hr.department                                   | SELECT
            EXPLAIN SELECT 1                                      | SELECT
            COPY t TO STDOUT                                      | SELECT
            (SELECT 1) UNION (SELECT 2)                           | SELECT
            INSERT INTO t VALUES (1)                              | INSERT
            insert into t select * from s                         | INSERT
            COPY t FROM STDIN                                     | INSERT
            UPDATE t SET a = 1                                    | UPDATE
            DELETE FROM t                                         | DELETE
            TRUNCATE t                                            | DELETE
            CREATE TABLE t (id int)                               | DDL
            ALTER TABLE t ADD COLUMN b int                        | DDL
            DROP TABLE t                                          | DDL
            COMMENT ON TABLE t IS 'x'                             | DDL
            GRANT SELECT ON t TO someone                          | DDL
            BEGIN                                                 | TX
            START TRANSACTION                                     | TX
            COMMIT                                                | TX
            END                                                   | TX
            ROLLBACK                                              | TX
            ROLLBACK TO SAVEPOINT before_delete                   | TX
            SAVEPOINT before_delete                               | TX
            RELEASE SAVEPOINT before_delete                       | TX
            SHOW TRANSACTION ISOLATION LEVEL                      | OTHER
            SET SESSION search_path TO hr                         | OTHER
            SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY  | OTHER
            VACUUM t                                              | OTHER
            ''                                                    | OTHER
            """)
    void sqlIsClassifiedByItsFirstKeyword(String sql, StatementKind expected) {
        StatementKind kind = StatementKind.ofSql(sql);

        assertThat(kind).isEqualTo(expected);
        assertThat(kind.engine()).isEqualTo(Engine.POSTGRESQL);
    }

    @Test
    void leadingCommentsAndWhitespaceAreSkipped() {
        assertThat(StatementKind.ofSql("-- load the page\nSELECT 1")).isEqualTo(StatementKind.SELECT);
        assertThat(StatementKind.ofSql("/* Hibernate: update Employee */ update hr.employee set salary = ?"))
                .isEqualTo(StatementKind.UPDATE);
        assertThat(StatementKind.ofSql("  \n\t/* a\nmulti-line\ncomment */\n-- and a line comment\n  DELETE FROM t"))
                .isEqualTo(StatementKind.DELETE);
        assertThat(StatementKind.ofSql("/* SELECT in a comment */ INSERT INTO t VALUES (1)")).isEqualTo(StatementKind.INSERT);
    }

    @Test
    void nullIsOther() {
        assertThat(StatementKind.ofSql(null)).isEqualTo(StatementKind.OTHER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            WITH RECURSIVE chain AS (SELECT id, manager_id FROM e WHERE id = 1 UNION ALL SELECT e.id, e.manager_id FROM e JOIN chain c ON e.id = c.manager_id) SELECT * FROM chain | SELECT
            WITH avg_salary AS (SELECT avg(salary) AS a FROM e) SELECT * FROM e, avg_salary WHERE salary > a | SELECT
            WITH n AS (SELECT 1 AS v) INSERT INTO t VALUES (1)                                | INSERT
            WITH n AS (SELECT 1 AS v) INSERT INTO t SELECT v FROM n                           | INSERT
            WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved       | INSERT
            WITH raise AS (SELECT id FROM e WHERE salary < 1000) UPDATE e SET salary = (SELECT max(salary) FROM e) WHERE id IN (SELECT id FROM raise) | UPDATE
            WITH gone AS (SELECT id FROM e WHERE left_on IS NOT NULL) DELETE FROM e WHERE id IN (SELECT id FROM gone) | DELETE
            WITH deleted AS (DELETE FROM t RETURNING id) SELECT count(*) FROM deleted         | SELECT
            WITH updated AS (UPDATE t SET a = 1 RETURNING id) SELECT count(*) FROM updated    | SELECT
            with n as (select 1)\\ninsert into t\\nselect * from n                          | INSERT
            WITH q AS (SELECT 'a) INSERT' AS s) SELECT * FROM q                             | SELECT
            """)
    void withQueryIsClassifiedByItsMainStatementNotItsSubqueries(String sql, StatementKind expected) {
        assertThat(StatementKind.ofSql(sql.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @Test
    void classificationFollowsPostgresLexingForCommentsQuotesAndWhatActuallyRuns() {
        Map<String, StatementKind> cases = new LinkedHashMap<>();
        cases.put("/* outer /* nested */ still a comment SELECT */ UPDATE t SET a = 1", StatementKind.UPDATE);
        cases.put("WITH q AS (SELECT $$)$$ AS s) DELETE FROM t", StatementKind.DELETE);
        cases.put("WITH q AS (SELECT $x$ ) ( $x$ AS s) DELETE FROM t", StatementKind.DELETE);
        cases.put("WITH q AS (SELECT 1 -- )\n) DELETE FROM t", StatementKind.DELETE);
        cases.put("WITH q AS (SELECT 1 /* ( */) DELETE FROM t", StatementKind.DELETE);
        cases.put("WITH q AS (SELECT E'\\')' AS s) DELETE FROM t", StatementKind.DELETE);
        cases.put("WITH q AS (SELECT 'it''s ) here' AS s) UPDATE t SET a = 1", StatementKind.UPDATE);
        cases.put("EXPLAIN ANALYZE UPDATE t SET a = 1", StatementKind.UPDATE);
        cases.put("EXPLAIN (ANALYZE, BUFFERS) DELETE FROM t", StatementKind.DELETE);
        cases.put("EXPLAIN ANALYSE VERBOSE INSERT INTO t VALUES (1)", StatementKind.INSERT);
        cases.put("EXPLAIN UPDATE t SET a = 1", StatementKind.SELECT);
        cases.put("COPY t TO STDOUT", StatementKind.SELECT);
        cases.put("COPY (SELECT * FROM t WHERE a IN (SELECT a FROM s)) TO STDOUT WITH (FORMAT csv)", StatementKind.SELECT);
        cases.put("COPY t (a, b) FROM STDIN", StatementKind.INSERT);

        cases.forEach((sql, expected) -> assertThat(StatementKind.ofSql(sql)).as(sql).isEqualTo(expected));
    }

    @Test
    void explainCountsAsTheStatementOnlyWhenAnalyzeIsReallyOn() {
        Map<String, StatementKind> cases = new LinkedHashMap<>();
        cases.put("explain analyze update t set a = 1", StatementKind.UPDATE);
        cases.put("EXPLAIN (ANALYZE) UPDATE t SET a = 1", StatementKind.UPDATE);
        cases.put("EXPLAIN (ANALYZE true, FORMAT JSON) DELETE FROM t", StatementKind.DELETE);
        cases.put("EXPLAIN (FORMAT JSON, ANALYZE on) INSERT INTO t VALUES (1)", StatementKind.INSERT);
        cases.put("EXPLAIN (ANALYZE 1, BUFFERS) UPDATE t SET a = 1", StatementKind.UPDATE);
        cases.put("EXPLAIN (ANALYZE false) UPDATE t SET a = 1", StatementKind.SELECT);
        cases.put("EXPLAIN (ANALYZE off, COSTS) DELETE FROM t", StatementKind.SELECT);
        cases.put("EXPLAIN (ANALYZE 0) INSERT INTO t VALUES (1)", StatementKind.SELECT);
        cases.put("EXPLAIN (ANALYSE) UPDATE t SET a = 1", StatementKind.UPDATE);
        cases.put("EXPLAIN /* ANALYZE */ UPDATE t SET a = 1", StatementKind.SELECT);
        cases.put("EXPLAIN VERBOSE UPDATE t SET a = 1", StatementKind.SELECT);
        cases.put("EXPLAIN ANALYZE WITH q AS (SELECT 1) UPDATE t SET a = 1", StatementKind.UPDATE);
        cases.put("EXPLAIN (ANALYZE, FORMAT 'json') SELECT 1", StatementKind.SELECT);
        cases.put("/* c */ EXPLAIN ANALYZE DELETE FROM t", StatementKind.DELETE);

        cases.forEach((sql, expected) -> assertThat(StatementKind.ofSql(sql)).as(sql).isEqualTo(expected));
    }

    @Test
    void explainSyntaxFindsWhereTheExplainedStatementStarts() {
        String sql = "EXPLAIN (ANALYZE, FORMAT JSON) UPDATE t SET a = 1";
        ExplainSyntax explain = ExplainSyntax.of(sql);

        assertThat(explain.analyze()).isTrue();
        assertThat(explain.hasOption("FORMAT")).isTrue();
        assertThat(explain.options()).containsEntry("FORMAT", "JSON");
        assertThat(sql.substring(explain.statementStart())).isEqualTo("UPDATE t SET a = 1");
        assertThat(ExplainSyntax.of("SELECT 1")).isNull();
        assertThat(ExplainSyntax.of("EXPLAIN ANALYZE VERBOSE SELECT 1").statementStart()).isEqualTo(24);
    }

    @Test
    void cypherKindsComeFromTheServersQueryType() {
        assertThat(StatementKind.ofCypherQueryType("READ_ONLY")).isEqualTo(StatementKind.CYPHER_READ);
        assertThat(StatementKind.ofCypherQueryType("READ_WRITE")).isEqualTo(StatementKind.CYPHER_WRITE);
        assertThat(StatementKind.ofCypherQueryType("WRITE_ONLY")).isEqualTo(StatementKind.CYPHER_WRITE);
        assertThat(StatementKind.ofCypherQueryType("SCHEMA_WRITE")).isEqualTo(StatementKind.CYPHER_SCHEMA);
        assertThat(StatementKind.ofCypherQueryType(null)).as("unknown: treated as a read").isEqualTo(StatementKind.CYPHER_READ);
        assertThat(Stream.of("READ_ONLY", "READ_WRITE", "SCHEMA_WRITE").map(StatementKind::ofCypherQueryType))
                .as("counted under Neo4j, labelled with the server's word")
                .allSatisfy(kind -> assertThat(kind.engine()).isEqualTo(Engine.NEO4J))
                .extracting(StatementKind::label).containsExactly("READ", "WRITE", "SCHEMA");
    }
}
