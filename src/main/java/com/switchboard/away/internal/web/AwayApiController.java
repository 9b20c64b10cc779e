package com.switchboard.away.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Actor;
import com.switchboard.away.AwayChange;
import com.switchboard.away.AwayHistory;
import com.switchboard.away.AwayStatus;
import com.switchboard.away.AwayStatuses;
import com.switchboard.away.EndReason;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.Refuses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/users/{id}/away")
@Tag(name = "Away status")
class AwayApiController {

    private final AwayStatuses statuses;
    private final Clock clock;

    AwayApiController(AwayStatuses statuses, Clock clock) {
        this.statuses = statuses;
        this.clock = clock;
    }

    /** The request body of PUT; {@code away} is required. */
    record AwayRequest(@Schema(description = "Whether away mode is on") Boolean away,
            @Schema(description = "The teammate who gets new conversations; none when left out") @Nullable
            UUID delegateId,
            @Schema(description = "The first day back, in the user's time zone", example = "2026-12-14") @Nullable
            LocalDate returnOn,
            @Schema(description = "An exact instant away mode ends, instead of a day") @Nullable Instant returnAt,
            @Schema(example = "Back on the 14th; Marc covers for me.") @Nullable String message,
            @Schema(description = "Instead of delegateId: the team whose queue gets new conversations (R17)")
            @Nullable UUID delegateTeamId) {
    }

    @Schema(name = "AwayHandover", description = "A conversation the away rules moved during the period")
    record HandoverJson(UUID conversationId, UUID toUserId, Instant at) {
    }

    @Schema(name = "AwayPeriod")
    record PeriodJson(UUID id, Instant startedAt, @Nullable UUID startedBy, @Nullable UUID delegateId,
            @Schema(description = "Instead of a teammate, the team whose queue got new conversations (R17)") @Nullable
            UUID delegateTeamId,
            @Nullable LocalDate returnOn, @Nullable Instant returnAt, @Nullable String message,
            @Schema(description = "When it ended; null while it lasts") @Nullable Instant endedAt,
            @Schema(description = "How it ended; null while it lasts") @Nullable EndReason endReason,
            @Nullable UUID endedBy, List<HandoverJson> reassigned) {

        static PeriodJson of(AwayHistory history, Instant now) {
            var p = history.period();
            var reason = history.endReason(now);
            return new PeriodJson(p.id(), p.startedAt(), p.startedBy(), p.delegateId(), p.delegateTeamId(), p.returnOn(),
                    history.returnsAt(), p.message(), history.endedAt(now), reason,
                    p.endedBy(), history.handovers().stream()
                            .map(h -> new HandoverJson(h.conversationId(), h.toUserId(), h.at())).toList());
        }
    }

    @Operation(operationId = "getAwayStatus", summary = "A user's away status now")
    @GetMapping
    AwayStatus status(Actor actor, @PathVariable UUID id) {
        return statuses.status(actor, id);
    }

    @Operation(operationId = "setAwayStatus", summary = "Turn away mode on (or change it) or off: for yourself, or as an admin for anyone. "
            + "returnOn is the first day back in the user's time zone; returnAt an exact instant instead.",
            description = "Replaces the whole away status, as PUT does: a field left out is cleared (no delegate, "
                    + "no return date, no message), not kept. Send every field you want to keep.")
    @Refuses(HttpStatus.FORBIDDEN)
    @PutMapping
    AwayStatus change(Actor actor, @PathVariable UUID id, @RequestBody AwayRequest request) {
        if (request.away() == null) {
            // Another account's user is not found, whatever the body says.
            statuses.status(actor, id);
            throw new InvalidInputException("away", "away.required");
        }
        return statuses.change(actor, id, new AwayChange(request.away(), request.delegateId(), request.returnOn(),
                request.returnAt(), request.message(), request.delegateTeamId()));
    }

    @Operation(operationId = "listAwayPeriods",
            summary = "Every away period of a user, newest first: your own, or as an admin anyone's")
    @Refuses(HttpStatus.FORBIDDEN)
    @GetMapping("/history")
    List<PeriodJson> history(Actor actor, @PathVariable UUID id) {
        var now = clock.instant();
        return statuses.history(actor, id).stream().map(h -> PeriodJson.of(h, now)).toList();
    }
}
