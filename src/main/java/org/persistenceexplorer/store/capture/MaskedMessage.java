package org.persistenceexplorer.store.capture;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with secrets masked (logback.xml maps {@code %msg} to it), so what the
 * libraries log about a failed statement (Hibernate's "could not execute statement", pgjdbc's
 * batch entry with its parameters inlined, the server's "Failing row contains (...)") shows no
 * password: a message that mentions one is masked like a secret statement's error text.
 * Thread-safe (stateless).
 */
public final class MaskedMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        return Secrets.mentionsPassword(message) ? Secrets.maskError(message) : message;
    }
}
