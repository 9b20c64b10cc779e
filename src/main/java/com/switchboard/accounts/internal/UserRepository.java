package com.switchboard.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.switchboard.accounts.Role;
import com.switchboard.accounts.User;

/** Users, always looked up within an account, except by email at login. */
@Repository
public class UserRepository {

    private static final String COLUMNS =
            "id, account_id, name, email, role, time_zone, locale, active, created_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(User user, String passwordHash) {
        jdbc.sql("""
                insert into app_user (id, account_id, name, email, password_hash, role, time_zone, locale, active, created_at)
                values (:id, :accountId, :name, :email, :passwordHash, :role, :timeZone, :locale, :active, :createdAt)
                """)
                .param("id", user.id())
                .param("accountId", user.accountId())
                .param("name", user.name())
                .param("email", user.email())
                .param("passwordHash", passwordHash)
                .param("role", user.role().name())
                .param("timeZone", user.timeZone().getId())
                .param("locale", user.locale().getLanguage())
                .param("active", user.active())
                .param("createdAt", Timestamp.from(user.createdAt()))
                .update();
    }

    public void update(User user) {
        jdbc.sql("""
                update app_user set name = :name, email = :email, role = :role, time_zone = :timeZone,
                       locale = :locale, active = :active
                where account_id = :accountId and id = :id
                """)
                .param("id", user.id())
                .param("accountId", user.accountId())
                .param("name", user.name())
                .param("email", user.email())
                .param("role", user.role().name())
                .param("timeZone", user.timeZone().getId())
                .param("locale", user.locale().getLanguage())
                .param("active", user.active())
                .update();
    }

    public void updatePassword(UUID accountId, UUID userId, String passwordHash) {
        jdbc.sql("update app_user set password_hash = :hash where account_id = :accountId and id = :id")
                .param("hash", passwordHash)
                .param("accountId", accountId)
                .param("id", userId)
                .update();
    }

    public Optional<User> find(UUID accountId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    /** Every user of the account, deactivated ones included, by name. */
    public List<User> all(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from app_user where account_id = :accountId order by lower(name), id")
                .param("accountId", accountId)
                .query(UserRepository::map)
                .list();
    }

    public boolean emailTaken(String email, UUID exceptUserId) {
        return jdbc.sql("select exists (select 1 from app_user where lower(email) = lower(:email) and id <> :except)")
                .param("email", email)
                .param("except", exceptUserId == null ? new UUID(0, 0) : exceptUserId)
                .query(Boolean.class)
                .single();
    }

    public int countActiveAdmins(UUID accountId) {
        return jdbc.sql("select count(*) from app_user where account_id = :accountId and role = 'ADMIN' and active")
                .param("accountId", accountId)
                .query(Integer.class)
                .single();
    }

    /** The credentials behind a login, across accounts: people log in with their email alone. */
    public Optional<Credentials> credentials(String email) {
        return jdbc.sql("""
                select id, account_id, email, password_hash, role, active
                from app_user where lower(email) = lower(:email)
                """)
                .param("email", email)
                .query((rs, row) -> new Credentials(
                        rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("email"),
                        rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")),
                        rs.getBoolean("active")))
                .optional();
    }

    public Optional<String> passwordHash(UUID accountId, UUID userId) {
        return jdbc.sql("select password_hash from app_user where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", userId)
                .query(String.class)
                .optional();
    }

    static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("name"),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                ZoneId.of(rs.getString("time_zone")),
                Locale.forLanguageTag(rs.getString("locale")),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** What login needs to know of a user. */
    public record Credentials(UUID userId, UUID accountId, String email, String passwordHash, Role role,
            boolean active) {
    }
}
