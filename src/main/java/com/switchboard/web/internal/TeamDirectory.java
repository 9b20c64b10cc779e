package com.switchboard.web.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.switchboard.teams.Team;

/**
 * The account's teams as a page names them (the picker's queues, a conversation's team, the
 * timeline), read once per rendering, on first use.
 */
public final class TeamDirectory {

    private final Supplier<List<Team>> load;
    private List<Team> teams;

    TeamDirectory(Supplier<List<Team>> load) {
        this.load = load;
    }

    public List<Team> all() {
        if (teams == null) {
            teams = load.get();
        }
        return teams;
    }

    /** The team's name; null for a team deleted since (its lines then say "a deleted team"). */
    public String name(UUID teamId) {
        return all().stream().filter(team -> team.id().equals(teamId)).map(Team::name).findFirst().orElse(null);
    }
}
