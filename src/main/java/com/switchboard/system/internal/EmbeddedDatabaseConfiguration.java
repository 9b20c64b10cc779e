package com.switchboard.system.internal;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.switchboard.system.SwitchboardProperties;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded default: with no {@code spring.datasource.url}, Switchboard starts a real
 * PostgreSQL server of its own, with everything it needs under {@code switchboard.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    // Spring closes it after the pool, so the pool never talks to a dead server.
    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(SwitchboardProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        return EmbeddedServer.start(dataDir.resolve("postgres-server"), dataDir.resolve("postgres"));
    }

    // The pool's settings (spring.datasource.hikari.*) apply to the embedded default too.
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedServer server) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(server.jdbcUrl())
                .username("postgres")
                .build();
        dataSource.setPoolName("switchboard-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
