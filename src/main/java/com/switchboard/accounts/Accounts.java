package com.switchboard.accounts;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.internal.AccountRepository;
import com.switchboard.accounts.internal.UserRepository;
import com.switchboard.system.ConflictException;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;

/** Creating an account with its first admin, and the company settings. */
@Service
public class Accounts {

    static final int MAX_ACCOUNT_NAME = 100;

    private final AccountRepository accounts;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Accounts(AccountRepository accounts, UserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** The account and its first admin, both created or neither. */
    public record SignedUp(Account account, User admin) {
    }

    @Transactional
    public SignedUp signUp(SignUp form) {
        var checks = new InvalidInputException.Checks();
        String accountName = accountName(form.accountName(), checks);
        String name = UserInput.name(form.name(), "name", checks);
        String email = UserInput.email(form.email(), checks);
        PasswordRules.check(form.password(), "password", checks);
        ZoneId zone = UserInput.timeZone(form.timeZone(), null, checks);
        var locale = UserInput.locale(form.locale(), Languages.ENGLISH, checks);
        checks.throwIfAny();
        if (users.emailTaken(email, null)) {
            throw new ConflictException("email", "email.taken");
        }
        var now = clock.instant();
        var account = new Account(UUID.randomUUID(), accountName, zone, TimeZones.country(zone), now);
        var admin = new User(UUID.randomUUID(), account.id(), name, email, Role.ADMIN, zone, locale, true, now);
        accounts.insert(account);
        try {
            users.insert(admin, passwordEncoder.encode(form.password()));
        }
        catch (DuplicateKeyException raced) {
            throw new ConflictException("email", "email.taken");
        }
        return new SignedUp(account, admin);
    }

    public Account get(Actor actor) {
        return accounts.find(actor.accountId()).orElseThrow(NotFoundException::new);
    }

    /** Company settings; admins only. Null fields stay as they are. */
    @Transactional
    public Account update(Actor actor, String name, String timeZone) {
        actor.requireAdmin();
        Account current = get(actor);
        var checks = new InvalidInputException.Checks();
        String newName = name == null ? current.name() : accountName(name, checks);
        ZoneId zone = UserInput.timeZone(timeZone, current.timeZone(), checks);
        checks.throwIfAny();
        var updated = new Account(current.id(), newName, zone,
                zone.equals(current.timeZone()) ? current.country() : TimeZones.country(zone), current.createdAt());
        accounts.update(updated);
        return updated;
    }

    /** Whether the account's first steps were put away by an admin. */
    public boolean firstStepsDismissed(Actor actor) {
        return accounts.firstStepsDismissed(actor.accountId());
    }

    /** An admin puts the first steps away for the whole account. */
    @Transactional
    public void dismissFirstSteps(Actor actor) {
        actor.requireAdmin();
        accounts.dismissFirstSteps(actor.accountId(), clock.instant());
    }

    /** True once any account exists: the demo data is loaded only into an empty database. */
    public boolean anyExists() {
        return accounts.any();
    }

    private static String accountName(String value, InvalidInputException.Checks checks) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            checks.reject("accountName", "accountName.required");
        }
        else if (trimmed.length() > MAX_ACCOUNT_NAME) {
            checks.reject("accountName", "accountName.tooLong", MAX_ACCOUNT_NAME);
        }
        return trimmed;
    }
}
