package com.switchboard.live.internal;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The threads that write events to streams. A write to a client that stopped reading blocks until
 * the connection times out, so writes never run on the dispatching thread: on a JDK with virtual
 * threads each write gets one, else a pool large enough that a few dead clients block no one.
 * Waiting streams hold no thread at all (the servlet request is asynchronous).
 */
@Component
class LiveWriters implements DisposableBean {

    private final Executor executor;
    private final ThreadPoolTaskExecutor pool;

    LiveWriters(Environment environment) {
        if (Threading.VIRTUAL.isActive(environment)) {
            var virtual = new SimpleAsyncTaskExecutor("live-writer-");
            virtual.setVirtualThreads(true);
            this.executor = virtual;
            this.pool = null;
        }
        else {
            pool = new ThreadPoolTaskExecutor();
            pool.setThreadNamePrefix("live-writer-");
            pool.setCorePoolSize(32);
            pool.setMaxPoolSize(32);
            pool.setAllowCoreThreadTimeOut(true);
            pool.setDaemon(true);
            pool.initialize();
            this.executor = pool;
        }
    }

    Executor executor() {
        return executor;
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
