package com.switchboard.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans the tests add: the movable clock, the API client and the fixtures. */
@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
public class TestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
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
