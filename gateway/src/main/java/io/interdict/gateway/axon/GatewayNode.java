package io.interdict.gateway.axon;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * This gateway process as the other nodes see it: its id is the JVM's {@code pid@host}, which is
 * also the owner Axon writes into {@code token_entry} for the segments it claims, and every database
 * session it opens is named {@code interdict-gateway/<id>}, so {@code pg_stat_activity} tells which
 * nodes are alive ({@link SegmentBalancer}). A killed process's sessions end with it.
 */
public final class GatewayNode implements BeanPostProcessor {

    static final String APPLICATION_NAME_PREFIX = "interdict-gateway/";

    /** This node's id, as Axon's token store records claim owners. */
    public static final String ID = ManagementFactory.getRuntimeMXBean().getName();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            // PostgreSQL keeps at most 63 bytes of an application name.
            String name = APPLICATION_NAME_PREFIX + ID;
            pool.addDataSourceProperty("ApplicationName", name.length() > 63 ? name.substring(0, 63) : name);
        }
        return bean;
    }
}
