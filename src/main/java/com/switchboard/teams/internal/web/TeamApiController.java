package com.switchboard.teams.internal.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Actor;
import com.switchboard.system.Refuses;
import com.switchboard.teams.Team;
import com.switchboard.teams.Teams;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams")
class TeamApiController {

    private final Teams teams;

    TeamApiController(Teams teams) {
        this.teams = teams;
    }

    @Schema(name = "Team", description = "A team: its queue holds its conversations that have no assignee")
    record TeamJson(UUID id, @Schema(example = "Service") String name, List<UUID> memberIds, Instant createdAt) {

        static TeamJson of(Team team) {
            return new TeamJson(team.id(), team.name(), team.memberIds(), team.createdAt());
        }
    }

    record CreateTeamRequest(@Schema(example = "Service") String name,
            @Schema(description = "Active users of the account; none when left out") @Nullable List<UUID> memberIds) {
    }

    @Schema(description = "Only the fields sent change")
    record UpdateTeamRequest(@Schema(example = "Service") @Nullable String name,
            @Schema(description = "Every member from now on") @Nullable List<UUID> memberIds) {
    }

    @Operation(operationId = "listTeams", summary = "The account's teams, by name")
    @GetMapping
    List<TeamJson> list(Actor actor) {
        return teams.list(actor).stream().map(TeamJson::of).toList();
    }

    @Operation(operationId = "createTeam", summary = "Create a team (admins)")
    @Refuses({ HttpStatus.FORBIDDEN, HttpStatus.CONFLICT })
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TeamJson create(Actor actor, @RequestBody CreateTeamRequest request) {
        return TeamJson.of(teams.create(actor, request.name(), request.memberIds()));
    }

    @Operation(operationId = "getTeam", summary = "A team")
    @GetMapping("/{id}")
    TeamJson get(Actor actor, @PathVariable UUID id) {
        return TeamJson.of(teams.get(actor, id));
    }

    @Operation(operationId = "updateTeam", summary = "Rename a team or set its members (admins)")
    @Refuses({ HttpStatus.FORBIDDEN, HttpStatus.CONFLICT })
    @PatchMapping("/{id}")
    TeamJson update(Actor actor, @PathVariable UUID id, @RequestBody UpdateTeamRequest request) {
        return TeamJson.of(teams.update(actor, id, request.name(), request.memberIds()));
    }

    @Operation(operationId = "deleteTeam", summary = "Delete a team (admins)", description = "No conversation is "
            + "lost: the team's conversations keep their assignee and have no team any more; those that waited in "
            + "its queue wait in Unassigned.")
    @Refuses(HttpStatus.FORBIDDEN)
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable UUID id) {
        teams.delete(actor, id);
    }

    @Operation(operationId = "addTeamMember", summary = "Add a member to a team (admins); adding one twice is fine")
    @Refuses(HttpStatus.FORBIDDEN)
    @PutMapping("/{id}/members/{userId}")
    TeamJson addMember(Actor actor, @PathVariable UUID id, @PathVariable UUID userId) {
        var members = new ArrayList<>(teams.get(actor, id).memberIds());
        members.add(userId);
        return TeamJson.of(teams.update(actor, id, null, members));
    }

    @Operation(operationId = "removeTeamMember", summary = "Take a member out of a team (admins)",
            description = "Their conversations stay theirs; only the team's queue is no longer theirs to see.")
    @Refuses(HttpStatus.FORBIDDEN)
    @DeleteMapping("/{id}/members/{userId}")
    TeamJson removeMember(Actor actor, @PathVariable UUID id, @PathVariable UUID userId) {
        var members = new ArrayList<>(teams.get(actor, id).memberIds());
        members.remove(userId);
        return TeamJson.of(teams.update(actor, id, null, members));
    }
}
