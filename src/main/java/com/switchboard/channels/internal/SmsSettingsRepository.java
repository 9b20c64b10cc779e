package com.switchboard.channels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sms_settings} and {@code sms_number} tables. */
@Repository
class SmsSettingsRepository {

    /** An account's provider as stored: the token still encrypted. */
    record Stored(UUID accountId, SmsProvider provider, String accountSid, String encryptedToken) {
    }

    private final JdbcClient jdbc;

    SmsSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(UUID accountId) {
        return jdbc.sql("select * from sms_settings where account_id = :accountId")
                .param("accountId", accountId)
                .query((rs, row) -> map(rs))
                .optional();
    }

    private static Stored map(ResultSet rs) throws SQLException {
        return new Stored(rs.getObject("account_id", UUID.class), SmsProvider.valueOf(rs.getString("provider")),
                rs.getString("account_sid"), rs.getString("auth_token_encrypted"));
    }

    /** Whether the account texts through a provider with at least one number of its own. */
    boolean connected(UUID accountId) {
        return jdbc.sql("""
                select exists (select 1 from sms_settings s join sms_number n on n.account_id = s.account_id
                               where s.account_id = :accountId and s.provider <> 'SIMULATOR')
                """)
                .param("accountId", accountId)
                .query(Boolean.class)
                .single();
    }

    List<String> numbers(UUID accountId) {
        return jdbc.sql("select phone from sms_number where account_id = :accountId order by phone")
                .param("accountId", accountId)
                .query(String.class).list();
    }

    /** The settings of the account that owns a number: how an inbound text finds its account. */
    Optional<Stored> findByNumber(String e164) {
        return jdbc.sql("""
                select s.account_id, s.provider, s.account_sid, s.auth_token_encrypted
                from sms_number n join sms_settings s on s.account_id = n.account_id where n.phone = :phone
                """)
                .param("phone", e164)
                .query((rs, row) -> map(rs))
                .optional();
    }

    void save(UUID accountId, SmsProvider provider, String accountSid, String encryptedToken, UUID by, Instant at) {
        jdbc.sql("""
                insert into sms_settings (account_id, provider, account_sid, auth_token_encrypted, updated_at, updated_by)
                values (:accountId, :provider, :sid, :token, :at, :by)
                on conflict (account_id) do update set provider = excluded.provider, account_sid = excluded.account_sid,
                    auth_token_encrypted = excluded.auth_token_encrypted, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                """)
                .param("accountId", accountId)
                .param("provider", provider.name())
                .param("sid", accountSid)
                .param("token", encryptedToken)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    /** Makes these the account's numbers; a number it keeps keeps its start team. */
    void replaceNumbers(UUID accountId, List<String> numbers) {
        jdbc.sql("delete from sms_number where account_id = :accountId and phone <> all(:numbers)")
                .param("accountId", accountId)
                .param("numbers", numbers.toArray(String[]::new))
                .update();
        var kept = numbers(accountId);
        for (String number : numbers) {
            if (kept.contains(number)) {
                continue;
            }
            // Another account's number fails here (unique phone): the caller says it is taken.
            jdbc.sql("insert into sms_number (phone, account_id) values (:phone, :accountId)")
                    .param("phone", number)
                    .param("accountId", accountId)
                    .update();
        }
    }
}
