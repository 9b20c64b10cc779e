package com.switchboard.away.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.switchboard.away.AwayHistory;
import com.switchboard.away.AwayPeriod;
import com.switchboard.away.EndReason;

/** Away periods, always within one account (except for the periods job, which serves all). */
@Repository
public class AwayPeriodRepository {

    private final JdbcClient jdbc;

    AwayPeriodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serializes changes to one user's away periods, across nodes, until the transaction ends:
     * turning on or off, planning, the start and the end with their handover and hand-back.
     */
    public void lockUser(UUID userId) {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", lockKey(userId)).query((rs, row) -> 1).list();
    }

    /**
     * Taken by the routing of a customer's message before it reads the assignee's periods: many
     * messages route at once, but never while a period of that user starts or ends, so a message
     * and a hand-back have one outcome between them.
     */
    public void lockUserShared(UUID userId) {
        jdbc.sql("select pg_advisory_xact_lock_shared(:key)").param("key", lockKey(userId)).query((rs, row) -> 1)
                .list();
    }

    private static long lockKey(UUID userId) {
        return userId.getMostSignificantBits() ^ userId.getLeastSignificantBits();
    }

    public Optional<AwayPeriod> find(UUID accountId, UUID periodId) {
        return jdbc.sql("select * from away_period where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", periodId)
                .query(AwayPeriodRepository::map)
                .optional();
    }

    /** The user's periods that have not ended: the one in effect, if any, and those planned. */
    public List<AwayPeriod> notEnded(UUID accountId, UUID userId) {
        return jdbc.sql("""
                select * from away_period where account_id = :accountId and user_id = :userId and ended_at is null
                order by coalesce(start_at, start_on::timestamptz), id
                """)
                .param("accountId", accountId)
                .param("userId", userId)
                .query(AwayPeriodRepository::map)
                .list();
    }

    /** Every period of an account that has not ended (in effect or planned): who may be away now. */
    public List<AwayPeriod> allOpen(UUID accountId) {
        return jdbc.sql("select * from away_period where account_id = :accountId and ended_at is null")
                .param("accountId", accountId)
                .query(AwayPeriodRepository::map)
                .list();
    }

