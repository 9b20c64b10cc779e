package com.switchboard.web.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final LayoutModel layoutModel;

    WebConfiguration(LayoutModel layoutModel) {
        this.layoutModel = layoutModel;
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
        registry.addInterceptor(layoutModel);
    }
}
