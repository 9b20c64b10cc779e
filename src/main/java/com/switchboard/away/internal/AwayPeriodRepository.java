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

import com.switchboard.away.AwayPeriod;
import com.switchboard.away.EndReason;

/** Away periods, always within one account (except for the return-date job, which serves all). */
@Repository
public class AwayPeriodRepository {

    private final JdbcClient jdbc;

    AwayPeriodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes changes to one user's away status, across nodes, until the transaction ends. */
    public void lockUser(UUID userId) {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", userId.getMostSignificantBits() ^ userId.getLeastSignificantBits())
                .query((rs, row) -> 1).list();
    }

    public Optional<AwayPeriod> open(UUID accountId, UUID userId) {
        return jdbc.sql("select * from away_period where account_id = :accountId and user_id = :userId and ended_at is null")
                .param("accountId", accountId)
                .param("userId", userId)
                .query(AwayPeriodRepository::map)
                .optional();
    }

    /** The user's most recent period, open or not. */
    public Optional<AwayPeriod> latest(UUID accountId, UUID userId) {
        return jdbc.sql("""
                select * from away_period where account_id = :accountId and user_id = :userId
                order by started_at desc, id limit 1
                """)
                .param("accountId", accountId)
                .param("userId", userId)
                .query(AwayPeriodRepository::map)
                .optional();
    }

    /** Every open period of an account: who may be away now. */
    public List<AwayPeriod> allOpen(UUID accountId) {
        return jdbc.sql("select * from away_period where account_id = :accountId and ended_at is null")
                .param("accountId", accountId)
                .query(AwayPeriodRepository::map)
                .list();
    }

    public List<AwayPeriod> history(UUID accountId, UUID userId) {
        return jdbc.sql("""
                select * from away_period where account_id = :accountId and user_id = :userId
                order by started_at desc, id
                """)
                .param("accountId", accountId)
                .param("userId", userId)
                .query(AwayPeriodRepository::map)
                .list();
    }

    /** Open periods that end by themselves, of every account, with their user's time zone. */
    public List<Due> openWithReturn() {
        return jdbc.sql("""
                select p.*, u.time_zone from away_period p
                join app_user u on u.account_id = p.account_id and u.id = p.user_id
                where p.ended_at is null and (p.return_on is not null or p.return_at is not null)
                """)
                .query((rs, row) -> new Due(map(rs, row), rs.getString("time_zone")))
                .list();
    }

    public void insert(AwayPeriod period) {
        jdbc.sql("""
                insert into away_period (id, account_id, user_id, delegate_id, delegate_team_id, started_at, return_on, return_at,
                                         message, started_by, updated_at, updated_by)
                values (:id, :accountId, :userId, :delegateId, :delegateTeamId, :startedAt, :returnOn, :returnAt,
                        :message, :startedBy, :updatedAt, :updatedBy)
                """)
                .param("id", period.id())
                .param("accountId", period.accountId())
                .param("userId", period.userId())
                .param("delegateId", period.delegateId())
                .param("delegateTeamId", period.delegateTeamId())
                .param("startedAt", Timestamp.from(period.startedAt()))
                .param("returnOn", period.returnOn() == null ? null : Date.valueOf(period.returnOn()))
                .param("returnAt", period.returnAt() == null ? null : Timestamp.from(period.returnAt()))
                .param("message", period.message())
                .param("startedBy", period.startedBy())
                .param("updatedAt", Timestamp.from(period.updatedAt()))
                .param("updatedBy", period.updatedBy())
                .update();
    }

    public void updateSettings(AwayPeriod period) {
        jdbc.sql("""
                update away_period set delegate_id = :delegateId, delegate_team_id = :delegateTeamId, return_on = :returnOn, return_at = :returnAt,
                       message = :message, updated_at = :updatedAt, updated_by = :updatedBy
                where account_id = :accountId and id = :id and ended_at is null
                """)
                .param("delegateId", period.delegateId())
                .param("delegateTeamId", period.delegateTeamId())
                .param("returnOn", period.returnOn() == null ? null : Date.valueOf(period.returnOn()))
                .param("returnAt", period.returnAt() == null ? null : Timestamp.from(period.returnAt()))
                .param("message", period.message())
                .param("updatedAt", Timestamp.from(period.updatedAt()))
                .param("updatedBy", period.updatedBy())
                .param("accountId", period.accountId())
                .param("id", period.id())
                .update();
    }

    /** Ends an open period; false if it had already ended (another node, another request). */
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

    public void recordReassignment(UUID accountId, UUID periodId, UUID conversationId, UUID toUserId, Instant at) {
        jdbc.sql("""
                insert into away_reassignment (account_id, period_id, conversation_id, to_user_id, reassigned_at)
                values (:accountId, :periodId, :conversationId, :toUserId, :at)
                """)
                .param("accountId", accountId)
                .param("periodId", periodId)
                .param("conversationId", conversationId)
                .param("toUserId", toUserId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The conversations each of these periods handed over, oldest first. */
    public List<Reassignment> reassignments(UUID accountId, List<UUID> periodIds) {
        if (periodIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select period_id, conversation_id, to_user_id, reassigned_at from away_reassignment
                where account_id = :accountId and period_id in (:periodIds) order by reassigned_at
                """)
                .param("accountId", accountId)
                .param("periodIds", periodIds)
                .query((rs, row) -> new Reassignment(rs.getObject("period_id", UUID.class),
                        rs.getObject("conversation_id", UUID.class), rs.getObject("to_user_id", UUID.class),
                        rs.getTimestamp("reassigned_at").toInstant()))
                .list();
    }

    /** An open period with the time zone its return date is read in. */
    public record Due(AwayPeriod period, String timeZone) {
    }

    /** A conversation an away period handed to someone. */
    public record Reassignment(UUID periodId, UUID conversationId, UUID toUserId, Instant at) {
    }

    static AwayPeriod map(ResultSet rs, int row) throws SQLException {
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
                rs.getTimestamp("started_at").toInstant(),
                returnOn == null ? null : returnOn.toLocalDate(),
                returnAt == null ? null : returnAt.toInstant(),
                rs.getString("message"),
                rs.getObject("started_by", UUID.class),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getObject("updated_by", UUID.class),
                endedAt == null ? null : endedAt.toInstant(),
                reason == null ? null : EndReason.valueOf(reason),
                rs.getObject("ended_by", UUID.class));
    }
}