    /**
     * Every period of an account that may overlap the instants from {@code from} to {@code to}
     * (dates are read a day wide, for every time zone): the team calendar's (R24).
     */
    public List<AwayPeriod> around(UUID accountId, Instant from, Instant to) {
        return jdbc.sql("""
                select * from away_period where account_id = :accountId
                  and coalesce(start_at, start_on::timestamptz - interval '1 day') < :to
                  and coalesce(ended_at, return_at, return_on::timestamptz + interval '1 day', 'infinity') > :from
                order by coalesce(start_at, start_on::timestamptz), id
                """)
                .param("accountId", accountId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(AwayPeriodRepository::map)
                .list();
    }

    /** Every period of a user, newest first. */
    public List<AwayPeriod> history(UUID accountId, UUID userId) {
        return jdbc.sql("""
                select * from away_period where account_id = :accountId and user_id = :userId
                order by coalesce(start_at, start_on::timestamptz) desc, id
                """)
                .param("accountId", accountId)
                .param("userId", userId)
                .query(AwayPeriodRepository::map)
                .list();
    }

    /**
     * The periods of every account the job may have something to do with: a start not announced
     * yet, a return to come, or an end not settled; each with its user's time zone.
     */
    public List<Due> unfinished() {
        return jdbc.sql("""
                select p.*, u.time_zone from away_period p
                join app_user u on u.account_id = p.account_id and u.id = p.user_id
                where (p.ended_at is null
                       and (p.start_announced_at is null or p.return_on is not null or p.return_at is not null))
                   or (p.ended_at is not null and p.settled_at is null)
                """)
                .query((rs, row) -> new Due(map(rs, row), rs.getString("time_zone"),
                        rs.getTimestamp("start_announced_at") != null))
                .list();
    }

    public void insert(AwayPeriod period, Instant startAnnouncedAt) {
        jdbc.sql("""
                insert into away_period (id, account_id, user_id, delegate_id, delegate_team_id, start_at, start_on,
                                         return_on, return_at, message, hand_over, hand_back, started_by, updated_at,
                                         updated_by, start_announced_at)
                values (:id, :accountId, :userId, :delegateId, :delegateTeamId, :startAt, :startOn, :returnOn,
                        :returnAt, :message, :handOver, :handBack, :startedBy, :updatedAt, :updatedBy, :announced)
                """)
                .param("id", period.id())
                .param("accountId", period.accountId())
                .param("userId", period.userId())
                .param("delegateId", period.delegateId())
                .param("delegateTeamId", period.delegateTeamId())
                .param("startAt", timestamp(period.startAt()))
                .param("startOn", date(period.startOn()))
                .param("returnOn", date(period.returnOn()))
                .param("returnAt", timestamp(period.returnAt()))
                .param("message", period.message())
                .param("handOver", period.handOver())
                .param("handBack", period.handBack())
                .param("startedBy", period.startedBy())
                .param("updatedAt", Timestamp.from(period.updatedAt()))
                .param("updatedBy", period.updatedBy())
                .param("announced", timestamp(startAnnouncedAt))
                .update();
    }

    /** Changes what a period that has not ended says: its start too, as long as it has not started. */
    public void updateSettings(AwayPeriod period) {
        jdbc.sql("""
                update away_period set delegate_id = :delegateId, delegate_team_id = :delegateTeamId,
                       start_at = :startAt, start_on = :startOn, return_on = :returnOn, return_at = :returnAt,
                       message = :message, hand_over = :handOver, hand_back = :handBack, updated_at = :updatedAt,
                       updated_by = :updatedBy
                where account_id = :accountId and id = :id and ended_at is null
                """)
                .param("delegateId", period.delegateId())
                .param("delegateTeamId", period.delegateTeamId())
                .param("startAt", timestamp(period.startAt()))
                .param("startOn", date(period.startOn()))
                .param("returnOn", date(period.returnOn()))
                .param("returnAt", timestamp(period.returnAt()))
                .param("message", period.message())
                .param("handOver", period.handOver())
                .param("handBack", period.handBack())
                .param("updatedAt", Timestamp.from(period.updatedAt()))
                .param("updatedBy", period.updatedBy())
                .param("accountId", period.accountId())
                .param("id", period.id())
                .update();
    }

    /** A planned period cancelled before it started: it never happened, so nothing of it stays. */
    public boolean deletePlanned(UUID accountId, UUID periodId) {
        return jdbc.sql("""
                delete from away_period where account_id = :accountId and id = :id and ended_at is null
                  and start_announced_at is null
                """)
                .param("accountId", accountId)
                .param("id", periodId)
                .update() == 1;
    }

    /** Writes down that the start was announced; false if it already was (another node, the request). */
    public boolean announceStart(UUID accountId, UUID periodId, Instant at) {
        return jdbc.sql("""
                update away_period set start_announced_at = :at
                where account_id = :accountId and id = :id and start_announced_at is null
                """)
                .param("at", Timestamp.from(at))
                .param("accountId", accountId)
                .param("id", periodId)
                .update() == 1;
    }

    /** Ends a period; false if it had already ended (another node, another request). */
    public boolean end(UUID accountId, UUID periodId, Instant at, EndReason reason, UUID by) {
        return jdbc.sql("""
                update away_period set ended_at = :at, end_reason = :reason, ended_by = :by
                where account_id = :accountId and id = :id and ended_at is null
                """)
                .param("at", Timestamp.from(at))
                .param("reason", reason.name())
                .param("by", by)
                .param("accountId", accountId)
                .param("id", periodId)
                .update() == 1;
    }

    /** Writes down that an ended period's hand-back is done; false if it already was: it happens once. */
    public boolean settle(UUID accountId, UUID periodId, Instant at) {
        return jdbc.sql("""
                update away_period set settled_at = :at
                where account_id = :accountId and id = :id and ended_at is not null and settled_at is null
                """)
                .param("at", Timestamp.from(at))
                .param("accountId", accountId)
                .param("id", periodId)
                .update() == 1;
    }

    /** The most recent of the user's settled periods whose "While you were away" they have not seen. */
    public Optional<AwayPeriod> unseenSummary(UUID accountId, UUID userId) {
        return jdbc.sql("""
                select * from away_period where account_id = :accountId and user_id = :userId
                  and settled_at is not null and summary_seen_at is null
                order by ended_at desc limit 1
                """)
                .param("accountId", accountId)
                .param("userId", userId)
                .query(AwayPeriodRepository::map)
                .optional();
    }

    /** Every summary of this user up to now counts as seen: only the latest return is shown. */
    public void summariesSeen(UUID accountId, UUID userId, Instant at) {
        jdbc.sql("""
                update away_period set summary_seen_at = :at
                where account_id = :accountId and user_id = :userId
                  and settled_at is not null and summary_seen_at is null
                """)
                .param("at", Timestamp.from(at))
                .param("accountId", accountId)
                .param("userId", userId)
                .update();
    }

    public void recordMove(Move move) {
        jdbc.sql("""
                insert into away_reassignment (account_id, period_id, conversation_id, from_user_id, from_team_id,
                                               to_user_id, to_team_id, how, reassigned_at)
                values (:accountId, :periodId, :conversationId, :fromUserId, :fromTeamId, :toUserId, :toTeamId, :how,
                        :at)
                """)
                .param("accountId", move.accountId())
                .param("periodId", move.periodId())
                .param("conversationId", move.conversationId())
                .param("fromUserId", move.fromUserId())
                .param("fromTeamId", move.fromTeamId())
                .param("toUserId", move.toUserId())
                .param("toTeamId", move.toTeamId())
                .param("how", move.how().name())
                .param("at", Timestamp.from(move.at()))
                .update();
    }

    public void recordOutcome(UUID accountId, UUID periodId, UUID conversationId, AwayHistory.Outcome outcome) {
        jdbc.sql("""
                update away_reassignment set outcome = :outcome
                where account_id = :accountId and period_id = :periodId and conversation_id = :conversationId
                """)
                .param("outcome", outcome.name())
                .param("accountId", accountId)
                .param("periodId", periodId)
                .param("conversationId", conversationId)
                .update();
    }

    /** The conversations each of these periods moved, oldest first. */
    public List<Move> moves(UUID accountId, List<UUID> periodIds) {
        if (periodIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from away_reassignment
                where account_id = :accountId and period_id in (:periodIds) order by reassigned_at, conversation_id
                """)
                .param("accountId", accountId)
                .param("periodIds", periodIds)
                .query((rs, row) -> new Move(rs.getObject("account_id", UUID.class),
                        rs.getObject("period_id", UUID.class), rs.getObject("conversation_id", UUID.class),
                        rs.getObject("from_user_id", UUID.class), rs.getObject("from_team_id", UUID.class),
                        rs.getObject("to_user_id", UUID.class), rs.getObject("to_team_id", UUID.class),
                        AwayHistory.How.valueOf(rs.getString("how")), rs.getTimestamp("reassigned_at").toInstant(),
                        rs.getString("outcome") == null ? null : AwayHistory.Outcome.valueOf(rs.getString("outcome"))))
                .list();
    }

    /** A period with the time zone its dates are read in, and whether its start was announced. */
    public record Due(AwayPeriod period, String timeZone, boolean announced) {
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Date date(java.time.LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    static AwayPeriod map(ResultSet rs, int row) throws SQLException {
        Date startOn = rs.getDate("start_on");
        Timestamp startAt = rs.getTimestamp("start_at");
        Date returnOn = rs.getDate("return_on");
        Timestamp returnAt = rs.getTimestamp("return_at");
        Timestamp endedAt = rs.getTimestamp("ended_at");
        String reason = rs.getString("end_reason");
        return new AwayPeriod(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("delegate_id", UUID.class),
                rs.getObject("delegate_team_id", UUID.class),
                startAt == null ? null : startAt.toInstant(),
                startOn == null ? null : startOn.toLocalDate(),
                returnOn == null ? null : returnOn.toLocalDate(),
                returnAt == null ? null : returnAt.toInstant(),
                rs.getString("message"),
                rs.getBoolean("hand_over"),
                rs.getBoolean("hand_back"),
                rs.getObject("started_by", UUID.class),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getObject("updated_by", UUID.class),
                endedAt == null ? null : endedAt.toInstant(),
                reason == null ? null : EndReason.valueOf(reason),
                rs.getObject("ended_by", UUID.class));
    }
}
