package com.switchboard.accounts.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** Sessions in PostgreSQL (Spring Session JDBC), so that any node serves any request. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * Session attributes written with an upsert: several tabs opened at once right after logging
     * in all create the session's CSRF token, and plain inserts would fail all but one of them.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
