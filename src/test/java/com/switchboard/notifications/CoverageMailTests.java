package com.switchboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.SignUp;
import com.switchboard.support.Api;
import com.switchboard.support.MailServerTest;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * R21 by email, against a real SMTP server (GreenMail): the delegate is told in their language,
 * in plain text and HTML with a link to the conversations, after the change commits; a mail
 * written while the mail server is down is sent once it is back.
 */
class CoverageMailTests extends MailServerTest {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    Api api;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private record Person(String id, String email, String token) {
    }

    /** An account made through the service (sign-up by API mails a link here), and a teammate of it. */
    private Person[] adminAndDelegate(String delegateLocale) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "boss-" + tag + "@example.com";
        accounts.signUp(new SignUp("Garage " + tag, "Bob Tremblay", adminEmail, PASSWORD, "America/Toronto", "en"));
        String adminToken = api.post("/api/v1/tokens", null, Map.of("email", adminEmail, "password", PASSWORD))
                .field("token");
        String delegateEmail = "claire-" + tag + "@example.com";
        var delegate = api.post("/api/v1/users", adminToken, Map.of("name", "Claire Dubé", "email", delegateEmail,
                "password", PASSWORD, "role", "AGENT", "locale", delegateLocale));
        assertThat(delegate.status()).as(delegate.body()).isEqualTo(201);
        String bobId = api.get("/api/v1/me", adminToken).field("id");
        return new Person[] { new Person(bobId, adminEmail, adminToken),
                new Person(delegate.field("id"), delegateEmail, null) };
    }

    @Test
    void R21_theDelegateIsToldByMailInTheirLanguageInTextAndHtmlWithALinkToTheConversations() throws Exception {
        var people = adminAndDelegate("fr");
        var bob = people[0];
        var claire = people[1];
        var back = LocalDate.of(2027, 12, 10);

        api.put("/api/v1/users/" + bob.id() + "/away", bob.token(),
                Map.of("away", true, "delegateId", claire.id(), "returnOn", back.toString()));

        var mail = mailTo(claire.email(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Vous remplacez Bob Tremblay");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("Bob Tremblay est en mode absence : vous assurez son remplacement jusqu’au "
                + "vendredi 10 décembre 2027", "https://switchboard.example.com/");
        assertThat(html).contains("<a href=\"https://switchboard.example.com/\">Ouvrir les conversations</a>");

        api.put("/api/v1/users/" + bob.id() + "/away", bob.token(), Map.of("away", false));
        assertThat(mailTo(claire.email(), 2).get(1).getSubject()).isEqualTo("Bob Tremblay est de retour");
    }

    @Test
    void R21_aMailWrittenWhileTheMailServerIsDownIsSentOnceItIsBack() throws Exception {
        var people = adminAndDelegate("en");
        var bob = people[0];
        var claire = people[1];
        stopMailServer();
        try {
            api.put("/api/v1/users/" + bob.id() + "/away", bob.token(),
                    Map.of("away", true, "delegateId", claire.id()));
            // Accepted at once; the mail waits, and is tried again.
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                    select coalesce(max(attempts), 0) from mail_outbox where to_address = :to and sent_at is null
                    """).param("to", claire.email()).query(Integer.class).single() >= 2);
        }
        finally {
            restartMailServer();
        }
        var mail = mailTo(claire.email(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("You are covering for Bob Tremblay");
        // The outbox writes the mail down as sent once the server took it: wait for that, then once only.
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from mail_outbox where to_address = :to and sent_at is not null")
                .param("to", claire.email()).query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where to_address = :to")
                .param("to", claire.email()).query(Integer.class).single()).isEqualTo(1);
        assertThat(mailTo(claire.email(), 1)).hasSize(1);
    }

    /** The body of the mail's part of that type, wherever it sits in the mail's parts. */
    private static String part(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The mails to that address, once there are at least {@code count}, oldest first. */
    private static List<MimeMessage> mailTo(String address, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var to = new ArrayList<MimeMessage>();
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(address)) {
                    to.add(message);
                }
            }
            return to;
        }, to -> to.size() >= count);
    }
}
