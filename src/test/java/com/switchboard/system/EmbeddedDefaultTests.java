package com.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.SwitchboardApplication;

/**
 * The README's run command: with no database configured, Switchboard starts its own PostgreSQL
 * with its files in the data folder, loads the demo on the first start only, and keeps data
 * across restarts.
 */
class EmbeddedDefaultTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFirstStartLoadsTheDemoAndARestartKeepsEverything() throws Exception {
        Path dataDir = Path.of("target", "test-data", "embedded-" + UUID.randomUUID());
        String token;
        try (var app = start(dataDir)) {
            var jdbc = app.getBean(JdbcClient.class);
            assertThat(count(jdbc, "select count(*) from account where name = 'Demo Motors'")).isEqualTo(1);
            assertThat(count(jdbc, "select count(*) from app_user")).isEqualTo(5);
            assertThat(count(jdbc, "select count(*) from app_user where locale = 'fr'")).isEqualTo(3);
            assertThat(count(jdbc, "select count(*) from customer")).isEqualTo(31);
            assertThat(count(jdbc, "select count(*) from conversation where assignee_id is null")).isBetween(4L, 10L);
            assertThat(count(jdbc, "select count(*) from conversation where status = 'CLOSED'")).isBetween(4L, 10L);
            assertThat(count(jdbc, "select count(*) from message where kind = 'NOTE'")).isPositive();
            assertThat(count(jdbc, "select count(distinct created_at::date) from message")).isGreaterThan(5);
            // Teams (Service, Sales), a conversation waiting in Service's queue, and Marc away with Service covering (R17).
            assertThat(count(jdbc, "select count(*) from team")).isEqualTo(2);
            assertThat(count(jdbc, "select count(*) from conversation where team_id is not null and assignee_id is null"))
                    .isPositive();
            assertThat(count(jdbc, "select count(*) from away_period where delegate_team_id is not null and hand_back"))
                    .isEqualTo(1);
            // Emily's days off, within the calendar's two weeks back: handed over at the start, given back at
            // the end (R19, R20); and her next one planned (R22).
            assertThat(count(jdbc, """
                    select count(*) from away_reassignment r join away_period p on p.id = r.period_id
                    where p.start_at > now() - interval '14 days' and p.ended_at < now() - interval '4 days'
                      and r.how = 'HANDOVER' and r.outcome = 'GIVEN_BACK'
                    """)).isPositive();
            assertThat(count(jdbc, "select count(*) from away_period where start_on > current_date and ended_at is null"))
                    .isEqualTo(1);
            var login = post(app, "/api/v1/tokens",
                    "{\"email\":\"sophie@demo-motors.example\",\"password\":\"switchboard-demo\"}", null);
            assertThat(login.statusCode()).isEqualTo(201);
            token = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            var created = post(app, "/api/v1/customers", "{\"name\":\"Kept Across Restarts\",\"phone\":\"+14385550199\"}",
                    token);
            assertThat(created.statusCode()).isEqualTo(201);
        }

        try (var app = start(dataDir)) {
            var jdbc = app.getBean(JdbcClient.class);
            assertThat(count(jdbc, "select count(*) from account")).isEqualTo(1);
            assertThat(count(jdbc, "select count(*) from customer where name = 'Kept Across Restarts'")).isEqualTo(1);
            var me = http.send(HttpRequest.newBuilder(url(app, "/api/v1/me")).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(SwitchboardApplication.class)
                .properties("server.port=0", "switchboard.data-dir=" + dataDir, "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run();
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private HttpResponse<String> post(ConfigurableApplicationContext app, String path, String json, String token)
            throws Exception {
        var request = HttpRequest.newBuilder(url(app, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(ConfigurableApplicationContext app, String path) {
        return URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path);
    }
}
