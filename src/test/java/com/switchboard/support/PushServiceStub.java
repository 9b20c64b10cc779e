package com.switchboard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A push service on localhost, with browsers of its own: each {@link Browser} has the key pair and
 * auth secret a real browser makes when it subscribes, and decrypts what it receives as a browser
 * does (RFC 8291, aes128gcm content coding of RFC 8188), after checking the server's VAPID
 * signature (RFC 8292). A browser can be told it unsubscribed: the service then answers 410 Gone.
 */
public final class PushServiceStub implements AutoCloseable {

    private final HttpServer server;
    private final List<Browser> browsers = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    public PushServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/push/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/push/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            var browser = browsers.stream().filter(b -> b.id.equals(id)).findFirst().orElse(null);
            int status = browser == null || browser.gone ? 410 : 201;
            if (browser != null && !browser.gone) {
                browser.received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Encoding"),
                        exchange.getRequestHeaders().getFirst("TTL"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** A new browser that subscribes with this push service. */
    public Browser browser() {
        var browser = new Browser(String.valueOf(ids.incrementAndGet()),
                "http://localhost:" + server.getAddress().getPort() + "/push/");
        browsers.add(browser);
        return browser;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** What a push message arrived as. */
    public record Received(String authorization, String contentEncoding, String ttl, byte[] body) {
    }

    public static final class Browser {

        private final String id;
        private final String endpoint;
        private final KeyPair keys;
        private final byte[] auth = new byte[16];
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private volatile boolean gone;

        private Browser(String id, String base) {
            this.id = id;
            this.endpoint = base + id;
            try {
                var generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                this.keys = generator.generateKeyPair();
            }
            catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            new SecureRandom().nextBytes(auth);
        }

        /** The subscription as the browser's PushSubscription.toJSON() writes it. */
        public String subscriptionJson() {
            return "{\"endpoint\":\"" + endpoint + "\",\"keys\":{\"p256dh\":\"" + base64(uncompressed((ECPublicKey) keys.getPublic()))
                    + "\",\"auth\":\"" + base64(auth) + "\"}}";
        }

        public String endpoint() {
            return endpoint;
        }

        /** From now on the push service answers 410 Gone: the user unsubscribed in this browser. */
        public void unsubscribe() {
            gone = true;
        }

        public List<Received> received() {
            return received;
        }

        /** The message's text, decrypted as this browser would, after checking who sent it. */
        public String decrypt(Received message) {
            try {
                verifyVapid(message.authorization());
                ByteBuffer body = ByteBuffer.wrap(message.body());
                byte[] salt = new byte[16];
                body.get(salt);
                body.getInt(); // record size
                byte[] serverKey = new byte[body.get() & 0xff];
                body.get(serverKey);
                byte[] cipherText = new byte[body.remaining()];
                body.get(cipherText);

                var agreement = KeyAgreement.getInstance("ECDH");
                agreement.init(keys.getPrivate());
                agreement.doPhase(publicKey(serverKey), true);
                byte[] ecdhSecret = agreement.generateSecret();
                byte[] uaPublic = uncompressed((ECPublicKey) keys.getPublic());
                byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, serverKey);
                byte[] ikm = expand(hmac(auth, ecdhSecret), keyInfo, 32);
                byte[] prk = hmac(salt, ikm);
                byte[] contentKey = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
                byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
                var cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
                byte[] padded = cipher.doFinal(cipherText);
                int end = padded.length - 1;
                while (padded[end] == 0) {
                    end--;
                }
                if (padded[end] != 2) {
                    throw new IllegalStateException("Not the last record of an aes128gcm message");
                }
                return new String(padded, 0, end, StandardCharsets.UTF_8);
            }
            catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("The push message cannot be decrypted", e);
            }
        }

        /** "vapid t=<JWT>, k=<public key>": a JWT for this push service's origin, signed by the key given. */
        private void verifyVapid(String authorization) throws java.security.GeneralSecurityException {
            var parts = Map.of("t", part(authorization, "t="), "k", part(authorization, "k="));
            String[] jwt = parts.get("t").split("\\.");
            var verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey(Base64.getUrlDecoder().decode(parts.get("k"))));
            verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
                throw new IllegalStateException("The VAPID signature does not match its key");
            }
            String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
            String origin = endpoint.substring(0, endpoint.indexOf("/push/"));
            if (!claims.contains("\"aud\":\"" + origin + "\"")) {
                throw new IllegalStateException("The VAPID token is for another push service: " + claims);
            }
        }

        private static String part(String authorization, String name) {
            for (String piece : authorization.substring("vapid ".length()).split(",")) {
                if (piece.strip().startsWith(name)) {
                    return piece.strip().substring(name.length());
                }
            }
            throw new IllegalStateException("No " + name + " in " + authorization);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws java.security.GeneralSecurityException {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** HKDF-Expand for one block, which is all these lengths need. */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws java.security.GeneralSecurityException {
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] { 1 })), length);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        var all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    private static byte[] uncompressed(ECPublicKey key) {
        byte[] x = unsigned(key.getW().getAffineX());
        byte[] y = unsigned(key.getW().getAffineY());
        return concat(new byte[] { 4 }, x, y);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }

    private static ECPublicKey publicKey(byte[] uncompressed) throws java.security.GeneralSecurityException {
        var parameters = java.security.AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        var spec = parameters.getParameterSpec(java.security.spec.ECParameterSpec.class);
        var point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
