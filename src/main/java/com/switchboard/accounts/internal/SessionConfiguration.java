package com.switchboard.accounts.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.support.TransactionOperations;

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

    /**
     * Session reads and writes in autocommit rather than each in a transaction of its own. Every
     * page reads its session twice and writes it once, nearly always one statement each; a BEGIN
     * and a COMMIT around each tripled the round trips every page pays for its session (bench,
     * B3). What is lost is only that a save that changes several attributes at once is no longer
     * all or nothing, which at worst asks someone to log in again.
     */
    @Bean
    static BeanPostProcessor sessionsInAutocommit() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcHttpSessionConfiguration sessions) {
                    sessions.setTransactionOperations(TransactionOperations.withoutTransaction());
                }
                return bean;
            }
        };
    }
}
