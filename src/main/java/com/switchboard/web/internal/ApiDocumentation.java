package com.switchboard.web.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description the server publishes at {@code /v3/api-docs} (Swagger UI at {@code /api/docs}). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI switchboardApi() {
        return new OpenAPI()
                .info(new Info().title("Switchboard API").version("1")
                        .description("A team inbox for customer text messaging. Authenticate with "
                                + "`Authorization: Bearer <token>`; get a token from POST /api/v1/tokens. Errors are "
                                + "application/problem+json (RFC 9457)."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
