package com.switchboard.web.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

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
