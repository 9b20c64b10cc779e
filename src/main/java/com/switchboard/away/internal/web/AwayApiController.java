package com.switchboard.away.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import com.switchboard.away.AwayChange;
import com.switchboard.away.AwayHistory;
import com.switchboard.away.AwayHistory.How;
import com.switchboard.away.AwayHistory.Outcome;
import com.switchboard.away.AwayPeriod;
import com.switchboard.away.AwayPlan;
import com.switchboard.away.AwayPlans;
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
    private final AwayPlans plans;
    private final Clock clock;

    AwayApiController(AwayStatuses statuses, AwayPlans plans, Clock clock) {
        this.statuses = statuses;
        this.plans = plans;
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
            @Nullable UUID delegateTeamId,
            @Schema(description = "R19: also hand every open conversation of the user to the delegate now; "
                    + "false when left out") @Nullable Boolean handOverNow,
            @Schema(description = "R20: at the end, give back the conversations the period moved that are still "
                    + "where it put them; true when left out") @Nullable Boolean handBack) {
    }

    /** The request body of POST periods: a period planned ahead (R22). */
    record PlanRequest(
            @Schema(description = "The first day away, from 00:00 in the user's time zone (read in the zone "
                    + "they have when it starts)", example = "2026-12-21") @Nullable LocalDate startOn,
            @Schema(description = "Instead of startOn: the exact instant it starts") @Nullable Instant startAt,
            @Nullable UUID delegateId,
            @Schema(description = "Instead of delegateId: the team whose queue gets new conversations (R17)")
            @Nullable UUID delegateTeamId,
            @Schema(description = "The first day back, in the user's time zone; none: until turned off",
                    example = "2027-01-04") @Nullable LocalDate returnOn,
            @Schema(description = "Instead of returnOn: the exact instant it ends") @Nullable Instant returnAt,
            @Nullable String message,
            @Schema(description = "R19: hand every open conversation to the delegate at the start; false when "
                    + "left out") @Nullable Boolean handOver,
            @Schema(description = "R20: give back at the end what the period moved; true when left out")
            @Nullable Boolean handBack) {

        AwayPlan plan() {
            return new AwayPlan(startOn, startAt, delegateId, delegateTeamId, returnOn, returnAt, message,
                    Boolean.TRUE.equals(handOver), !Boolean.FALSE.equals(handBack));
        }
    }

    /** The request body of PATCH periods: a field left out (or null) keeps its value. */
    record ChangePeriodRequest(@Nullable LocalDate startOn, @Nullable Instant startAt, @Nullable UUID delegateId,
            @Nullable UUID delegateTeamId, @Nullable LocalDate returnOn, @Nullable Instant returnAt,
            @Nullable String message, @Nullable Boolean handOver, @Nullable Boolean handBack,
            @Schema(description = "Remove the delegate (teammate or team)") @Nullable Boolean noDelegate,
            @Schema(description = "Remove the return: away until turned off") @Nullable Boolean noReturn) {

        AwayPlan over(AwayPeriod period) {
            boolean newStart = startOn != null || startAt != null;
            boolean newDelegate = delegateId != null || delegateTeamId != null || Boolean.TRUE.equals(noDelegate);
            boolean newReturn = returnOn != null || returnAt != null || Boolean.TRUE.equals(noReturn);
            return new AwayPlan(newStart ? startOn : period.startOn(), newStart ? startAt : period.startAt(),
                    newDelegate ? delegateId : period.delegateId(), newDelegate ? delegateTeamId : period.delegateTeamId(),
                    newReturn ? returnOn : period.returnOn(), newReturn ? returnAt : period.returnAt(),
                    message != null ? message : period.message(),
                    handOver != null ? handOver : period.handOver(), handBack != null ? handBack : period.handBack());
        }
    }

    @Schema(name = "AwayHandover", description = "A conversation the away period moved, and what became of it")
    record HandoverJson(UUID conversationId,
            @Schema(description = "The delegate who got it; null when it went to a queue or to nobody") @Nullable
            UUID toUserId,
            @Schema(description = "The team whose queue got it, or null") @Nullable UUID toTeamId,
            How how, Instant at,
            @Schema(description = "What became of it at the end (R20); null while the period lasts") @Nullable
            Outcome outcome) {
    }

    @Schema(name = "AwayPeriod")
    record PeriodJson(UUID id,
            @Schema(description = "When it starts or started; for a start given as a day, 00:00 of it in the "
                    + "user's time zone now") Instant startedAt,
            @Schema(description = "The first day away, when the start was given as a day") @Nullable LocalDate startOn,
            @Schema(description = "Whether it is still to start (R22)") boolean planned,
            @Nullable UUID startedBy, @Nullable UUID delegateId,
            @Schema(description = "Instead of a teammate, the team whose queue got new conversations (R17)") @Nullable
            UUID delegateTeamId,
            @Nullable LocalDate returnOn, @Nullable Instant returnAt, @Nullable String message,
            boolean handOver, boolean handBack,
            @Schema(description = "When it ended; null while it lasts") @Nullable Instant endedAt,
            @Schema(description = "How it ended; null while it lasts") @Nullable EndReason endReason,
            @Nullable UUID endedBy, List<HandoverJson> reassigned) {

        static PeriodJson of(AwayHistory history, Instant now) {
            var p = history.period();
            var reason = history.endReason(now);
            return new PeriodJson(p.id(), history.startsAt(), p.startOn(), p.isOpen() && now.isBefore(history.startsAt()),
                    p.startedBy(), p.delegateId(), p.delegateTeamId(), p.returnOn(),
                    history.returnsAt(), p.message(), p.handOver(), p.handBack(), history.endedAt(now), reason,
                    p.endedBy(), history.handovers().stream()
                            .map(h -> new HandoverJson(h.conversationId(), h.toUserId(), h.toTeamId(), h.how(), h.at(),
                                    h.outcome()))
                            .toList());
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
                    + "no return date, no message), not kept. Send every field you want to keep. A period planned "
                    + "ahead is made with POST .../away/periods.")
    @Refuses(HttpStatus.FORBIDDEN)
    @PutMapping
    AwayStatus change(Actor actor, @PathVariable UUID id, @RequestBody AwayRequest request) {
        if (request.away() == null) {
            // Another account's user is not found, whatever the body says.
            statuses.status(actor, id);
            throw new InvalidInputException("away", "away.required");
        }
        return statuses.change(actor, id, new AwayChange(request.away(), request.delegateId(), request.returnOn(),
                request.returnAt(), request.message(), request.delegateTeamId(),
                Boolean.TRUE.equals(request.handOverNow()), !Boolean.FALSE.equals(request.handBack())));
    }

    @Operation(operationId = "listAwayPeriods",
            summary = "Every away period of a user, newest first: your own, or as an admin anyone's")
    @Refuses(HttpStatus.FORBIDDEN)
    @GetMapping("/history")
    List<PeriodJson> history(Actor actor, @PathVariable UUID id) {
        var now = clock.instant();
        return statuses.history(actor, id).stream().map(h -> PeriodJson.of(h, now)).toList();
    }

    @Operation(operationId = "listCurrentAndPlannedAwayPeriods",
            summary = "A user's away period in effect, if any, then those planned, soonest first (R22)")
    @GetMapping("/periods")
    List<PeriodJson> periods(Actor actor, @PathVariable UUID id) {
        var now = clock.instant();
        var zone = plans.timeZone(actor, id);
        return plans.periods(actor, id).stream()
                .map(p -> PeriodJson.of(new AwayHistory(p, p.startsAt(zone), p.returnsAt(zone), List.of()), now))
                .toList();
    }

    @Operation(operationId = "planAwayPeriod", summary = "Plan an away period ahead (R22): yours, or as an admin "
            + "anyone's. It may not overlap another of the same user.")
    @Refuses(HttpStatus.FORBIDDEN)
    @PostMapping("/periods")
    @ResponseStatus(HttpStatus.CREATED)
    PeriodJson plan(Actor actor, @PathVariable UUID id, @RequestBody PlanRequest request) {
        var period = plans.plan(actor, id, request.plan());
        var zone = plans.timeZone(actor, id);
        return PeriodJson.of(new AwayHistory(period, period.startsAt(zone), period.returnsAt(zone), List.of()),
                clock.instant());
    }

    @Operation(operationId = "changeAwayPeriod", summary = "Change a planned period, or the one in effect (all "
            + "but its start); a field left out keeps its value")
    @Refuses({ HttpStatus.FORBIDDEN, HttpStatus.CONFLICT })
    @PatchMapping("/periods/{periodId}")
    PeriodJson changePeriod(Actor actor, @PathVariable UUID id, @PathVariable UUID periodId,
            @RequestBody ChangePeriodRequest request) {
        var current = plans.notEnded(actor, id, periodId);
        var period = plans.changePeriod(actor, id, periodId, request.over(current));
        var zone = plans.timeZone(actor, id);
        return PeriodJson.of(new AwayHistory(period, period.startsAt(zone), period.returnsAt(zone), List.of()),
                clock.instant());
    }

    @Operation(operationId = "cancelAwayPeriod", summary = "Cancel a planned period (nothing of it is kept), or "
            + "end the one in effect as turning away mode off does")
    @Refuses({ HttpStatus.FORBIDDEN, HttpStatus.CONFLICT })
    @DeleteMapping("/periods/{periodId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(Actor actor, @PathVariable UUID id, @PathVariable UUID periodId) {
        plans.cancel(actor, id, periodId);
    }
}
