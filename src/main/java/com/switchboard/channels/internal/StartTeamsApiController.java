package com.switchboard.channels.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Actor;
import com.switchboard.channels.StartTeams;
import com.switchboard.system.Refuses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "SMS channel")
class StartTeamsApiController {

    private final StartTeams startTeams;

    StartTeamsApiController(StartTeams startTeams) {
        this.startTeams = startTeams;
    }

    @Schema(name = "NumberStartTeam")
    record NumberTeamJson(@Schema(example = "+15145550100") String phone,
            @Schema(description = "The team; null for none (Unassigned)") @Nullable UUID teamId) {
    }

    @Schema(name = "StartTeams", description = "Which team's queue a conversation from an unknown customer starts "
            + "in, by the number they texted, and for the phone simulator")
    record StartTeamsJson(@Nullable UUID simulatorTeamId, List<NumberTeamJson> numbers) {

        static StartTeamsJson of(StartTeams.Choice choice) {
            return new StartTeamsJson(choice.simulatorTeamId(), choice.numbers().stream()
                    .map(n -> new NumberTeamJson(n.phone(), n.teamId())).toList());
        }
    }

    @Operation(operationId = "getStartTeams", summary = "Where new customers' conversations start (admins)")
    @Refuses(HttpStatus.FORBIDDEN)
    @GetMapping("/api/v1/account/start-teams")
    StartTeamsJson get(Actor actor) {
        return StartTeamsJson.of(startTeams.of(actor));
    }

    @Operation(operationId = "setStartTeams", summary = "Choose where new customers' conversations start (admins)",
            description = "Sets the simulator's team, and the team of each number listed; numbers left out keep "
                    + "theirs.")
    @Refuses(HttpStatus.FORBIDDEN)
    @PutMapping("/api/v1/account/start-teams")
    StartTeamsJson put(Actor actor, @RequestBody StartTeamsJson request) {
        var numbers = new LinkedHashMap<String, UUID>();
        if (request.numbers() != null) {
            request.numbers().forEach(n -> numbers.put(n.phone(), n.teamId()));
        }
        return StartTeamsJson.of(startTeams.change(actor, request.simulatorTeamId(), numbers));
    }
}
