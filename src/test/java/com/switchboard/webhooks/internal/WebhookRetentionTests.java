package com.switchboard.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;

/** The delivery logs keep what was delivered for the retention, and what waits until it is sent. */
@SwitchboardTest
class WebhookRetentionTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookRetentionJob job;

    @Test
    void deliveriesDeliveredLongerAgoThanTheRetentionAreForgottenAndWhatWaitsIsKept() {
        var team = fixtures.team();
        String token = team.admin().token();
        // Nothing listens there, and the endpoint is off: its deliveries wait.
        String id = api.post("/api/v1/webhooks", token, Map.of("url", "http://127.0.0.1:9/nobody",
                "eventTypes", List.of("message.created"), "enabled", false)).field("id");
        fixtures.conversation(team);
        fixtures.conversation(team);
        fixtures.conversation(team);
        var ids = jdbc.sql("select id::text from webhook_delivery where endpoint_id = :id::uuid order by seq")
                .param("id", id).query(String.class).list();
        assertThat(ids).hasSize(3);
        // The first was delivered 31 days ago, the second yesterday; the third still waits, 31 days old.
        age(ids.get(0), "31 days", true);
        age(ids.get(1), "1 day", true);
        age(ids.get(2), "31 days", false);

        job.prune();

        assertThat(jdbc.sql("select id::text from webhook_delivery where endpoint_id = :id::uuid order by seq")
                .param("id", id).query(String.class).list()).containsExactly(ids.get(1), ids.get(2));
        assertThat(jdbc.sql("select count(*) from webhook_event where account_id = :id::uuid")
                .param("id", team.accountId()).query(Long.class).single()).isEqualTo(2);
    }

    private void age(String deliveryId, String age, boolean delivered) {
        jdbc.sql("""
                update webhook_delivery set state = case when :delivered then 'DELIVERED' else state end,
                       delivered_at = case when :delivered then now() - cast(:age as interval) end
                where id = :id::uuid
                """).param("delivered", delivered).param("age", age).param("id", deliveryId).update();
        jdbc.sql("""
                update webhook_event set created_at = now() - cast(:age as interval)
                where id = (select event_id from webhook_delivery where id = :id::uuid)
                """).param("age", age).param("id", deliveryId).update();
    }
}
