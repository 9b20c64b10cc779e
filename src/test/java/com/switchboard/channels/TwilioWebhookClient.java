package com.switchboard.channels;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Twilio calling Switchboard's webhooks: form-encoded requests signed as Twilio documents
 * it (HMAC-SHA1, keyed with the auth token, over the full URL followed by every POST field's name
 * and value, sorted by name; base64). Written from Twilio's description, not with its library,
 * so that the server's check is tested against an independent implementation.
 */
final class TwilioWebhookClient {

    static final String PUBLIC_URL = "https://switchboard.example.com";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String serverUrl;

    TwilioWebhookClient(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    static String sign(String authToken, String url, Map<String, String> fields) {
        var data = new StringBuilder(url);
        new TreeMap<>(fields).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the fields to the path, signed with the token over the public URL; signature null sends none. */
    HttpResponse<String> post(String path, Map<String, String> fields, String signature) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(serverUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> postSigned(String path, Map<String, String> fields, String authToken) {
        return post(path, fields, sign(authToken, PUBLIC_URL + path, fields));
    }
}
