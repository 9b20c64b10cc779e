package com.switchboard.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.switchboard.system.Deployment;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Mail to teammates, sent after the change that caused it commits: a row is written in that
 * change's transaction, and a job (one node at a time) sends what is due, trying again with a
 * growing wait while the mail server is down. Only where mail is configured ({@code spring.mail.host}).
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final int BATCH = 20;

    private final ObjectProvider<JavaMailSender> sender;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String from;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    MailOutbox(ObjectProvider<JavaMailSender> sender, JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
            Deployment deployment, @Value("${switchboard.mail.from:}") String from,
            @Value("${switchboard.mail.retry.first-backoff:30s}") Duration firstBackoff,
            @Value("${switchboard.mail.retry.max-backoff:1h}") Duration maxBackoff) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.from = from.isBlank() ? "Switchboard <no-reply@" + deployment.publicUrl().getHost() + ">" : from;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** Writes a mail to send once the current transaction commits. */
    void enqueue(UUID accountId, String to, String subject, String text, String html) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into mail_outbox (id, account_id, to_address, subject, text_body, html_body, created_at,
                                         next_attempt_at)
                values (:id, :accountId, :to, :subject, :text, :html, :now, :now)
                """)
                .param("id", UUID.randomUUID())
                .param("accountId", accountId)
                .param("to", to)
                .param("subject", subject)
                .param("text", text)
                .param("html", html)
                .param("now", Timestamp.from(now))
                .update();
    }

    @Scheduled(fixedDelayString = "${switchboard.mail.poll-interval:5s}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "5m")
    void sendDue() {
        var mailer = sender.getIfAvailable();
        if (mailer == null) {
            return;
        }
        List<Due> due = jdbc.sql("""
                select id, to_address, subject, text_body, html_body, attempts from mail_outbox
                where sent_at is null and next_attempt_at <= :now order by created_at limit :batch
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("batch", BATCH)
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("to_address"),
                        rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                        rs.getInt("attempts")))
                .list();
        for (Due mail : due) {
            try {
                var message = mailer.createMimeMessage();
                var helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(from);
                helper.setTo(mail.to());
                helper.setSubject(mail.subject());
                helper.setText(mail.text(), mail.html());
                mailer.send(message);
                transaction.executeWithoutResult(status -> jdbc.sql(
                        "update mail_outbox set sent_at = :now, attempts = attempts + 1 where id = :id")
                        .param("now", Timestamp.from(clock.instant())).param("id", mail.id()).update());
            }
            catch (Exception failed) {
                // The mail server is away, most likely: the mail waits, longer each time.
                Duration wait = backoff(mail.attempts());
                log.warn("Mail {} not sent ({}); trying again in {}", mail.id(), failed.getMessage(), wait);
                transaction.executeWithoutResult(status -> jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                        where id = :id
                        """)
                        .param("next", Timestamp.from(clock.instant().plus(wait)))
                        .param("error", String.valueOf(failed.getMessage()))
                        .param("id", mail.id())
                        .update());
            }
        }
    }

    private Duration backoff(int attempts) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempts, 16));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private record Due(UUID id, String to, String subject, String text, String html, int attempts) {
    }
}
