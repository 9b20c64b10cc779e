package com.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.SwitchboardTest;

@SwitchboardTest
class ApiDocumentationTests {

    @Autowired
    Api api;

    @Test
    void theServerPublishesAnOpenApiDescriptionOfTheWholeApi() {
        var docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/signup", "/api/v1/tokens", "/api/v1/me",
                "/api/v1/users", "/api/v1/users/{id}", "/api/v1/customers", "/api/v1/customers/{id}",
                "/api/v1/conversations", "/api/v1/conversations/{id}", "/api/v1/conversations/{id}/messages",
                "/api/v1/conversations/{id}/events", "/api/v1/conversations/{id}/assignee",
                "/api/v1/conversations/{id}/close", "/api/v1/conversations/{id}/reopen",
                "/api/v1/simulator/inbound");
        assertThat(docs.json().get("components").get("securitySchemes").has("bearer")).isTrue();
    }
}
