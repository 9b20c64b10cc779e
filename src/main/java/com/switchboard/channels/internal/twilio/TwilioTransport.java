package com.switchboard.channels.internal.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * How Twilio's library reaches Twilio: the library builds each request (URL, form fields, Basic
 * auth) and reads each answer; this only carries them, to {@code switchboard.twilio.api-url}
 * instead of {@code https://api.twilio.com}, which is what the library cannot do itself (tests
 * point it at a local stub; a Twilio-compatible provider can be used the same way).
 * <p>
 * It makes one attempt per call: retrying is the outbound queue's job, with its own backoff.
 */
class TwilioTransport extends com.twilio.http.HttpClient {

    private static final String TWILIO = "https://api.twilio.com";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TwilioTransport(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.constructURL().toString();
        URI target = URI.create(url.startsWith(TWILIO) ? baseUrl + url.substring(TWILIO.length()) : url);
        var builder = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", basic(request.getUsername(), request.getPassword()));
        if (request.getMethod() == HttpMethod.POST) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
        }
        else {
            builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.body(), response.statusCode());
        }
        catch (IOException e) {
            throw new ApiConnectionException("Could not reach the SMS provider: " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted while calling the SMS provider", e);
        }
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
