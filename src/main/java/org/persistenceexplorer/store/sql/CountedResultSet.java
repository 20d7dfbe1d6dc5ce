package org.persistenceexplorer.store.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyLogicSupport;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogic;

/**
 * The proxy behind each result set the application gets: {@code next()} counts a row (and the
 * time a cursor fetch takes), its end, a failure or {@code close()} completes the statement's
 * record. Rows are what {@code next()} moved to; a scrollable result moved with
 * {@code absolute()} / {@code last()} counts what {@code next()} saw. Every other call goes
 * straight to pgjdbc's result set, without datasource-proxy's method listeners (cheap per row).
 * Confined to the thread that reads the result set, like the result set itself.
 */
final class CountedResultSet extends ProxyLogicSupport implements ResultSetProxyLogic {

    private final ResultSet resultSet;
    private final ProxyConfig proxyConfig;
    private final ResultReads.Read read;

    CountedResultSet(ResultSet resultSet, ProxyConfig proxyConfig, ResultReads.Read read) {
        this.resultSet = resultSet;
        this.proxyConfig = proxyConfig;
        this.read = read;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (isCommonMethod(name)) {
            return handleCommonMethod(name, resultSet, proxyConfig, args);
        }
        if ("next".equals(name)) {
            return next(method, args);
        }
        if ("close".equals(name)) {
            try {
                return call(method, args);
            } finally {
                read.finish(null);
            }
        }
        return call(method, args);
    }

    private Object next(Method method, Object[] args) throws Throwable {
        long started = System.nanoTime();
        boolean more;
        try {
            more = (Boolean) call(method, args);
        } catch (Throwable failed) {
            read.fetched(System.nanoTime() - started, false);
            read.failed(failed);
            throw failed;
        }
        read.fetched(System.nanoTime() - started, more);
        if (!more) {
            read.finish(null);
        }
        return more;
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(resultSet, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    protected Object performProxyLogic(Object proxy, Method method, Object[] args, MethodExecutionContext context) {
        throw new UnsupportedOperationException("invoke() handles every call");
    }
}
