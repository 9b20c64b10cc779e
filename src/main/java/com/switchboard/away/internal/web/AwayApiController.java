package com.switchboard.away.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
import com.switchboard.system.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;
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
    record AwayRequest(Boolean away, UUID delegateId, LocalDate returnOn, Instant returnAt, String message) {
    }

    record HandoverJson(UUID conversationId, UUID toUserId, Instant at) {
    }

    record PeriodJson(UUID id, Instant startedAt, UUID startedBy, UUID delegateId, LocalDate returnOn,
            Instant returnAt, String message, Instant endedAt, String endReason, UUID endedBy,
            List<HandoverJson> reassigned) {

        static PeriodJson of(AwayHistory history, Instant now) {
            var p = history.period();
            var reason = history.endReason(now);
            return new PeriodJson(p.id(), p.startedAt(), p.startedBy(), p.delegateId(), p.returnOn(),
                    history.returnsAt(), p.message(), history.endedAt(now), reason == null ? null : reason.name(),
                    p.endedBy(), history.handovers().stream()
                            .map(h -> new HandoverJson(h.conversationId(), h.toUserId(), h.at())).toList());
        }
    }

    @Operation(summary = "A user's away status now")
    @GetMapping
    AwayStatus status(Actor actor, @PathVariable UUID id) {
        return statuses.status(actor, id);
    }

    @Operation(summary = "Turn away mode on (or change it) or off: for yourself, or as an admin for anyone. "
            + "returnOn is the first day back in the user's time zone; returnAt an exact instant instead.",
            description = "Replaces the whole away status, as PUT does: a field left out is cleared (no delegate, "
                    + "no return date, no message), not kept. Send every field you want to keep.")
    @PutMapping
    AwayStatus change(Actor actor, @PathVariable UUID id, @RequestBody AwayRequest request) {
        if (request.away() == null) {
            // Another account's user is not found, whatever the body says.
            statuses.status(actor, id);
            throw new InvalidInputException("away", "away.required");
        }
        return statuses.change(actor, id, new AwayChange(request.away(), request.delegateId(), request.returnOn(),
                request.returnAt(), request.message()));
    }

    @Operation(summary = "Every away period of a user, newest first: your own, or as an admin anyone's")
    @GetMapping("/history")
    List<PeriodJson> history(Actor actor, @PathVariable UUID id) {
        var now = clock.instant();
        return statuses.history(actor, id).stream().map(h -> PeriodJson.of(h, now)).toList();
    }
}
