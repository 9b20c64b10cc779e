package com.switchboard.live.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The live log: events are appended as the last thing their transaction does and announced on
 * {@value #CHANNEL} when it commits; readers replay an account's events after a given id.
 * <p>
 * Within an account, ids grow in commit order: the append takes a per-account lock that the
 * transaction holds until it commits, so no event of the account can commit with a smaller id
 * after a larger one has been seen. That is what lets "everything after id N" be exact.
 */
@Component
class LiveLog {

    static final String CHANNEL = "switchboard_live";
    // The first key of the two-key advisory locks this module takes (a key space of its own).
    private static final int LOCK_SPACE = 0x11fe;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    LiveLog(JdbcClient jdbc, JsonMapper json, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = transaction;
    }

    /** Appends an event when the current transaction commits (or at once when there is none). */
    void append(UUID accountId, UUID userId, String type, Map<String, Object> facts) {
        var event = new Pending(accountId, userId, type, json.writeValueAsString(facts));
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            transaction.executeWithoutResult(status -> write(List.of(event)));
            return;
        }
        pendingOfThisTransaction().events.add(event);
    }

    /** Tells every node, when the current transaction commits, that an access ended. */
    void announceAccessEnded(UUID userId, String accessKey) {
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", CHANNEL)
                .param("payload", "end:" + userId + ":" + (accessKey == null ? "*" : accessKey))
                .query((rs, row) -> 1).list();
    }

    List<LiveEvent> byIds(List<Long> ids) {
        return jdbc.sql("select id, account_id, user_id, type, payload::text from live_event where id = any(:ids) order by id")
                .param("ids", ids.toArray(Long[]::new))
                .query(LiveLog::map)
                .list();
    }

    /**
     * The account's events after {@code afterId} that this user may see, oldest first, at most
     * {@code limit} of them (the caller reads on from the last one); null when the log cannot
     * serve that position: it no longer reaches back that far, or the position is beyond anything
     * the log ever held (a restored database, another deployment on the same host).
     */
    List<LiveEvent> after(UUID accountId, UUID userId, long afterId, int limit) {
        boolean servable = jdbc.sql("""
                select :afterId >= pruned_through
                       and :afterId <= greatest(pruned_through, (select coalesce(max(id), 0) from live_event))
                from live_event_horizon
                """)
                .param("afterId", afterId)
                .query(Boolean.class).single();
        if (!servable) {
            return null;
        }
        return jdbc.sql("""
                select id, account_id, user_id, type, payload::text from live_event
                where account_id = :accountId and id > :afterId and (user_id is null or user_id = :userId)
                order by id limit :limit
                """)
                .param("accountId", accountId)
                .param("userId", userId)
                .param("afterId", afterId)
                .param("limit", limit)
                .query(LiveLog::map)
                .list();
    }

    /** Where the account's log stands now: a page rendered now has seen everything up to here. */
    long position(UUID accountId) {
        return jdbc.sql("""
                select greatest((select coalesce(max(id), 0) from live_event where account_id = :accountId),
                                (select pruned_through from live_event_horizon))
                """)
                .param("accountId", accountId)
                .query(Long.class).single();
    }

    /** Forgets events older than the retention, and remembers how far it went. */
    int prune(Duration retention) {
        return transaction.execute(status -> {
            List<Long> gone = jdbc.sql("""
                    delete from live_event where created_at < now() - make_interval(secs => :seconds) returning id
                    """)
                    .param("seconds", retention.toSeconds())
                    .query(Long.class).list();
            if (!gone.isEmpty()) {
                jdbc.sql("update live_event_horizon set pruned_through = greatest(pruned_through, :id)")
                        .param("id", gone.stream().max(Comparator.naturalOrder()).orElseThrow())
                        .update();
            }
            return gone.size();
        });
    }

    // One statement per account: the lock, the entries and the notification in a single round trip,
    // since the lock is held until the commit and every round trip under it delays the account's
    // other transactions. The cross join takes the lock before the first entry draws its id.
    private void write(List<Pending> events) {
        var byAccount = events.stream().collect(Collectors.groupingBy(Pending::accountId));
        // Always in the same order, so that two transactions never wait for each other's lock.
        byAccount.keySet().stream().sorted().forEach(accountId -> {
            var ofAccount = byAccount.get(accountId);
            jdbc.sql("""
                    with written as (
                        insert into live_event (account_id, user_id, type, payload)
                        select :accountId, e.user_id, e.type, cast(e.payload as jsonb)
                        from unnest(cast(:userIds as uuid[]), cast(:types as text[]), cast(:payloads as text[]))
                             with ordinality as e(user_id, type, payload, n)
                        cross join (select pg_advisory_xact_lock(:space, hashtext(cast(:accountId as text)))) as locked
                        order by e.n
                        returning id)
                    select pg_notify(:channel, 'events:' || string_agg(id::text, ',' order by id)) from written
                    """)
                    .param("accountId", accountId)
                    .param("userIds", ofAccount.stream().map(Pending::userId).toArray(UUID[]::new))
                    .param("types", ofAccount.stream().map(Pending::type).toArray(String[]::new))
                    .param("payloads", ofAccount.stream().map(Pending::payload).toArray(String[]::new))
                    .param("space", LOCK_SPACE)
                    .param("channel", CHANNEL)
                    // Delivered by PostgreSQL when the transaction commits, and never if it rolls back.
                    .query((rs, row) -> 1).list();
        });
    }

    // Looked up among the transaction's synchronizations, which a nested REQUIRES_NEW suspends:
    // each transaction writes its own events.
    private PendingEvents pendingOfThisTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingEvents pending) {
                return pending;
            }
        }
        var pending = new PendingEvents();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private static LiveEvent map(ResultSet rs, int row) throws SQLException {
        return new LiveEvent(rs.getLong("id"), rs.getObject("account_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("type"), rs.getString("payload"));
    }

    private record Pending(UUID accountId, UUID userId, String type, String payload) {
    }

    /** The events of one transaction, written just before it commits. */
    private final class PendingEvents implements TransactionSynchronization {

        private final List<Pending> events = new ArrayList<>();

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!events.isEmpty()) {
                write(events);
            }
        }
    }
}
