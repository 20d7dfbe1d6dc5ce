package org.persistenceexplorer.store.capture;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback's {@code %ex} with secrets masked, for the messages inside a logged stack trace (see
 * {@link MaskedMessage}). Thread-safe.
 */
public final class MaskedThrowable extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        String trace = super.throwableProxyToString(proxy);
        return Secrets.mentionsPassword(trace) ? Secrets.maskError(trace) : trace;
    }
}
