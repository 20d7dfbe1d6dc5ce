package org.persistenceexplorer.store.sql;

import java.sql.ResultSet;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.jdk.JdkJdbcProxyFactory;

/**
 * datasource-proxy's JDK proxies for data sources, connections and statements (their listeners
 * see every statement), but a plain class for the result sets it wraps to count rows:
 * {@link CountedResultSet}. The result-set calls are the ones made per row and column; a JDK
 * proxy costs reflection and an argument array on each. Stateless; thread-safe.
 */
final class CapturedProxies extends JdkJdbcProxyFactory {

    private final ResultReads reads;

    CapturedProxies(ResultReads reads) {
        this.reads = reads;
    }

    @Override
    public ResultSet createResultSet(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
        return reads.counted(resultSet, proxyConfig);
    }
}
