package com.switchboard.customers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.switchboard.customers.Customer;

@Repository
public class CustomerRepository {

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the customer unless the account already has one with that phone; true if inserted. */
    public boolean insertIfAbsent(Customer customer) {
        return jdbc.sql("""
                insert into customer (id, account_id, name, phone, created_at)
                values (:id, :accountId, :name, :phone, :createdAt)
                on conflict (account_id, phone) do nothing
                """)
                .param("id", customer.id())
                .param("accountId", customer.accountId())
                .param("name", customer.name())
                .param("phone", customer.phone())
                .param("createdAt", Timestamp.from(customer.createdAt()))
                .update() == 1;
    }

    public Optional<Customer> find(UUID accountId, UUID id) {
        return jdbc.sql("select * from customer where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", id)
                .query(CustomerRepository::map)
                .optional();
    }

    public Optional<Customer> findByPhone(UUID accountId, String phone) {
        return jdbc.sql("select * from customer where account_id = :accountId and phone = :phone")
                .param("accountId", accountId)
                .param("phone", phone)
                .query(CustomerRepository::map)
                .optional();
    }

    /** Customers whose name contains the text, or whose number contains its digits. */
    public List<Customer> search(UUID accountId, String nameLike, String digitsLike, int limit) {
        return jdbc.sql("""
                select * from customer
                where account_id = :accountId
                  and (cast(:nameLike as text) is null or switchboard_fold(name) like switchboard_fold(:nameLike)
                       or (cast(:digitsLike as text) is not null and phone like :digitsLike))
                order by lower(coalesce(name, phone)), id
                limit :limit
                """)
                .param("accountId", accountId)
                .param("nameLike", nameLike)
                .param("digitsLike", digitsLike)
                .param("limit", limit)
                .query(CustomerRepository::map)
                .list();
    }

    public void rename(UUID accountId, UUID id, String name) {
        jdbc.sql("update customer set name = :name where account_id = :accountId and id = :id")
                .param("name", name)
                .param("accountId", accountId)
                .param("id", id)
                .update();
    }

    public void setUnsubscribed(UUID accountId, UUID id, Timestamp at) {
        jdbc.sql("update customer set unsubscribed_at = :at where account_id = :accountId and id = :id")
                .param("at", at)
                .param("accountId", accountId)
                .param("id", id)
                .update();
    }

    static Customer map(ResultSet rs, int row) throws SQLException {
        return new Customer(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("unsubscribed_at")).map(Timestamp::toInstant).orElse(null));
    }
}
