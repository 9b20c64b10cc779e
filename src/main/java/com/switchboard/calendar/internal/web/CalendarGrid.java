package com.switchboard.calendar.internal.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.switchboard.accounts.User;
import com.switchboard.calendar.internal.TeamCalendar;
import com.switchboard.calendar.internal.TeamCalendar.Entry;
import com.switchboard.calendar.internal.TeamCalendar.State;
import com.switchboard.teams.Team;

/**
 * The team calendar as the page shows it (R24): a column per day, a row per teammate under each of
 * their teams (those in none last), and each away period a bar over the days it covers. Everything
 * the template decides is decided here; {@code calendar/grid.html} prints it.
 *
 * @param days the columns, in the viewer's time zone
 * @param groups the teams in name order, each with its members; then those in no team
 */
public record CalendarGrid(TeamCalendar.Range range, List<Day> days, List<Group> groups) {

    /**
     * A column.
     *
     * @param monthStart whether the month's name goes above it: the first column and each 1st
     */
    public record Day(LocalDate date, boolean today, boolean weekend, boolean monthStart) {
    }

    /**
     * A team and its members, or everyone in no team.
     *
     * @param name the team's name; null for those in no team
     * @param key the heading's message key when there is no name
     */
    public record Group(String name, String key, List<Row> rows) {
    }

    /**
     * A teammate's row: one lane of bars, or more where periods share a day (an early end and a
     * start on the same day).
     *
     * @param plannable whether the viewer may plan a period for them here (an admin, or themselves)
     */
    public record Row(UUID userId, boolean plannable, List<List<Cell>> lanes) {
    }

    /**
     * A cell: a bar over {@code span} days, or one empty day.
     *
     * @param plannable an empty day a click plans a period from (after today, on a row the viewer may plan for)
     */
    public record Cell(LocalDate day, int span, Bar bar, boolean today, boolean weekend, boolean plannable) {

        public boolean empty() {
            return bar == null;
        }
    }

    /**
     * One away period on the grid.
     *
     * @param startsBefore it began before the first column (the bar is open on the left)
     * @param endsAfter it goes on after the last column, or until turned off
     * @param startOn its first day, when given as a day; else {@code startsAt} is the exact start
     * @param returnOn the first day back, when given as a day; else {@code returnsAt} is exact, or null
     * @param endedAt when it was ended early, else null
     * @param delegateId the teammate who covers, or null
     * @param queueName instead, the team whose queue covers; null when none
     * @param whenKey the message saying when: {0} the person, {1} the start, {2} the return or end
     * @param whoKey the message saying who covers: {0} the delegate, the queue, or the person
     */
    public record Bar(UUID periodId, UUID userId, State state, boolean startsBefore, boolean endsAfter, LocalDate startOn,
            Instant startsAt, LocalDate returnOn, Instant returnsAt, Instant endedAt, UUID delegateId,
            String queueName, String whenKey, String whoKey) {

        public String stateKey() {
            return "calendar.state." + state.name();
        }

        /** How it looks: yellow, dashed while planned, lighter once over; open where it goes on beyond the grid. */
        public String classes() {
            return "calendar__bar--" + state.name() + (startsBefore ? " calendar__bar--before" : "")
                    + (endsAfter ? " calendar__bar--after" : "");
        }
    }

    static CalendarGrid of(TeamCalendar.Range range, LocalDate today, User viewer, Collection<User> users,
            List<Team> teams, List<Entry> entries) {
        var days = range.days().stream()
                .map(d -> new Day(d, d.equals(today), d.getDayOfWeek() == DayOfWeek.SATURDAY
                        || d.getDayOfWeek() == DayOfWeek.SUNDAY, d.equals(range.from()) || d.getDayOfMonth() == 1))
                .toList();
        var active = users.stream().filter(User::active)
                .sorted(Comparator.comparing((User u) -> u.name().toLowerCase()).thenComparing(User::id))
                .toList();
        var byUser = new LinkedHashMap<UUID, List<Entry>>();
        entries.forEach(e -> byUser.computeIfAbsent(e.userId(), id -> new ArrayList<>()).add(e));
        Map<UUID, String> teamNames = new LinkedHashMap<>();
        teams.forEach(t -> teamNames.put(t.id(), t.name()));

        var groups = new ArrayList<Group>();
        var inATeam = new HashSet<UUID>();
        for (Team team : teams) {
            var rows = active.stream().filter(u -> team.has(u.id()))
                    .map(u -> row(u, viewer, range, today, byUser.getOrDefault(u.id(), List.of()), teamNames))
                    .toList();
            rows.forEach(r -> inATeam.add(r.userId()));
            if (!rows.isEmpty()) {
                groups.add(new Group(team.name(), null, rows));
            }
        }
        var others = active.stream().filter(u -> !inATeam.contains(u.id()))
                .map(u -> row(u, viewer, range, today, byUser.getOrDefault(u.id(), List.of()), teamNames))
                .toList();
        if (!others.isEmpty()) {
            groups.add(new Group(null, othersKey(groups.isEmpty()), others));
        }
        return new CalendarGrid(range, days, groups);
    }

