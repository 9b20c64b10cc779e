package com.switchboard.teams;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.Users;
import com.switchboard.system.ConflictException;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;
import com.switchboard.system.StorableText;
import com.switchboard.teams.internal.TeamRepository;

/**
 * The account's teams. Everyone reads them; admins create, rename and delete them and choose
 * their members. Deleting a team or taking a member out never touches a conversation's assignee:
 * the team's conversations simply have no team any more (see V17).
 */
@Service
public class Teams {

    public static final int MAX_NAME = 60;

    private final TeamRepository teams;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Teams(TeamRepository teams, Users users, ApplicationEventPublisher events, Clock clock) {
        this.teams = teams;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** The account's teams, by name. */
    public List<Team> list(Actor actor) {
        return teams.all(actor.accountId());
    }

    public List<Team> all(UUID accountId) {
        return teams.all(accountId);
    }

    public Team get(Actor actor, UUID id) {
        return teams.find(actor.accountId(), id).orElseThrow(NotFoundException::new);
    }

    public Optional<Team> find(UUID accountId, UUID id) {
        return teams.find(accountId, id);
    }

    /** The teams a user belongs to, by name. */
    public List<Team> of(UUID accountId, UUID userId) {
        return teams.all(accountId).stream().filter(team -> team.has(userId)).toList();
    }

    /** A team of the caller's account, for an input that names one: refused with the field's name otherwise. */
    public Team require(Actor actor, UUID teamId, String field) {
        return teams.find(actor.accountId(), teamId)
                .orElseThrow(() -> new InvalidInputException(field, "teams.invalid"));
    }

    @Transactional
    public Team create(Actor actor, String name, Collection<UUID> memberIds) {
        actor.requireAdmin();
        var checks = new InvalidInputException.Checks();
        String checkedName = name(name, checks);
        var members = members(actor, memberIds == null ? List.of() : memberIds, checks);
        checks.throwIfAny();
        UUID id = UUID.randomUUID();
        try {
            teams.insert(actor.accountId(), id, checkedName, clock.instant());
        }
        catch (DuplicateKeyException taken) {
            throw new ConflictException("name", "teams.nameTaken", checkedName);
        }
        teams.setMembers(actor.accountId(), id, members, clock.instant());
        events.publishEvent(new TeamsChanged(actor.accountId(), id));
        return teams.find(actor.accountId(), id).orElseThrow();
    }

    /**
     * Renames a team and/or sets its members.
     *
     * @param name the new name, or null to keep it
     * @param memberIds every member it has from now on, or null to keep them
     */
    @Transactional
    public Team update(Actor actor, UUID id, String name, Collection<UUID> memberIds) {
        actor.requireAdmin();
        var team = teams.lock(actor.accountId(), id).orElseThrow(NotFoundException::new);
        var checks = new InvalidInputException.Checks();
        String checkedName = name == null ? team.name() : name(name, checks);
        var members = memberIds == null ? null : members(actor, memberIds, checks);
        checks.throwIfAny();
        if (!checkedName.equals(team.name())) {
            try {
                teams.rename(actor.accountId(), id, checkedName);
            }
            catch (DuplicateKeyException taken) {
                throw new ConflictException("name", "teams.nameTaken", checkedName);
            }
        }
        if (members != null) {
            teams.setMembers(actor.accountId(), id, members, clock.instant());
        }
        events.publishEvent(new TeamsChanged(actor.accountId(), id));
        return teams.find(actor.accountId(), id).orElseThrow();
    }

    /** Deletes a team; its conversations keep their assignee and lose the team (V17). */
    @Transactional
    public void delete(Actor actor, UUID id) {
        actor.requireAdmin();
        teams.lock(actor.accountId(), id).orElseThrow(NotFoundException::new);
        teams.delete(actor.accountId(), id);
        events.publishEvent(new TeamsChanged(actor.accountId(), id));
    }

    private static String name(String name, InvalidInputException.Checks checks) {
        String trimmed = name == null ? "" : StorableText.clean(name).strip();
        if (trimmed.isEmpty()) {
            checks.reject("name", "teams.nameRequired");
        }
        else if (trimmed.length() > MAX_NAME) {
            checks.reject("name", "name.tooLong", MAX_NAME);
        }
        return trimmed;
    }

    // Active users of the account only, each once, in the order given.
    private List<UUID> members(Actor actor, Collection<UUID> memberIds, InvalidInputException.Checks checks) {
        var members = new ArrayList<UUID>();
        for (UUID userId : new LinkedHashSet<>(memberIds)) {
            var user = userId == null ? Optional.<com.switchboard.accounts.User>empty()
                    : users.find(actor.accountId(), userId);
            if (user.isEmpty() || !user.get().active()) {
                checks.reject("memberIds", "teams.memberInvalid");
                return List.of();
            }
            members.add(userId);
        }
        return members;
    }
}
