package com.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.SwitchboardTest;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is committed as {@code docs/openapi.json}: the build generates the Java
 * client of the scenario test from it, Redocly lints it in CI, and a change to the API shows in
 * review as a change to it. This test keeps it equal to what the server serves.
 */
@SwitchboardTest
class ApiDocumentSnapshotTests {

    static final Path COMMITTED = Path.of("docs/openapi.json");

    @Autowired
    Api api;

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        var served = api.get("/v3/api-docs", null);
        assertThat(served.status()).isEqualTo(200);
        var mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        String pretty = mapper.writeValueAsString(mapper.readTree(served.body())) + "\n";

        if (Boolean.getBoolean("switchboard.write-api-document")) {
            Files.writeString(COMMITTED, pretty);
        }
        assertThat(Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "")
                .as("docs/openapi.json is not the document the server serves. If the API change is meant, "
                        + "write it again with: ./mvnw test -Dtest=ApiDocumentSnapshotTests "
                        + "-Dswitchboard.write-api-document=true")
                .isEqualTo(pretty);
    }
}
