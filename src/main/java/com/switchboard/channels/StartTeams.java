package com.switchboard.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.Actor;
import com.switchboard.channels.internal.StartTeamRepository;
import com.switchboard.system.InvalidInputException;
import com.switchboard.teams.Teams;
import com.switchboard.teams.TeamsChanged;

/**
 * Which team a conversation from an unknown customer starts in, by the number they texted (and
 * for the phone simulator). Admins choose it; none is the default (the conversation starts in
 * Unassigned, as before teams).
 */
@Service
public class StartTeams {

    private final StartTeamRepository repository;
    private final Teams teams;
    private final ApplicationEventPublisher events;

    StartTeams(StartTeamRepository repository, Teams teams, ApplicationEventPublisher events) {
        this.repository = repository;
        this.teams = teams;
        this.events = events;
    }

    /**
     * The account's choices.
     *
     * @param numbers each of the account's numbers, in order, with its team (null for none)
     */
    public record Choice(UUID simulatorTeamId, List<NumberTeam> numbers) {
    }

    public record NumberTeam(String phone, UUID teamId) {
    }

    public Choice of(Actor actor) {
        actor.requireAdmin();
        var numbers = new ArrayList<NumberTeam>();
        repository.numberTeams(actor.accountId()).forEach((phone, team) -> numbers.add(new NumberTeam(phone, team)));
        return new Choice(repository.simulatorTeam(actor.accountId()).orElse(null), numbers);
    }

    /**
     * Sets the simulator's team and each number's that is named ({@code numbers} may leave some
     * out, which keep theirs).
     */
    @Transactional
    public Choice change(Actor actor, UUID simulatorTeamId, Map<String, UUID> numbers) {
        actor.requireAdmin();
        var checks = new InvalidInputException.Checks();
        if (simulatorTeamId != null && teams.find(actor.accountId(), simulatorTeamId).isEmpty()) {
            checks.reject("simulatorTeamId", "teams.invalid");
        }
        var own = repository.numberTeams(actor.accountId());
        numbers.forEach((phone, team) -> {
            if (!own.containsKey(phone)) {
                checks.reject("numbers", "sms.numberNotOurs", phone);
            }
            else if (team != null && teams.find(actor.accountId(), team).isEmpty()) {
                checks.reject("numbers", "teams.invalid");
            }
        });
        checks.throwIfAny();
        repository.setSimulatorTeam(actor.accountId(), simulatorTeamId);
        numbers.forEach((phone, team) -> repository.setNumberTeam(actor.accountId(), phone, team));
        events.publishEvent(new TeamsChanged(actor.accountId(), null));
        return of(actor);
    }

    /** The team new customers who text this number of the account start in, if any. */
    public UUID forNumber(UUID accountId, String e164) {
        return repository.numberTeams(accountId).get(e164);
    }

    public UUID forSimulator(UUID accountId) {
        return repository.simulatorTeam(accountId).orElse(null);
    }
}
