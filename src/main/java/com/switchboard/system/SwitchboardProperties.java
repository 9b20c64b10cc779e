package com.switchboard.system;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The settings every deployment has, under {@code switchboard.*}. Their defaults make the
 * embedded run work with no settings at all.
 *
 * @param dataDir where the embedded PostgreSQL keeps its files
 * @param demoData whether to load the demo account on first start; unset means "only when the
 *        database is the embedded one"
 * @param simulator whether the customer phone simulator channel is on; unset means "only when the
 *        database is the embedded one"
 * @param publicUrl the address users and the SMS provider reach; unset means
 *        {@code http://localhost:<server.port>}
 */
@Validated
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        Boolean demoData,
        Boolean simulator,
        URI publicUrl) {
}
