package com.switchboard.web.internal;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.User;
import com.switchboard.system.Deployment;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/** The OpenAPI description the server publishes at {@code /v3/api-docs} (Swagger UI at {@code /api/docs}). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static {
        // Who calls is resolved from the token (ActorArgumentResolver), never sent as a parameter:
        // without this, every operation published a required "actor" or "me" query parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class, User.class);
    }

    // The server is the public address (switchboard.public-url), not the one a request came in by:
    // behind the TLS proxy that is https, whatever the last hop was.
    @Bean
    OpenAPI switchboardApi(Deployment deployment) {
        String publicUrl = deployment.publicUrl().toString().replaceAll("/$", "");
        return new OpenAPI()
                .servers(List.of(new Server().url(publicUrl).description("This Switchboard")))
                .info(new Info().title("Switchboard API").version("1")
                        .description("A team inbox for customer text messaging. Authenticate with "
                                + "`Authorization: Bearer <token>`; get a token from POST /api/v1/tokens. Errors are "
                                + "application/problem+json (RFC 9457)."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
