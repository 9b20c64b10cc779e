package com.switchboard.accounts;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.internal.AccountRepository;
import com.switchboard.accounts.internal.PendingSignUps;
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
    private final PendingSignUps pending;
    private final Clock clock;

    Accounts(AccountRepository accounts, UserRepository users, PasswordEncoder passwordEncoder, Clock clock,
            PendingSignUps pending) {
        this.pending = pending;
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
        var checked = check(form);
        if (users.emailTaken(checked.email(), null)) {
            throw new ConflictException("email", "email.taken");
        }
        return create(checked);
    }

    /**
     * The mail a sign-up asks for, where mail confirms addresses: a link that confirms a new
     * address, or, to the owner of a known one, a word that someone tried to sign up with it.
     *
     * @param name whom the mail greets: who signed up, or the owner
     * @param locale the language of the mail: the sign-up's, or the owner's
     * @param confirmationToken the link's token; null for the mail to the owner
     */
    public record SignUpMail(String email, String name, String accountName, Locale locale, String confirmationToken) {

        public boolean toOwner() {
            return confirmationToken == null;
        }

        @Override
        public String toString() {
            return "SignUpMail[" + email + ", toOwner=" + toOwner() + "]";
        }
    }

    /**
     * A sign-up where mail confirms addresses: checked as any sign-up, then kept until the link
     * mailed to the address is followed. A known email is not said to be taken: its owner is told
     * by mail, and the caller answers exactly as for a new email.
     */
    @Transactional
    public SignUpMail requestSignUp(SignUp form) {
        var checked = check(form);
        var owner = users.credentials(checked.email()).flatMap(c -> users.find(c.accountId(), c.userId()));
        if (owner.isPresent()) {
            return new SignUpMail(owner.get().email(), owner.get().name(), checked.accountName(), owner.get().locale(),
                    null);
        }
        return new SignUpMail(checked.email(), checked.name(), checked.accountName(),
                Locale.forLanguageTag(checked.locale()), pending.add(checked, clock.instant()));
    }

    /** The account of a confirmed sign-up; not found when the link is unknown, used or too old. */
    @Transactional
    public SignedUp confirmSignUp(String token) {
        var waiting = pending.take(token, clock.instant()).orElseThrow(NotFoundException::new);
        if (users.emailTaken(waiting.email(), null)) {
            throw new ConflictException("email", "email.taken");
        }
        return create(waiting);
    }

    /** Whether a confirmation link still works. */
    public boolean signUpWaiting(String token) {
        return pending.waiting(token, clock.instant());
    }

    private PendingSignUps.Pending check(SignUp form) {
        var checks = new InvalidInputException.Checks();
        String accountName = accountName(form.accountName(), checks);
        String name = UserInput.name(form.name(), "name", checks);
        String email = UserInput.email(form.email(), checks);
        PasswordRules.check(form.password(), "password", checks);
        ZoneId zone = UserInput.timeZone(form.timeZone(), null, checks);
        var locale = UserInput.locale(form.locale(), Languages.ENGLISH, checks);
        checks.throwIfAny();
        return new PendingSignUps.Pending(accountName, name, email, passwordEncoder.encode(form.password()),
                zone.getId(), locale.getLanguage());
    }

    private SignedUp create(PendingSignUps.Pending checked) {
        var now = clock.instant();
        ZoneId zone = ZoneId.of(checked.timeZone());
        var account = new Account(UUID.randomUUID(), checked.accountName(), zone, TimeZones.country(zone), now,
                AwayFallback.KEEP);
        var admin = new User(UUID.randomUUID(), account.id(), checked.name(), checked.email(), Role.ADMIN, zone,
                Locale.forLanguageTag(checked.locale()), true, now);
        accounts.insert(account);
        try {
            users.insert(admin, checked.passwordHash());
        }
        catch (DuplicateKeyException raced) {
            throw new ConflictException("email", "email.taken");
        }
        return new SignedUp(account, admin);
    }

    public Account get(Actor actor) {
        return accounts.find(actor.accountId()).orElseThrow(NotFoundException::new);
    }

    /** What happens when an away user's delegate is away too, for the away rules (R18). */
    public AwayFallback awayFallback(UUID accountId) {
        return accounts.find(accountId).map(Account::awayFallback).orElse(AwayFallback.KEEP);
    }

    /** Company settings; admins only. Null fields stay as they are. */
    @Transactional
    public Account update(Actor actor, String name, String timeZone) {
        return update(actor, name, timeZone, null);
    }

    /** Company settings, with what happens when a delegate is away too (R18); null fields stay as they are. */
    @Transactional
    public Account update(Actor actor, String name, String timeZone, AwayFallback awayFallback) {
        actor.requireAdmin();
        Account current = get(actor);
        var checks = new InvalidInputException.Checks();
        String newName = name == null ? current.name() : accountName(name, checks);
        ZoneId zone = UserInput.timeZone(timeZone, current.timeZone(), checks);
        checks.throwIfAny();
        var updated = new Account(current.id(), newName, zone,
                zone.equals(current.timeZone()) ? current.country() : TimeZones.country(zone), current.createdAt(),
                awayFallback == null ? current.awayFallback() : awayFallback);
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
