package com.switchboard.customers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.Actor;
import com.switchboard.accounts.Users;
import com.switchboard.customers.internal.CustomerRepository;
import com.switchboard.system.ConflictException;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;

/** Finding, adding and naming customers, always within the caller's account. */
@Service
public class Customers {

    static final int MAX_NAME = 100;

    private final CustomerRepository customers;
    private final Accounts accounts;
    private final Users users;
    private final PhoneNumbers phones;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Customers(CustomerRepository customers, Accounts accounts, Users users, PhoneNumbers phones,
            ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.accounts = accounts;
        this.users = users;
        this.phones = phones;
        this.events = events;
        this.clock = clock;
    }

    /** A customer added by a teammate; their conversation goes to the assignee, if any. */
    @Transactional
    public Customer create(Actor actor, String name, String phone, UUID assigneeId) {
        var checks = new InvalidInputException.Checks();
        String cleanName = name(name, checks);
        String e164 = null;
        try {
            e164 = phones.parse(phone, accounts.get(actor).country(), "phone");
        }
        catch (InvalidInputException e) {
            e.problems().forEach(p -> checks.reject(p.field(), p.messageKey(), p.args()));
        }
        if (assigneeId != null) {
            try {
                users.requireAssignable(actor, assigneeId, "assigneeId");
            }
            catch (InvalidInputException e) {
                e.problems().forEach(p -> checks.reject(p.field(), p.messageKey(), p.args()));
            }
        }
        checks.throwIfAny();
        var customer = new Customer(UUID.randomUUID(), actor.accountId(), cleanName, e164, clock.instant(), null);
        if (!customers.insertIfAbsent(customer)) {
            throw new ConflictException("phone", "customer.phoneTaken", phones.display(e164));
        }
        events.publishEvent(new CustomerCreated(actor.accountId(), customer.id(), actor.userId(), assigneeId));
        return customer;
    }

    /**
     * The customer who texts from a number, created (nameless, with an unassigned conversation) if
     * the account has never heard from it. Safe against the same new number texting twice at once.
     */
    @Transactional
    public Customer byPhoneOrNew(UUID accountId, String e164) {
        var existing = customers.findByPhone(accountId, e164);
        if (existing.isPresent()) {
            return existing.get();
        }
        var customer = new Customer(UUID.randomUUID(), accountId, null, e164, clock.instant(), null);
        if (customers.insertIfAbsent(customer)) {
            events.publishEvent(new CustomerCreated(accountId, customer.id(), null, null));
            return customer;
        }
        return customers.findByPhone(accountId, e164).orElseThrow();
    }

    public Customer get(Actor actor, UUID id) {
        return customers.find(actor.accountId(), id).orElseThrow(NotFoundException::new);
    }

    /** The account's customer with that number, if any. */
    public java.util.Optional<Customer> byPhone(Actor actor, String e164) {
        return customers.findByPhone(actor.accountId(), e164);
    }

    /** The E.164 form of a number typed by someone of the caller's account. */
    public String parsePhone(Actor actor, String input, String field) {
        return phones.parse(input, accounts.get(actor).country(), field);
    }

    /** Customers by name or phone; an empty query lists them all, up to the limit. */
    public List<Customer> search(Actor actor, String query, int limit) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return customers.search(actor.accountId(), null, null, limit);
        }
        return customers.search(actor.accountId(), "%" + likeEscape(text) + "%", digitsLike(text), limit);
    }

    @Transactional
    public Customer rename(Actor actor, UUID id, String name) {
        var customer = get(actor, id);
        var checks = new InvalidInputException.Checks();
        String cleanName = name(name, checks);
        checks.throwIfAny();
        customers.rename(actor.accountId(), id, cleanName);
        return new Customer(customer.id(), customer.accountId(), cleanName, customer.phone(), customer.createdAt(),
                customer.unsubscribedAt());
    }

    /** The LIKE pattern for the digits of a query that looks like part of a phone number, else null. */
    /**
     * Records that the customer opted out of texts (they sent STOP), or back in (START): carriers
     * require that nothing is sent to a customer who opted out.
     */
    @Transactional
    public void setSubscribed(UUID accountId, UUID customerId, boolean subscribed, Instant at) {
        customers.setUnsubscribed(accountId, customerId, subscribed ? null : Timestamp.from(at));
    }

    public static String digitsLike(String query) {
        String digits = query.replaceAll("[^0-9]", "");
        boolean phoneish = query.matches("[0-9+().\\-\\s]+");
        return phoneish && digits.length() >= 3 ? "%" + digits + "%" : null;
    }

    public static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String name(String name, InvalidInputException.Checks checks) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            checks.reject("name", "customer.nameRequired");
        }
        else if (trimmed.length() > MAX_NAME) {
            checks.reject("name", "name.tooLong", MAX_NAME);
        }
        return trimmed;
    }
}
