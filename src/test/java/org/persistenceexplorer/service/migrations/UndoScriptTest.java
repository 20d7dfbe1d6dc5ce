package org.persistenceexplorer.service.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The undo offered with a generated migration, statement by statement. */
class UndoScriptTest {

    @Test
    void eachKnownStatementIsInvertedLastFirst() {
        UndoScript undo = UndoScript.of("""
                -- generated
                alter table if exists employee add column phone varchar(40);
                ALTER TABLE employee RENAME COLUMN title TO job_title;
                create table badge (id bigint not null, primary key (id));
                alter table if exists badge add constraint badge_owner_fkey foreign key (owner_id) references employee;
                create index badge_owner_idx on badge (owner_id);
                create sequence badge_seq start with 1 increment by 50;
                """, "V5__x.sql");

        assertThat(undo.complete()).isTrue();
        assertThat(undo.script().lines().filter(l -> !l.isBlank() && !l.startsWith("--")).toList()).containsExactly(
                "DROP SEQUENCE badge_seq;",
                "DROP INDEX badge_owner_idx;",
                "ALTER TABLE badge DROP CONSTRAINT badge_owner_fkey;",
                "DROP TABLE badge;",
                "ALTER TABLE employee RENAME COLUMN job_title TO title;",
                "ALTER TABLE employee DROP COLUMN phone;");
        assertThat(UndoScript.fileNameFor("V5__x.sql")).isEqualTo("U5__x.sql");
    }

    @Test
    void aStatementWithoutAKnownInverseMakesItIncomplete() {
        UndoScript undo = UndoScript.of("alter table employee add column phone text;\nUPDATE employee SET phone = '1';\n"
                + "alter table employee add primary key (id);", "V5__x.sql");
        assertThat(undo.complete()).isFalse();
        assertThat(undo.unknown()).containsExactly("UPDATE employee SET phone = '1'", "alter table employee add primary key (id)");
        assertThat(UndoScript.of("-- only a comment\n", "V5__x.sql").complete()).isFalse();
    }
}
