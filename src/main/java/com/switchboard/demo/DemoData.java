package com.switchboard.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.Actor;
import com.switchboard.accounts.NewUser;
import com.switchboard.accounts.SignUp;
import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.AwayChange;
import com.switchboard.away.AwayPlan;
import com.switchboard.away.AwayPlans;
import com.switchboard.away.AwayStatuses;
import com.switchboard.channels.StartTeams;
import com.switchboard.conversations.AssigneeFilter;
import com.switchboard.conversations.ConversationStatus;
import com.switchboard.conversations.Conversations;
import com.switchboard.conversations.InboundMessages;
import com.switchboard.conversations.MessageKind;
import com.switchboard.customers.Customers;
import com.switchboard.system.Deployment;
import com.switchboard.teams.Teams;

/**
 * Loads the demo account "Demo Motors" into an empty database, through the same services a user
 * goes through, then spreads its messages over the past weeks. Prints the demo logins.
 * <p>
 * It loads once every bean exists and before the web server opens its port, so that nobody, not
 * the login page nor the readiness probe, answers before the demo can be used.
 */
@Component
public class DemoData implements SmartInitializingSingleton {

    static final String PASSWORD = "switchboard-demo";
    static final ZoneId ZONE = ZoneId.of("America/Toronto");
    // Emily's few days off began this many days ago: within the team calendar's two weeks back, and
    // between her customers' conversations of the script, so that none of them falls in it.
    private static final int PAST_LEAVE_DAYS_AGO = 8;
    private static final int PAST_LEAVE_DAYS = 3;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record Teammate(String key, String name, String email, String role, String locale) {
    }

    private static final List<Teammate> TEAM = List.of(
            new Teammate("sophie", "Sophie Gagnon", "sophie@demo-motors.example", "ADMIN", "fr"),
            new Teammate("marc", "Marc Tremblay", "marc@demo-motors.example", "AGENT", "fr"),
            new Teammate("emily", "Emily Clarke", "emily@demo-motors.example", "AGENT", "en"),
            new Teammate("daniel", "Daniel Roy", "daniel@demo-motors.example", "AGENT", "en"),
            new Teammate("isabelle", "Isabelle Côté", "isabelle@demo-motors.example", "AGENT", "fr"));

