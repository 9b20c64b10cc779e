package com.switchboard.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** Beans the tests add: the movable clock, the API client and the fixtures. */
@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
public class TestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /**
     * A local stand-in for Twilio's REST API: the SMS channel is pointed at it. Its own mappings
     * (twilio-stub/mappings, kept through resetAll) say that a Twilio account owns whatever number
     * it is asked about; a test that needs otherwise adds a stub of its own.
     */
    @Bean(destroyMethod = "stop")
    WireMockServer twilioStub() {
        var stub = new WireMockServer(WireMockConfiguration.options().dynamicPort().usingFilesUnderClasspath("twilio-stub"));
        stub.start();
        return stub;
    }

    @Bean
    DynamicPropertyRegistrar twilioApiUrl(WireMockServer twilioStub) {
        return registry -> registry.add("switchboard.twilio.api-url", twilioStub::baseUrl);
    }

    @Bean
    Api api(org.springframework.core.env.Environment environment) {
        return new Api(environment);
    }

    @Bean
    Fixtures fixtures(Api api) {
        return new Fixtures(api);
    }
}
