package com.switchboard.web.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final LayoutModel layoutModel;
    private final StorableInput storableInput;

    WebConfiguration(LayoutModel layoutModel, StorableInput storableInput) {
        this.layoutModel = layoutModel;
        this.storableInput = storableInput;
    }

    /** JSON bodies: every string is checked as it is read (StorableInput). */
    @Bean
    JacksonModule storableJsonStrings() {
        return new SimpleModule("storable-strings").addDeserializer(String.class, new StorableInput.JsonStrings());
    }

    /**
     * Every instant the API writes has the same shape, to the millisecond in UTC
     * ({@code 2026-11-30T14:05:09.120Z}): times from Java's clock have nanoseconds and times from
     * PostgreSQL microseconds, and a client parsing one format got the other.
     */
    @Bean
    JacksonModule instantsToTheMillisecond() {
        var format = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        return new SimpleModule("instants").addSerializer(Instant.class, new StdSerializer<Instant>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(format.format(value));
            }
        });
    }

    @Bean
    LocaleResolver localeResolver() {
        return new ViewerLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var languageChoice = new LocaleChangeInterceptor();
        languageChoice.setParamName("lang");
        languageChoice.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageChoice).addPathPatterns("/login", "/signup");
        registry.addInterceptor(storableInput);
        registry.addInterceptor(layoutModel);
    }
}
