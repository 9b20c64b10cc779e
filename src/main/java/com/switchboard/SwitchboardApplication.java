package com.switchboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Switchboard: a team inbox for customer text messaging. Each direct sub-package is an
 * application module; see {@code ModularityTests}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "system")
public class SwitchboardApplication {

    public static void main(String[] args) {
        SpringApplication.run(SwitchboardApplication.class, args);
    }
}
