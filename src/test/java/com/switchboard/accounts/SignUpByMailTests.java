package com.switchboard.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.MailServerTest;
import com.switchboard.support.WebSession;

import jakarta.mail.internet.MimeMessage;

/**
 * Where mail is configured (an SMTP server of the test's own here), sign-up confirms the address
 * by email before the account exists, and answers a known email exactly as a new one: its owner
 * is told by mail instead, in their own language.
 */
class SignUpByMailTests extends MailServerTest {

    private static final Pattern LINK = Pattern.compile("https://switchboard\\.example\\.com(/signup/confirm\\?token=[A-Za-z0-9_-]+)");
    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    Api api;

    @Test
    void theAccountExistsOnlyOnceTheLinkMailedToTheAddressIsFollowed() throws Exception {
        String email = "new-owner-" + UUID.randomUUID() + "@example.com";
        var browser = WebSession.anonymous(api);
        browser.refreshCsrf("/signup");

        var sent = browser.post("/signup", Map.of("accountName", "Mailed Motors", "name", "Nadia Roy", "email", email,
                "password", PASSWORD, "timeZone", "America/Toronto", "locale", "fr"));

        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location")).endsWith("/signup/sent");
        assertThat(browser.get("/signup/sent").body()).contains("Check your email");
        var mail = mailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Confirmez votre courriel pour créer votre compte Switchboard");
        assertThat(text(mail)).contains("Bonjour Nadia Roy", "Mailed Motors");
        // Nothing exists yet.
        assertThat(token(email).status()).isEqualTo(401);

        String link = link(mail);
        var page = browser.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Create my account");
        browser.refreshCsrf(link);
        var created = browser.post("/signup/confirm", Map.of("token", link.substring(link.indexOf('=') + 1)));
        assertThat(created.header("Location")).endsWith("/login?confirmed");
        assertThat(token(email).status()).isEqualTo(201);

        // A link works once.
        var again = browser.get(link);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).contains("This link no longer works");
    }

    @Test
    void aKnownEmailIsAnsweredAsANewOneAndItsOwnerIsToldByMail() throws Exception {
        String owner = "known-owner-" + UUID.randomUUID() + "@example.com";
        confirmedAccount(owner);

        var known = api.post("/api/v1/signup", null, signUp(owner));
        var fresh = api.post("/api/v1/signup", null, signUp("fresh-" + UUID.randomUUID() + "@example.com"));

        assertThat(known.status()).isEqualTo(202);
        assertThat(fresh.status()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(fresh.body()).isEqualTo("{\"status\":\"CONFIRMATION_SENT\"}");
        var told = mailTo(owner);
        assertThat(told.getSubject()).isEqualTo("Someone tried to sign up to Switchboard with your email");
        assertThat(text(told)).contains("Hello Owner", "Copycat Motors", "nothing was created",
                "https://switchboard.example.com/login").doesNotContain("token=");
    }

    private void confirmedAccount(String email) throws Exception {
        assertThat(api.post("/api/v1/signup", null, Map.of("accountName", "Owned Motors", "name", "Owner", "email", email,
                "password", PASSWORD, "timeZone", "America/Toronto", "locale", "en")).status()).isEqualTo(202);
        var browser = WebSession.anonymous(api);
        String link = link(mailTo(email));
        browser.refreshCsrf(link);
        browser.post("/signup/confirm", Map.of("token", link.substring(link.indexOf('=') + 1)));
        assertThat(token(email).status()).isEqualTo(201);
    }

    private Map<String, Object> signUp(String email) {
        return Map.of("accountName", "Copycat Motors", "name", "Someone Else", "email", email, "password", PASSWORD,
                "timeZone", "America/Toronto", "locale", "en");
    }

    private Api.Response token(String email) {
        return api.post("/api/v1/tokens", null, Map.of("email", email, "password", PASSWORD));
    }

    /** The newest mail to that address. */
    private static MimeMessage mailTo(String address) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<MimeMessage> to = new java.util.ArrayList<>();
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(address)) {
                    to.add(message);
                }
            }
            return to.isEmpty() ? null : to.get(to.size() - 1);
        }, message -> message != null);
    }

    private static String link(MimeMessage mail) throws Exception {
        var found = LINK.matcher(text(mail));
        assertThat(found.find()).as("a confirmation link in: %s", text(mail)).isTrue();
        return found.group(1);
    }

    /** The mail's text as its reader sees it (decoded from its transfer encoding). */
    private static String text(MimeMessage mail) throws Exception {
        return (String) mail.getContent();
    }
}
