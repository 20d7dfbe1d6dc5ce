package org.persistenceexplorer.store.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Password masking, including the shortcut for text without the word "password" that keeps
 * capture cheap: it must never let a password through.
 */
class SecretsTest {

    @Test
    void passwordLiteralsAreMaskedInAnyLetterCase() {
        assertThat(Secrets.mask("ALTER ROLE app PASSWORD 'secret'")).isEqualTo("ALTER ROLE app PASSWORD '***'");
        assertThat(Secrets.mask("create user x with PassWord \"it''s\"")).isEqualTo("create user x with PassWord '***'");
        assertThat(Secrets.mask("CALL dbms.security.changePassword = 'new'")).isEqualTo("CALL dbms.security.changePassword = '***'");
    }

    @Test
    void urlPasswordsAreMasked() {
        assertThat(Secrets.mask("jdbc:postgresql://h/db?user=a&PASSWORD=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&PASSWORD=***&ssl=true");
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
        assertThat(Secrets.mentionsPassword("passwor")).isFalse();
        assertThat(Secrets.mentionsPassword(null)).isFalse();
    }
}
