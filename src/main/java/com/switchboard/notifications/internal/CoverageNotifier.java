package com.switchboard.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.CoverageChanged;
import com.switchboard.notifications.Notification;
import com.switchboard.notifications.NotificationCreated;
import com.switchboard.system.Deployment;
import com.switchboard.teams.Team;
import com.switchboard.teams.Teams;

/**
 * R21, in the app: the delegate of an away teammate (or each member of the delegate team, the
 * away teammate aside) is told when they start covering, with until when, and when they stop,
 * in the transaction that changed the away status.
 */
@Component
class CoverageNotifier {

    private final JdbcClient jdbc;
    private final Teams teams;
    private final Users users;
    private final MailOutbox mail;
    private final MessageSource messages;
    private final Deployment deployment;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CoverageNotifier(JdbcClient jdbc, Teams teams, Users users, MailOutbox mail, MessageSource messages,
            Deployment deployment, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.users = users;
        this.mail = mail;
        this.messages = messages;
        this.deployment = deployment;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(CoverageChanged coverage) {
        var kind = coverage.starts() ? Notification.Kind.COVERING_STARTED : Notification.Kind.COVERING_ENDED;
        // The return, as the notice shows it: a day (2026-12-10) or a moment (2026-12-10T14:00:00Z).
        String back = coverage.returnOn() != null ? coverage.returnOn().toString()
                : coverage.returnAt() != null ? coverage.returnAt().toString() : null;
        for (UUID recipient : recipients(coverage)) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into notification (id, account_id, user_id, kind, from_user_id, subject_id, detail, created_at)
                    values (:id, :accountId, :userId, :kind, :awayUserId, :teamId, :back, :now)
                    """)
                    .param("id", id)
                    .param("accountId", coverage.accountId())
                    .param("userId", recipient)
                    .param("kind", kind.name())
                    .param("awayUserId", coverage.awayUserId())
                    .param("teamId", coverage.delegateTeamId())
                    .param("back", back)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            events.publishEvent(new NotificationCreated(coverage.accountId(), recipient, id));
            if (mail.configured()) {
                users.find(coverage.accountId(), recipient).filter(User::active)
                        .ifPresent(user -> mailTo(user, coverage));
            }
        }
    }

    /** The same news by email, in the recipient's language, with a link to the conversation list. */
    private void mailTo(User recipient, CoverageChanged coverage) {
        Locale locale = recipient.locale();
        String away = users.find(coverage.accountId(), coverage.awayUserId()).map(User::name).orElse("?");
        String team = coverage.delegateTeamId() == null ? null
                : teams.find(coverage.accountId(), coverage.delegateTeamId()).map(Team::name).orElse(null);
        String until = until(coverage, recipient);
        String line;
        if (!coverage.starts()) {
            line = text("mail.covering.ended", locale, away);
        }
        else if (team != null) {
            line = until == null ? text("mail.covering.team", locale, away, team)
                    : text("mail.covering.team.until", locale, away, team, until);
        }
        else {
            line = until == null ? text("mail.covering", locale, away) : text("mail.covering.until", locale, away, until);
        }
        String subject = coverage.starts() ? text("mail.covering.subject", locale, away)
                : text("mail.covering.ended.subject", locale, away);
        String link = deployment.publicUrl().toString().replaceAll("/$", "") + "/";
        String open = text("mail.covering.open", locale);
        String body = line + "\n\n" + open + ": " + link + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><body><p>" + HtmlUtils.htmlEscape(line)
                + "</p><p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(open)
                + "</a></p></body></html>";
        mail.enqueue(coverage.accountId(), recipient.email(), subject, body, html);
    }

    // The day they are back, as the recipient says it; or the moment, in the recipient's time zone.
    private static String until(CoverageChanged coverage, User recipient) {
        var locale = recipient.locale();
        if (coverage.returnOn() != null) {
            return coverage.returnOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale));
        }
        if (coverage.returnAt() != null) {
            return coverage.returnAt().atZone(recipient.timeZone())
                    .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale));
        }
        return null;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private List<UUID> recipients(CoverageChanged coverage) {
        if (coverage.delegateId() != null) {
            return List.of(coverage.delegateId());
        }
        var members = new ArrayList<UUID>();
        teams.find(coverage.accountId(), coverage.delegateTeamId()).ifPresent(team -> team.memberIds().stream()
                .filter(member -> !member.equals(coverage.awayUserId()))
                .forEach(members::add));
        return members;
    }
}
