package com.switchboard.calendar.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.calendar.internal.TeamCalendar;
import com.switchboard.teams.Team;
import com.switchboard.teams.Teams;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Team calendar")
class CalendarApiController {

    private final TeamCalendar calendar;
    private final Users users;
    private final Teams teams;

    CalendarApiController(TeamCalendar calendar, Users users, Teams teams) {
        this.calendar = calendar;
        this.users = users;
        this.teams = teams;
    }

    @Schema(name = "Calendar", description = "Who is away when, over a range of days (R24)")
    record CalendarJson(
            @Schema(description = "The first day, in the caller's time zone", example = "2026-11-17") LocalDate from,
            @Schema(description = "The last day, included", example = "2027-01-26") LocalDate to,
            @Schema(description = "The active teammates, by name, with their teams") List<UserJson> users,
            @Schema(description = "Every away period with someone away during the range, by start")
            List<PeriodJson> periods) {
    }

    @Schema(name = "CalendarUser")
    record UserJson(UUID id, String name, @Schema(description = "IANA time zone, in which their dates are days",
            example = "America/Toronto") String timeZone, List<UUID> teamIds) {
    }

    @Schema(name = "CalendarPeriod")
    record PeriodJson(UUID id, UUID userId,
            @Schema(description = "When it starts or started: 00:00 of startOn in the user's time zone, or the "
                    + "exact start") Instant startsAt,
            @Schema(description = "The first day away, when the start was given as a day") @Nullable LocalDate startOn,
            @Schema(description = "When it ends by itself: 00:00 of returnOn in the user's time zone, or the exact "
                    + "return; null: until turned off") @Nullable Instant returnsAt,
            @Schema(description = "The first day back, when the return was given as a day") @Nullable LocalDate returnOn,
            @Schema(description = "The teammate who gets new conversations, or null") @Nullable UUID delegateId,
            @Schema(description = "Instead of a teammate, the team whose queue gets them (R17), or null") @Nullable
            UUID delegateTeamId,
            @Schema(description = "When it was ended before its return (turned off, by an admin), or null") @Nullable
            Instant endedAt,
            @Schema(description = "Whether it is still to start (R22)") boolean planned,
            @Schema(description = "Where it stands now") TeamCalendar.State state) {

        static PeriodJson of(TeamCalendar.Entry entry) {
            var p = entry.period();
            return new PeriodJson(p.id(), p.userId(), entry.startsAt(), p.startOn(), entry.returnsAt(), p.returnOn(),
                    p.delegateId(), p.delegateTeamId(), entry.endedEarly() ? p.endedAt() : null,
                    entry.state() == TeamCalendar.State.PLANNED, entry.state());
        }
    }

    @Operation(operationId = "getCalendar", summary = "Every teammate's away periods over a range of days (R24): "
            + "past, in effect and planned",
            description = "Days are read in the caller's time zone. Without from and to: two weeks back to eight "
                    + "weeks ahead, as the Team calendar page shows. The range may span at most a year.")
    @GetMapping("/api/v1/calendar")
    CalendarJson calendar(User me,
            @Parameter(description = "The first day (YYYY-MM-DD); two weeks ago when left out")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @Parameter(description = "The last day, included (YYYY-MM-DD); eight weeks after today, or after from, "
                    + "when left out")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @Parameter(description = "Only this teammate's periods")
            @RequestParam(required = false) @Nullable UUID userId) {
        var range = calendar.range(from, to, me.timeZone());
        if (userId != null) {
            users.get(me.actor(), userId);
        }
        List<Team> allTeams = teams.list(me.actor());
        var people = users.active(me.actor()).stream()
                .filter(u -> userId == null || u.id().equals(userId))
                .sorted(java.util.Comparator.comparing((User u) -> u.name().toLowerCase()))
                .map(u -> new UserJson(u.id(), u.name(), u.timeZone().getId(),
                        allTeams.stream().filter(t -> t.has(u.id())).map(Team::id).toList()))
                .toList();
        var periods = calendar.entries(me.actor(), range.start(), range.end()).stream()
                .filter(e -> userId == null || e.userId().equals(userId))
                .map(PeriodJson::of)
                .toList();
        return new CalendarJson(range.from(), range.to(), people, periods);
    }
}
