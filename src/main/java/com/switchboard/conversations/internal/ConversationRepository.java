package com.switchboard.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.switchboard.conversations.Conversation;
import com.switchboard.conversations.ConversationStatus;
import com.switchboard.conversations.InboxCounts;
import com.switchboard.conversations.MessageKind;
import com.switchboard.customers.Customer;

/** Conversations with their customer, always within one account. */
@Repository
public class ConversationRepository {

    // How open_conversation_count spells "nobody" (unassigned): a key column cannot be null.
    private static final UUID NOBODY = new UUID(0, 0);

    private static final String SELECT = """
            select c.id, c.account_id, c.customer_id, c.status, c.assignee_id, c.last_activity_at,
                   c.last_message_preview, c.last_message_kind, c.last_message_author_id, c.created_at, c.team_id,
                   cu.name as customer_name, cu.phone as customer_phone, cu.created_at as customer_created_at, cu.unsubscribed_at as customer_unsubscribed_at
            from conversation c
            join customer cu on cu.account_id = c.account_id and cu.id = c.customer_id
            """;

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID accountId, UUID customerId, UUID assigneeId, Instant now) {
        jdbc.sql("""
                insert into conversation (id, account_id, customer_id, status, assignee_id, last_activity_at, created_at)
                values (:id, :accountId, :customerId, 'OPEN', :assigneeId, :now, :now)
                """)
                .param("id", id)
                .param("accountId", accountId)
                .param("customerId", customerId)
                .param("assigneeId", assigneeId)
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<Conversation> find(UUID accountId, UUID id) {
        return jdbc.sql(SELECT + " where c.account_id = :accountId and c.id = :id")
                .param("accountId", accountId)
                .param("id", id)
                .query(ConversationRepository::map)
                .optional();
    }

    public List<Conversation> byIds(UUID accountId, Collection<UUID> ids) {
        return jdbc.sql(SELECT + " where c.account_id = :accountId and c.id in (:ids)")
                .param("accountId", accountId)
                .param("ids", ids)
                .query(ConversationRepository::map)
                .list();
    }

    public Optional<Conversation> findByCustomer(UUID accountId, UUID customerId) {
        return jdbc.sql(SELECT + " where c.account_id = :accountId and c.customer_id = :customerId")
                .param("accountId", accountId)
                .param("customerId", customerId)
                .query(ConversationRepository::map)
                .optional();
    }

    /**
     * The conversation, locked until the transaction ends: every change to a conversation takes
     * this lock first, so concurrent messages and assignments apply one after the other.
     */
    public Optional<Conversation> lock(UUID accountId, UUID id) {
        return jdbc.sql(SELECT + " where c.account_id = :accountId and c.id = :id for update of c")
                .param("accountId", accountId)
                .param("id", id)
                .query(ConversationRepository::map)
                .optional();
    }

    /** The open conversations a user has, locked until the transaction ends, in a fixed order. */
    public List<Conversation> lockOpenAssignedTo(UUID accountId, UUID userId) {
        return jdbc.sql(SELECT + """
                 where c.account_id = :accountId and c.assignee_id = :userId and c.status = 'OPEN'
                order by c.id for update of c
                """)
                .param("accountId", accountId)
                .param("userId", userId)
                .query(ConversationRepository::map)
                .list();
    }

    public Optional<Conversation> lockByCustomer(UUID accountId, UUID customerId) {
        return jdbc.sql(SELECT + " where c.account_id = :accountId and c.customer_id = :customerId for update of c")
                .param("accountId", accountId)
                .param("customerId", customerId)
                .query(ConversationRepository::map)
                .optional();
    }

    /**
     * A page of conversations, newest activity first.
     *
     * @param assigneeFilter "any", "none" or "user" (then {@code assigneeId} is used)
     */
    public List<Conversation> list(UUID accountId, String assigneeFilter, UUID assigneeId, UUID teamId,
            ConversationStatus status, String nameLike, String digitsLike, UUID customerId, int limit, int offset) {
        // The page's ids first, from the index alone where it can, then those rows in full: a page
        // far down the list then skips index entries, not joined rows (bench, B3 "page 50").
        var sql = new StringBuilder("with page as (select c.id from conversation c");
        if (nameLike != null) {
            sql.append(" join customer cu on cu.account_id = c.account_id and cu.id = c.customer_id");
        }
        sql.append(" where c.account_id = :accountId");
        switch (assigneeFilter) {
            case "none" -> sql.append(" and c.assignee_id is null");
            case "user" -> sql.append(" and c.assignee_id = :assigneeId");
            default -> { }
        }
        if (teamId != null) {
            sql.append(" and c.team_id = :teamId");
        }
        if (status != null) {
            sql.append(" and c.status = :status");
        }
        if (customerId != null) {
            sql.append(" and c.customer_id = :customerId");
        }
        if (nameLike != null) {
            sql.append(" and (switchboard_fold(cu.name) like switchboard_fold(:nameLike)");
            sql.append(digitsLike != null ? " or cu.phone like :digitsLike)" : ")");
        }
        sql.append(" order by c.last_activity_at desc, c.id desc limit :limit offset :offset)\n");
        sql.append(SELECT).append(" where c.account_id = :accountId and c.id in (select id from page)");
        sql.append(" order by c.last_activity_at desc, c.id desc");
        var statement = jdbc.sql(sql.toString())
                .param("accountId", accountId)
                .param("limit", limit)
                .param("offset", offset);
        if ("user".equals(assigneeFilter)) {
            statement = statement.param("assigneeId", assigneeId);
        }
        if (teamId != null) {
            statement = statement.param("teamId", teamId);
        }
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        if (customerId != null) {
            statement = statement.param("customerId", customerId);
        }
        if (nameLike != null) {
            statement = statement.param("nameLike", nameLike);
            if (digitsLike != null) {
                statement = statement.param("digitsLike", digitsLike);
            }
        }
        return statement.query(ConversationRepository::map).list();
    }

    public boolean any(UUID accountId) {
        return jdbc.sql("select exists (select 1 from conversation where account_id = :accountId)")
                .param("accountId", accountId)
                .query(Boolean.class)
                .single();
    }

    /**
     * How many open conversations are the user's, nobody's, and anyone's: the counts beside the
     * filters, read from the per-assignee counts the database keeps (migration V10).
     */
    public InboxCounts openCounts(UUID accountId, UUID userId) {
        return jdbc.sql("""
                select coalesce(sum(open_count) filter (where assignee_key = :userId), 0) as mine,
                       coalesce(sum(open_count) filter (where assignee_key = :nobody), 0) as unassigned,
                       coalesce(sum(open_count), 0) as everyone
                from open_conversation_count where account_id = :accountId
                """)
                .param("accountId", accountId)
                .param("userId", userId)
                .param("nobody", NOBODY)
                .query((rs, row) -> new InboxCounts(rs.getInt("mine"), rs.getInt("unassigned"), rs.getInt("everyone")))
                .single();
    }

    /**
     * How many open conversations wait in each of these teams' queues (a team, no assignee), from
     * the queue index (V17).
     */
    public Map<UUID, Integer> queueCounts(UUID accountId, Collection<UUID> teamIds) {
        if (teamIds.isEmpty()) {
            return Map.of();
        }
        var counts = new HashMap<UUID, Integer>();
        jdbc.sql("""
                select team_id, count(*) as waiting from conversation
                where account_id = :accountId and team_id in (:teamIds) and assignee_id is null and status = 'OPEN'
                group by team_id
                """)
                .param("accountId", accountId)
                .param("teamIds", teamIds)
                .query(rs -> {
                    counts.put(rs.getObject("team_id", UUID.class), rs.getInt("waiting"));
                });
        return counts;
    }

    public void setTeam(UUID accountId, UUID id, UUID teamId) {
        jdbc.sql("update conversation set team_id = :teamId where account_id = :accountId and id = :id")
                .param("teamId", teamId)
                .param("accountId", accountId)
                .param("id", id)
                .update();
    }

    public void setAssignee(UUID accountId, UUID id, UUID assigneeId) {
        jdbc.sql("update conversation set assignee_id = :assigneeId where account_id = :accountId and id = :id")
                .param("assigneeId", assigneeId)
                .param("accountId", accountId)
                .param("id", id)
                .update();
    }

    public void setStatus(UUID accountId, UUID id, ConversationStatus status) {
        jdbc.sql("update conversation set status = :status where account_id = :accountId and id = :id")
                .param("status", status.name())
                .param("accountId", accountId)
                .param("id", id)
                .update();
    }

    public void recordActivity(UUID accountId, UUID id, Instant at, String preview, MessageKind kind, UUID authorId) {
        jdbc.sql("""
                update conversation set last_activity_at = greatest(last_activity_at, :at),
                       last_message_preview = :preview, last_message_kind = :kind, last_message_author_id = :authorId
                where account_id = :accountId and id = :id
                """)
                .param("at", Timestamp.from(at))
                .param("preview", preview)
                .param("kind", kind.name())
                .param("authorId", authorId)
                .param("accountId", accountId)
                .param("id", id)
                .update();
    }

    private static Conversation map(ResultSet rs, int row) throws SQLException {
        UUID accountId = rs.getObject("account_id", UUID.class);
        var customer = new Customer(rs.getObject("customer_id", UUID.class), accountId, rs.getString("customer_name"),
                rs.getString("customer_phone"), rs.getTimestamp("customer_created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("customer_unsubscribed_at")).map(Timestamp::toInstant).orElse(null));
        String kind = rs.getString("last_message_kind");
        return new Conversation(
                rs.getObject("id", UUID.class),
                accountId,
                customer,
                ConversationStatus.valueOf(rs.getString("status")),
                rs.getObject("assignee_id", UUID.class),
                rs.getTimestamp("last_activity_at").toInstant(),
                rs.getString("last_message_preview"),
                kind == null ? null : MessageKind.valueOf(kind),
                rs.getObject("last_message_author_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("team_id", UUID.class));
    }
}
