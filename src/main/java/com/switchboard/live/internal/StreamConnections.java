package com.switchboard.live.internal;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Smaller per-connection buffers in Tomcat. A live stream keeps its connection, and with it
 * Tomcat's buffers, for as long as the page is open: at the default 8 KB each they are most of a
 * stream's memory (bench/README.md, B2). Requests and events are small, so 2 KB loses nothing.
 */
@Component
class StreamConnections implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", "2048");
            connector.setProperty("socket.appWriteBufSize", "2048");
        });
    }
}
