package com.switchboard.system;

import java.net.URI;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * What kind of deployment this is: the embedded default (no database configured) or a production
 * one against an external PostgreSQL. Settings left unset take their default from that.
 */
@Component
public class Deployment {

    private final boolean embeddedDatabase;
    private final boolean demoData;
    private final boolean simulator;
    private final URI publicUrl;

    public Deployment(SwitchboardProperties properties, Environment environment) {
        this.embeddedDatabase = usesEmbeddedDatabase(environment);
        this.demoData = properties.demoData() != null ? properties.demoData() : embeddedDatabase;
        this.simulator = properties.simulator() != null ? properties.simulator() : embeddedDatabase;
        this.publicUrl = properties.publicUrl() != null
                ? properties.publicUrl()
                : URI.create("http://localhost:" + environment.getProperty("server.port", "8080"));
    }

    /** True when no {@code spring.datasource.url} is set, so the application starts its own PostgreSQL. */
    public static boolean usesEmbeddedDatabase(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    public boolean embeddedDatabase() {
        return embeddedDatabase;
    }

    public boolean demoData() {
        return demoData;
    }

    public boolean simulatorEnabled() {
        return simulator;
    }

    public URI publicUrl() {
        return publicUrl;
    }
}
