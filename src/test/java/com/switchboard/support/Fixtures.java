package com.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds what a test needs through the public API, as a customer of Switchboard would: accounts,
 * teammates, customers and texts. Every name is unique, so tests never see each other's data.
 */
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger PHONES = new AtomicInteger();

    private final Api api;

    Fixtures(Api api) {
        this.api = api;
    }

    /** An account with its admin, signed up through the API. */
    public Team team() {
        return team("America/Toronto");
    }

    public Team team(String timeZone) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var response = api.post("/api/v1/signup", null, Map.of(
                "accountName", "Garage " + tag,
                "name", "Alice Roy",
                "email", "alice-" + tag + "@example.com",
                "password", PASSWORD,
                "timeZone", timeZone));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var json = response.json();
        return new Team(this, json.get("account").get("id").asString(), new Member(
                json.get("user").get("id").asString(), "Alice Roy", json.get("user").get("email").asString(),
                json.get("token").asString()));
    }

    /** A teammate added by the team's admin, with a token of their own. */
    public Member agent(Team team, String name) {
        return member(team, name, "AGENT", "en");
    }

    public Member member(Team team, String name, String role, String locale) {
        String email = name.toLowerCase().replaceAll("[^a-z]", ".") + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com";
        var created = api.post("/api/v1/users", team.admin().token(), Map.of(
                "name", name, "email", email, "password", PASSWORD, "role", role, "locale", locale));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var token = api.post("/api/v1/tokens", null, Map.of("email", email, "password", PASSWORD));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        return new Member(created.field("id"), name, email, token.field("token"));
    }

    /** A phone number no other test uses. */
    public static String newPhone() {
        int n = PHONES.incrementAndGet();
        // 555-01xx numbers are fictional; the exchange varies so thousands stay distinct.
        return String.format("+1514%03d%04d", 200 + (n / 100) % 700, 100 + n % 100);
    }

    /** A text from a customer's phone to the team's account, through the simulator channel. */
    public Api.Response text(Team team, String fromPhone, String body) {
        var response = api.post("/api/v1/simulator/inbound", team.admin().token(), Map.of("from", fromPhone, "body", body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    /** A customer texts in; returns the id of their conversation. */
    public String conversation(Team team) {
        return text(team, newPhone(), "Hello, is my car ready?").field("conversationId");
    }

    public record Member(String id, String name, String email, String token) {
    }

    public record Team(Fixtures fixtures, String accountId, Member admin) {
    }
}
