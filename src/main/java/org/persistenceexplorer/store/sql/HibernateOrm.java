package org.persistenceexplorer.store.sql;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * Builds Hibernate on the captured DataSource (never a pool of its own, which would bypass
 * capture). The schema belongs to Flyway: Hibernate creates and changes nothing, and it does
 * not read JDBC metadata at boot (those driver-internal queries would escape the count).
 * Building is blocking; call off the FX thread.
 */
public final class HibernateOrm {

    private HibernateOrm() {
    }

    public static SessionFactory open(DataSource captured, List<Class<?>> entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                // The second-level cache holds only entities marked @Cacheable (the loading lab's);
                // JCache through Ehcache 3 (on heap), regions made on first use. The HR entities are not cached.
                .applySettings(Map.of(
                        AvailableSettings.USE_SECOND_LEVEL_CACHE, "true",
                        AvailableSettings.CACHE_REGION_FACTORY, "jcache",
                        "hibernate.javax.cache.provider", "org.ehcache.jsr107.EhcacheCachingProvider",
                        "hibernate.javax.cache.missing_cache_strategy", "create"))
                .applySettings(Map.of(
                        AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, captured,
                        AvailableSettings.DIALECT, PostgreSQLDialect.class.getName(),
                        AvailableSettings.HBM2DDL_AUTO, "none",
                        "hibernate.boot.allow_jdbc_metadata_access", "false",
                        AvailableSettings.GENERATE_STATISTICS, "true",
                        AvailableSettings.SHOW_SQL, "false",
                        AvailableSettings.STATEMENT_BATCH_SIZE, "20"))
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}
