package com.switchboard.accounts;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.internal.AccountRepository;
import com.switchboard.accounts.internal.UserRepository;
import com.switchboard.system.ConflictException;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;

/** The teammates of an account. Admins manage them; everyone manages their own profile. */
@Service
public class Users {

    private final UserRepository users;
    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Users(UserRepository users, AccountRepository accounts, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /** Everyone in the caller's account, deactivated users included, by name. */
    public List<User> list(Actor actor) {
        return users.all(actor.accountId());
    }

    /** Everyone in an account; for rendering names, which deactivated users keep. */
    public List<User> all(UUID accountId) {
        return users.all(accountId);
    }

    /** Active teammates, the ones that can be given work. */
    public List<User> active(Actor actor) {
        return users.all(actor.accountId()).stream().filter(User::active).toList();
    }

    public User get(Actor actor, UUID id) {
        return users.find(actor.accountId(), id).orElseThrow(NotFoundException::new);
    }

    /** The user behind a session or token, whatever their state; empty if they no longer exist. */
    public java.util.Optional<User> find(UUID accountId, UUID userId) {
        return users.find(accountId, userId);
    }

    /**
     * The user to give work to: an active user of the caller's account. Anything else is bad input
     * (for the field named), never a hint that the id exists elsewhere.
     */
    public User requireAssignable(Actor actor, UUID userId, String field) {
        return users.find(actor.accountId(), userId)
                .filter(User::active)
                .orElseThrow(() -> new InvalidInputException(field, "user.notAssignable"));
    }

    @Transactional
    public User create(Actor actor, NewUser form) {
        actor.requireAdmin();
        var account = accounts.find(actor.accountId()).orElseThrow(NotFoundException::new);
        var checks = new InvalidInputException.Checks();
        String name = UserInput.name(form.name(), "name", checks);
        String email = UserInput.email(form.email(), checks);
        PasswordRules.check(form.password(), "password", checks);
        Role role = UserInput.role(form.role(), Role.AGENT, checks);
        var zone = UserInput.timeZone(form.timeZone(), account.timeZone(), checks);
        var locale = UserInput.locale(form.locale(), Languages.ENGLISH, checks);
        checks.throwIfAny();
        if (users.emailTaken(email, null)) {
            throw new ConflictException("email", "email.taken");
        }
        var user = new User(UUID.randomUUID(), actor.accountId(), name, email, role, zone, locale, true,
                clock.instant());
        try {
            users.insert(user, passwordEncoder.encode(form.password()));
        }
        catch (DuplicateKeyException raced) {
            throw new ConflictException("email", "email.taken");
        }
        return user;
    }

    @Transactional
    public User update(Actor actor, UUID id, UserChanges changes) {
        User current = get(actor, id);
        boolean self = actor.is(id);
        // Anyone changes their own name, zone, language and password; the rest is for admins.
        if (!self || changes.email() != null || changes.role() != null || changes.active() != null) {
            actor.requireAdmin();
        }
        var checks = new InvalidInputException.Checks();
        String name = changes.name() == null ? current.name() : UserInput.name(changes.name(), "name", checks);
        String email = changes.email() == null ? current.email() : UserInput.email(changes.email(), checks);
        Role role = UserInput.role(changes.role(), current.role(), checks);
        var zone = UserInput.timeZone(changes.timeZone(), current.timeZone(), checks);
        var locale = UserInput.locale(changes.locale(), current.locale(), checks);
        boolean active = changes.active() == null ? current.active() : changes.active();
        if (changes.password() != null) {
            PasswordRules.check(changes.password(), "password", checks);
            // Anyone changing their own password proves they know the current one.
            if (self && !currentPasswordMatches(current, changes.currentPassword())) {
                checks.reject("currentPassword", "password.currentWrong");
            }
        }
        if (self && !active) {
            checks.reject("active", "user.cannotDeactivateSelf");
        }
        checks.throwIfAny();
        boolean losesAdmin = current.isAdmin() && current.active() && (role != Role.ADMIN || !active);
        if (losesAdmin && users.countActiveAdmins(actor.accountId()) <= 1) {
            throw new ConflictException("role", "user.lastAdmin");
        }
        if (!email.equals(current.email()) && users.emailTaken(email, id)) {
            throw new ConflictException("email", "email.taken");
        }
        var updated = new User(id, current.accountId(), name, email, role, zone, locale, active, current.createdAt());
        try {
            users.update(updated);
        }
        catch (DuplicateKeyException raced) {
            throw new ConflictException("email", "email.taken");
        }
        if (changes.password() != null) {
            users.updatePassword(actor.accountId(), id, passwordEncoder.encode(changes.password()));
        }
        if (current.active() && !active) {
            events.publishEvent(new UserDeactivated(actor.accountId(), id, actor.userId()));
            events.publishEvent(new AccessEnded(actor.accountId(), id, null));
        }
        return updated;
    }

    private boolean currentPasswordMatches(User user, String currentPassword) {
        return currentPassword != null && users.passwordHash(user.accountId(), user.id())
                .map(hash -> passwordEncoder.matches(currentPassword, hash))
                .orElse(false);
    }
}
