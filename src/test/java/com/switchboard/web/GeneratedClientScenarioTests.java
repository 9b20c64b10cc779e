package com.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.client.ApiClient;
import com.switchboard.client.ApiException;
import com.switchboard.client.api.AuthenticationApi;
import com.switchboard.client.api.AwayStatusApi;
import com.switchboard.client.api.ConversationsApi;
import com.switchboard.client.api.CustomerPhoneSimulatorApi;
import com.switchboard.client.api.CustomersApi;
import com.switchboard.client.api.UsersApi;
import com.switchboard.client.model.AwayRequest;
import com.switchboard.client.model.Conversation;
import com.switchboard.client.model.CreateCustomerRequest;
import com.switchboard.client.model.CreateUserRequest;
import com.switchboard.client.model.InboundRequest;
import com.switchboard.client.model.Message;
import com.switchboard.client.model.SendRequest;
import com.switchboard.client.model.TokenRequest;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;

/**
 * An integrator's first day, through a Java client that openapi-generator made from the
 * published document (the build generates it from docs/openapi.json): nothing here knows
 * Switchboard's JSON but what the document says.
 */
@SwitchboardTest
class GeneratedClientScenarioTests {

    private static final Pattern NEXT_PAGE = Pattern.compile("<([^>]*)>;\\s*rel=\"next\"");

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    // Dates are the application's: other tests move its clock forward.
    @Autowired
    TestClock clock;

    @Test
    void aGeneratedJavaClientRunsTheWholeScenario() throws Exception {
        var team = fixtures.team();

        // Logging in, with a token left over from an earlier session still attached.
        var stale = client("not-a-token-anymore");
        var issued = new AuthenticationApi(stale).createToken(new TokenRequest()
                .email(team.admin().email()).password(Fixtures.PASSWORD).name("Dealer system"));
        assertThat(issued.getName()).isEqualTo("Dealer system");
        var client = client(issued.getToken());
        var me = new UsersApi(client).getMe();
        assertThat(me.getId()).isEqualTo(UUID.fromString(team.admin().id()));

        // Customers: created and read back, accents and all; a duplicate phone is told apart by code.
        var customers = new CustomersApi(client);
        List<UUID> conversationIds = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String phone = Fixtures.newPhone();
            var customer = customers.createCustomer(new CreateCustomerRequest().name("Émilie Côté " + i).phone(phone));
            assertThat(customers.getCustomer(customer.getId()).getName()).isEqualTo("Émilie Côté " + i);
            assertThat(customer.getCreatedAt()).isNotNull();
            var inbound = new CustomerPhoneSimulatorApi(client).simulateInboundText(new InboundRequest()
                    .from(phone).body("Bonjour, ma voiture est-elle prête?"));
            conversationIds.add(inbound.getConversationId());
            if (i == 1) {
                assertThatThrownBy(() -> customers.createCustomer(new CreateCustomerRequest().name("Émilie").phone(phone)))
                        .isInstanceOfSatisfying(ApiException.class, refused -> {
                            assertThat(refused.getCode()).isEqualTo(409);
                            assertThat(refused.getResponseBody()).contains("\"code\":\"customer.phone-taken\"");
                        });
            }
        }
        assertThat(customers.searchCustomers("Côté")).hasSize(3);

        // Conversations, paged two at a time, by an accented search with a space in it.
        var conversations = new ConversationsApi(client);
        var first = conversations.listConversationsWithHttpInfo(null, null, null, null, "Émilie Côté", 1, 2);
        assertThat(first.getData()).hasSize(2);
        String link = first.getHeaders().get("link").get(0);
        var matcher = NEXT_PAGE.matcher(link);
        assertThat(matcher.find()).as(link).isTrue();
        var next = URI.create(matcher.group(1));
        assertThat(next.getQuery()).contains("query=Émilie Côté").contains("page=2");
        var second = conversations.listConversations(null, null, null, null, "Émilie Côté", 2, 2);
        assertThat(second).hasSize(1);
        // Following the link itself gives the same page.
        var followed = api.get(next.getRawPath() + "?" + next.getRawQuery(), issued.getToken());
        assertThat(followed.json().get(0).get("id").asString()).isEqualTo(second.get(0).getId().toString());
        assertThat(second.stream().map(Conversation::getId).toList())
                .doesNotContainAnyElementsOf(first.getData().stream().map(Conversation::getId).toList());

        // A reply.
        Message reply = conversations.sendMessage(conversationIds.get(0), new SendRequest().body("Oui, dès 16 h."));
        assertThat(reply.getKind()).isEqualTo(Message.KindEnum.OUTBOUND);
        assertThat(reply.getDeliveryStatus()).isNotNull();

        // Away with a delegate and a return date; the status and the history read back.
        var users = new UsersApi(client);
        var delegate = users.createUser(new CreateUserRequest().name("Marc Roy")
                .email("marc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
                .password(Fixtures.PASSWORD));
        var away = new AwayStatusApi(client);
        LocalDate back = LocalDate.now(clock).plusDays(7);
        away.setAwayStatus(me.getId(), new AwayRequest().away(true).delegateId(delegate.getId()).returnOn(back)
                .message("De retour lundi"));
        var status = away.getAwayStatus(me.getId());
        assertThat(status.getAway()).isTrue();
        assertThat(status.getDelegateId()).isEqualTo(delegate.getId());
        assertThat(status.getReturnOn()).isEqualTo(back);
        var history = away.listAwayPeriods(me.getId());
        assertThat(history).hasSize(1);
        assertThat(history.get(0).getEndedAt()).isNull();

        // The stream's first event, read with a timeout, through the client's own HTTP client.
        assertThat(firstStreamEvent(client, issued.getToken())).contains("event:");
    }

    private ApiClient client(String token) {
        var client = new ApiClient();
        client.updateBaseUri(api.baseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** Reads the stream from its beginning (since=0) until the first event, or fails after 30 s. */
    private static String firstStreamEvent(ApiClient client, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + "/api/v1/stream?since=0"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        var response = client.getHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            return CompletableFuture.supplyAsync(() -> {
                var event = new StringBuilder();
                try {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (line.isEmpty() && event.indexOf("event:") >= 0) {
                            return event.toString();
                        }
                        event.append(line).append('\n');
                    }
                }
                catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return event.toString();
            }).get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
