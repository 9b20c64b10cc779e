package com.switchboard.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The API documentation page ({@code /api/docs}): a page of Switchboard, in the user's language,
 * that says how to use the API and links to the OpenAPI document and to Swagger UI
 * ({@code /api/docs/explorer}). Swagger UI is a developer tool in English that Switchboard does not
 * draw: it gets a bar saying so, with the way back.
 */
@Controller
class ApiDocsPage {

    @GetMapping("/api/docs")
    String page() {
        return "api-docs";
    }

    /** Only where Swagger UI is on (a deployment may turn springdoc off). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = { "springdoc.api-docs.enabled", "springdoc.swagger-ui.enabled" }, havingValue = "true",
            matchIfMissing = true)
    static class SwaggerUiBar {

        @Bean
        SwaggerIndexTransformer swaggerIndexTransformer(SwaggerUiConfigProperties config,
                SwaggerUiOAuthProperties oauth, SwaggerWelcomeCommon welcome, ObjectMapperProvider mapper) {
            return new SwaggerIndexPageTransformer(config, oauth, welcome, mapper) {
                @Override
                public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                        throws IOException {
                    Resource transformed = super.transform(request, resource, chain);
                    if (!"swagger-initializer.js".equals(resource.getFilename())) {
                        return transformed;
                    }
                    String script = new String(transformed.getContentAsByteArray(), StandardCharsets.UTF_8) + BACK_BAR;
                    return new TransformedResource(resource, script.getBytes(StandardCharsets.UTF_8));
                }
            };
        }

    }

    // Added to Swagger UI's own start-up script (its page allows scripts from this server only).
    private static final String BACK_BAR = """

            window.addEventListener("load", function () {
                var bar = document.createElement("nav");
                bar.setAttribute("aria-label", "Switchboard");
                bar.style.cssText = "padding:.6rem 1rem;background:#1d2530;color:#fff;font:15px system-ui,sans-serif";
                var back = document.createElement("a");
                back.href = "/api/docs";
                back.textContent = "← Switchboard API documentation";
                back.style.cssText = "color:#fff;font-weight:600;margin-right:1rem";
                var note = document.createElement("span");
                note.textContent = "Swagger UI: a developer tool to try the API, in English.";
                bar.append(back, note);
                document.body.prepend(bar);
            });
            """;
}