    private final Deployment deployment;
    private final Accounts accounts;
    private final Users users;
    private final Customers customers;
    private final Conversations conversations;
    private final InboundMessages inbound;
    private final AwayStatuses away;
    private final AwayPlans plans;
    private final Teams teams;
    private final StartTeams startTeams;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoData(Deployment deployment, Accounts accounts, Users users, Customers customers, Conversations conversations,
            InboundMessages inbound, AwayStatuses away, AwayPlans plans, Teams teams, StartTeams startTeams,
            JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.teams = teams;
        this.startTeams = startTeams;
        this.deployment = deployment;
        this.accounts = accounts;
        this.users = users;
        this.customers = customers;
        this.conversations = conversations;
        this.inbound = inbound;
        this.away = away;
        this.plans = plans;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (deployment.demoData() && !accounts.anyExists()) {
            long started = System.nanoTime();
            load();
            log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void printLogins() {
        if (!deployment.demoData()) {
            return;
        }
        var lines = new StringBuilder("\n\n  Switchboard demo: ").append(deployment.publicUrl()).append("\n");
        for (var mate : TEAM) {
            lines.append(String.format("    %-30s %-6s %s%n", mate.email(), mate.role().toLowerCase(), mate.name()));
        }
        lines.append("  Password for all: ").append(PASSWORD).append(" (unless changed since)\n");
        log.info(lines.toString());
    }

    /** Creates the demo account, all of it or nothing; returns its admin. */
    public User load() {
        return transaction.execute(status -> loadInTransaction());
    }

    private User loadInTransaction() {
        var admin = TEAM.get(0);
        var signedUp = accounts.signUp(new SignUp("Demo Motors", admin.name(), admin.email(), PASSWORD, ZONE.getId(),
                admin.locale()));
        Actor boss = signedUp.admin().actor();
        Map<String, Actor> team = new LinkedHashMap<>();
        team.put(admin.key(), boss);
        for (var mate : TEAM.subList(1, TEAM.size())) {
            team.put(mate.key(), users.create(boss, new NewUser(mate.name(), mate.email(), PASSWORD, mate.role(),
                    ZONE.getId(), mate.locale())).actor());
        }
        var script = DemoScript.read(new ClassPathResource("demo/demo-motors.txt"));
        // The past away period first, while Emily has no other conversation to hand over.
        var stamps = new ArrayList<Stamp>(playAPastAwayPeriod(boss, team));
        for (var thread : script.threads()) {
            stamps.addAll(play(thread, boss, team));
        }
        spreadOverTime(signedUp.account().id(), stamps);
        datePastAwayPeriods(signedUp.account().id());
        showTheAwayStatus(team);
        showTheTeams(boss, team);
        planAnAwayPeriod(team);
        // The demo is set up already: no first steps to show.
        accounts.dismissFirstSteps(boss);
        return signedUp.admin();
    }

    private record Stamp(UUID messageId, Instant at) {
    }

    private List<Stamp> play(DemoScript.Thread thread, Actor boss, Map<String, Actor> team) {
        var customer = customers.create(boss, thread.customerName(), thread.phone(), null);
        UUID conversationId = conversations.forCustomer(boss, customer.id()).id();
        var times = times(thread);
        var stamps = new ArrayList<Stamp>();
        boolean assigned = false;
        for (int i = 0; i < thread.lines().size(); i++) {
            var line = thread.lines().get(i);
            UUID messageId = switch (line.kind()) {
                case INBOUND -> inbound.receive(boss.accountId(), customer.phone(), line.text()).message().id();
                case OUTBOUND -> conversations.send(team.get(line.author()), conversationId, line.text(),
                        MessageKind.OUTBOUND).id();
                case NOTE -> conversations.send(team.get(line.author()), conversationId, line.text(),
                        MessageKind.NOTE).id();
            };
            stamps.add(new Stamp(messageId, times.get(i)));
            // The manager hands each new conversation to someone after its first message.
            if (!assigned && thread.assignee() != null) {
                conversations.assign(boss, conversationId, team.get(thread.assignee()).userId());
                assigned = true;
            }
        }
        if (thread.closed()) {
            var closer = thread.assignee() == null ? boss : team.get(thread.assignee());
            conversations.close(closer, conversationId);
        }
        return stamps;
    }

    /**
     * The signature feature, visible from the first page: Daniel is on vacation with Emily
     * covering until next week; Isabelle is away too, with Daniel as her delegate, so her new
     * conversations stay with her (R5) until one of them is back.
     */
    private void showTheAwayStatus(Map<String, Actor> team) {
        LocalDate nextWeek = LocalDate.now(clock.withZone(ZONE)).plusDays(6);
        Actor daniel = team.get("daniel");
        Actor isabelle = team.get("isabelle");
        away.change(daniel, daniel.userId(), new AwayChange(true, team.get("emily").userId(), nextWeek, null,
                "Vacation in the Rockies"));
        away.change(isabelle, isabelle.userId(), new AwayChange(true, daniel.userId(), null, null,
                "Formation chez le constructeur"));
    }

    /**
     * Service (the advisors) and Sales; new customers who text the simulator start in Service's
     * queue, where the newest unassigned conversation waits too.
     */
    private void showTheTeams(Actor boss, Map<String, Actor> team) {
        // Also R17: Marc is away at a training with the Service team covering, so his customers'
        // next messages wait in Service's queue.
        var service = teams.create(boss, "Service", List.of(team.get("sophie").userId(), team.get("marc").userId(),
                team.get("daniel").userId(), team.get("isabelle").userId()));
        teams.create(boss, "Sales", List.of(team.get("sophie").userId(), team.get("emily").userId()));
        startTeams.change(boss, service.id(), Map.of());
        var waiting = conversations.list(boss, AssigneeFilter.UNASSIGNED.query(ConversationStatus.OPEN, null, null, 1, 1));
        for (var conversation : waiting.items()) {
            conversations.queue(boss, conversation.id(), service.id());
        }
        Actor marc = team.get("marc");
        away.change(marc, marc.userId(), new AwayChange(true, null, LocalDate.now(clock.withZone(ZONE)).plusDays(3), null,
                "Formation technique à Toronto", service.id()));
    }

    /**
     * Emily's few days off, from eight days ago until five days ago, with Sophie covering (R19, R20):
     * her open conversations went over at the start, a customer wrote to Sophie meanwhile, and
     * they came back when Emily did; her history and the team calendar show it, with "While you
     * were away".
     */
    private List<Stamp> playAPastAwayPeriod(Actor boss, Map<String, Actor> team) {
        Actor emily = team.get("emily");
        Actor sophie = team.get("sophie");
        var customer = customers.create(boss, "Nathalie Bergeron", "+15145550131", null);
        UUID conversationId = conversations.forCustomer(boss, customer.id()).id();
        LocalDate firstDay = LocalDate.now(clock.withZone(ZONE)).minusDays(PAST_LEAVE_DAYS_AGO);
        var stamps = new ArrayList<Stamp>();
        stamps.add(new Stamp(inbound.receive(boss.accountId(), customer.phone(),
                "Hi Emily, any news on the trade-in value for my Mazda 3?").message().id(), at(firstDay, 9, 20)));
        conversations.assign(boss, conversationId, emily.userId());
        stamps.add(new Stamp(conversations.send(emily, conversationId,
                "Hi Nathalie! The appraiser sees it tomorrow; I'm off for a few days, Sophie will follow up.",
                MessageKind.OUTBOUND).id(), at(firstDay, 9, 41)));
        away.change(emily, emily.userId(), new AwayChange(true, sophie.userId(), null, null, "Congé parental, une semaine",
                null, true, true));
        stamps.add(new Stamp(inbound.receive(boss.accountId(), customer.phone(),
                "The appraiser came by. What's the number?").message().id(), at(firstDay.plusDays(1), 14, 5)));
        stamps.add(new Stamp(conversations.send(sophie, conversationId,
                "Bonjour Nathalie, it's Sophie: $14,200, valid for 30 days. Emily will be back in two days.",
                MessageKind.OUTBOUND).id(), at(firstDay.plusDays(1), 14, 30)));
        away.change(emily, emily.userId(), AwayChange.off());
        stamps.add(new Stamp(inbound.receive(boss.accountId(), customer.phone(),
                "Welcome back Emily! Let's go ahead with the trade-in.").message().id(),
                at(firstDay.plusDays(PAST_LEAVE_DAYS + 1), 10, 2)));
        return stamps;
    }

    /**
     * The past period, played "now", takes its days: from 10:00 on its first day to 00:00 on its
     * return day; its handover and hand-back lines on the timeline say the same.
     * Its notices were read back then, as was "While you were away".
     */
    private void datePastAwayPeriods(UUID accountId) {
        LocalDate firstDay = LocalDate.now(clock.withZone(ZONE)).minusDays(PAST_LEAVE_DAYS_AGO);
        Instant start = at(firstDay, 10, 0);
        Instant back = firstDay.plusDays(PAST_LEAVE_DAYS).atStartOfDay(ZONE).toInstant();
        jdbc.sql("""
                update away_period set start_at = :start, ended_at = :back
                where account_id = :accountId and ended_at is not null
                """).param("start", Timestamp.from(start)).param("back", Timestamp.from(back))
                .param("accountId", accountId).update();
        jdbc.sql("""
                update conversation_event
                set created_at = case reason when 'HANDED_OVER' then cast(:start as timestamptz)
                                             else cast(:back as timestamptz) end
                where account_id = :accountId and reason in ('HANDED_OVER', 'HANDED_BACK')
                """).param("start", Timestamp.from(start)).param("back", Timestamp.from(back))
                .param("accountId", accountId).update();
        jdbc.sql("""
                update away_period set updated_at = start_at, start_announced_at = start_at, settled_at = ended_at,
                       summary_seen_at = ended_at
                where account_id = :accountId and ended_at is not null
                """).param("accountId", accountId).update();
        jdbc.sql("""
                update away_reassignment r set reassigned_at = p.start_at
                from away_period p where p.id = r.period_id and p.account_id = :accountId and p.ended_at is not null
                """).param("accountId", accountId).update();
        jdbc.sql("""
                update notification n set created_at = p.start_at, read_at = p.ended_at
                from away_period p
                where n.account_id = :accountId and p.account_id = n.account_id and p.ended_at is not null
                  and n.kind in ('COVERING_STARTED', 'COVERING_ENDED') and n.read_at is null
                """).param("accountId", accountId).update();
    }

    /** R22: Emily has next week off already planned, with Sophie covering and a handover at the start. */
    private void planAnAwayPeriod(Map<String, Actor> team) {
        Actor emily = team.get("emily");
        LocalDate monday = LocalDate.now(clock.withZone(ZONE)).plusWeeks(1).with(DayOfWeek.MONDAY);
        plans.plan(emily, emily.userId(), new AwayPlan(monday, null, team.get("sophie").userId(), null,
                monday.plusDays(5), null, "Salon de l'auto de Montréal", true, true));
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZONE).toInstant();
    }

    /** When each line was sent, ending a few minutes ago at the latest. */
    private List<Instant> times(DemoScript.Thread thread) {
        LocalDate firstDay = LocalDate.now(clock.withZone(ZONE)).minusDays(thread.daysAgo());
        var times = new ArrayList<Instant>();
        for (var line : thread.lines()) {
            times.add(firstDay.plusDays(line.plusDays()).atTime(line.time()).atZone(ZONE).toInstant());
        }
        Instant latest = clock.instant().minus(Duration.ofMinutes(3));
        Instant last = times.get(times.size() - 1);
        if (last.isAfter(latest)) {
            Duration shift = Duration.between(latest, last);
            times.replaceAll(t -> t.minus(shift));
        }
        return times;
    }

    /**
     * Gives the demo its history: the services stamp everything "now", so the messages get the
     * times of the script, and the timeline events, conversations and customers follow them.
     */
    private void spreadOverTime(UUID accountId, List<Stamp> stamps) {
        for (var stamp : stamps) {
            jdbc.sql("update message set created_at = :at where account_id = :accountId and id = :id")
                    .param("at", Timestamp.from(stamp.at()))
                    .param("accountId", accountId)
                    .param("id", stamp.messageId())
                    .update();
        }
        jdbc.sql("""
                update conversation_event e set created_at = coalesce(
                    (select max(m.created_at) + interval '1 minute' from message m
                     where m.conversation_id = e.conversation_id and m.seq < e.seq),
                    (select min(m.created_at) - interval '1 minute' from message m
                     where m.conversation_id = e.conversation_id))
                where e.account_id = :accountId
                """).param("accountId", accountId).update();
        jdbc.sql("""
                update conversation c set
                    last_activity_at = (select max(m.created_at) from message m where m.conversation_id = c.id),
                    created_at = (select min(m.created_at) from message m where m.conversation_id = c.id)
                where c.account_id = :accountId
                """).param("accountId", accountId).update();
        jdbc.sql("""
                update customer cu set created_at = c.created_at
                from conversation c where c.customer_id = cu.id and cu.account_id = :accountId
                """).param("accountId", accountId).update();
    }
}