    /** The heading of those in no team: everyone, when the account has no team with members. */
    private static String othersKey(boolean noTeams) {
        if (noTeams) {
            return "calendar.group.everyone";
        }
        return "calendar.group.noTeam";
    }

    private static Row row(User user, User viewer, TeamCalendar.Range range, LocalDate today, List<Entry> entries,
            Map<UUID, String> teamNames) {
        boolean plannable = viewer.isAdmin() || viewer.id().equals(user.id());
        ZoneId viewerZone = viewer.timeZone();
        // Each bar goes in the first lane where the days before it are free.
        var lanes = new ArrayList<List<Placed>>();
        for (Entry entry : entries) {
            var placed = place(entry, range, viewerZone, teamNames);
            var lane = lanes.stream().filter(l -> l.get(l.size() - 1).last().isBefore(placed.first())).findFirst();
            if (lane.isPresent()) {
                lane.get().add(placed);
            }
            else {
                lanes.add(new ArrayList<>(List.of(placed)));
            }
        }
        if (lanes.isEmpty()) {
            lanes.add(new ArrayList<>());
        }
        var cells = lanes.stream().map(lane -> cells(lane, range, today, plannable)).toList();
        return new Row(user.id(), plannable, cells);
    }

    private record Placed(LocalDate first, LocalDate last, Bar bar) {
    }

    private static Placed place(Entry entry, TeamCalendar.Range range, ZoneId viewerZone, Map<UUID, String> teamNames) {
        var p = entry.period();
        LocalDate first = p.startOn() != null ? p.startOn() : entry.startsAt().atZone(viewerZone).toLocalDate();
        LocalDate last;
        boolean open = entry.endsAt() == null;
        if (open) {
            last = range.to();
        }
        else if (!entry.endedEarly() && p.returnOn() != null) {
            last = p.returnOn().minusDays(1);
        }
        else {
            last = entry.endsAt().minusNanos(1).atZone(viewerZone).toLocalDate();
        }
        if (last.isBefore(first)) {
            last = first;
        }
        String queue = p.delegateTeamId() == null ? null : teamNames.get(p.delegateTeamId());
        var bar = new Bar(p.id(), p.userId(), entry.state(), first.isBefore(range.from()),
                open || last.isAfter(range.to()), p.startOn(), entry.startsAt(), entry.endedEarly() ? null : p.returnOn(),
                entry.endedEarly() ? null : entry.returnsAt(), entry.endedEarly() ? p.endedAt() : null, p.delegateId(),
                queue, whenKey(entry, open), whoKey(p.delegateId() != null, queue != null));
        return new Placed(max(first, range.from()), min(last, range.to()), bar);
    }

    /** What the bar's words say of who covers: a teammate, a team's queue, or nobody. */
    private static String whoKey(boolean toPerson, boolean toQueue) {
        if (toPerson) {
            return "calendar.bar.who.person";
        }
        if (toQueue) {
            return "calendar.bar.who.team";
        }
        return "calendar.bar.who.nobody";
    }

    /** What the bar's words say of when: to its return, until turned off, or to its early end. */
    private static String whenKey(Entry entry, boolean open) {
        if (entry.endedEarly()) {
            return "calendar.bar.when.ended";
        }
        if (open) {
            return "calendar.bar.when.open";
        }
        return "calendar.bar.when.return";
    }

    private static List<Cell> cells(List<Placed> lane, TeamCalendar.Range range, LocalDate today, boolean plannable) {
        var cells = new ArrayList<Cell>();
        int next = 0;
        LocalDate day = range.from();
        while (!day.isAfter(range.to())) {
            Placed bar = next < lane.size() ? lane.get(next) : null;
            if (bar != null && bar.first().equals(day)) {
                int span = (int) ChronoUnit.DAYS.between(bar.first(), bar.last()) + 1;
                cells.add(new Cell(day, span, bar.bar(), false, false, false));
                day = bar.last().plusDays(1);
                next++;
            }
            else {
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                cells.add(new Cell(day, 1, null, day.equals(today), weekend, plannable && day.isAfter(today)));
                day = day.plusDays(1);
            }
        }
        return cells;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Whether anyone is on the grid at all. */
    public boolean hasRows() {
        return !groups.isEmpty();
    }

    public int columns() {
        return days.size() + 1;
    }
}
