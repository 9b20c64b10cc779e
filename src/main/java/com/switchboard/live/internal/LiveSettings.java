package com.switchboard.live.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the live stream ({@code switchboard.live.*}).
 *
 * @param heartbeat how often an idle stream gets a comment line, so that proxies keep it open;
 *        also how often the node checks that each stream's session or token still stands
 * @param retention how long the log keeps events for subscribers that reconnect
 * @param bufferSize how many events may wait for a slow subscriber before it is disconnected
 * @param replayBatch how many missed events a reconnecting subscriber's replay reads from the log
 *        at a time (it reads on until it has them all)
 * @param streamTimeout how long one stream lasts before the server ends it and the client
 *        reconnects (so that no connection lives forever behind a load balancer)
 */
@ConfigurationProperties("switchboard.live")
record LiveSettings(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("15m") Duration retention,
        @DefaultValue("256") int bufferSize,
        @DefaultValue("500") int replayBatch,
        @DefaultValue("30m") Duration streamTimeout) {
}
