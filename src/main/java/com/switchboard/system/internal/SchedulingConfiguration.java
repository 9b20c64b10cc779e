package com.switchboard.system.internal;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.switchboard.system.DatabaseAway;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/** Scheduled work, locked in PostgreSQL so that it runs on one node at a time. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "1m")
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    /**
     * Scheduled work that fails because the database is away says so in one line, not with a
     * stack trace every second of the outage; it runs again at its next turn.
     */
    @Bean
    ThreadPoolTaskSchedulerCustomizer quietWhileDatabaseAway() {
        return scheduler -> scheduler.setErrorHandler(SchedulingConfiguration::failed);
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer quietWhileDatabaseAwayOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(SchedulingConfiguration::failed);
    }

    private static void failed(Throwable failure) {
        if (DatabaseAway.causedIt(failure)) {
            log.warn("Scheduled work skipped: the database cannot be reached ({})", DatabaseAway.describe(failure));
        }
        else {
            log.error("Scheduled work failed", failure);
        }
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
