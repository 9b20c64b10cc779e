package com.switchboard.calendar.internal.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.AwayPlans;
import com.switchboard.calendar.internal.TeamCalendar;
import com.switchboard.system.FormErrors;
import com.switchboard.teams.Team;
import com.switchboard.teams.Teams;

/**
 * The Team calendar page (R24): everyone sees who is away when; admins plan a period for a
 * teammate from a day and open a bar to change or end it (R15, R22); everyone plans and changes
 * their own. The grid is a live region: it is fetched again when away periods or statuses change.
 */
@Controller
class CalendarPageController {

    private final TeamCalendar calendar;
    private final AwayPlans plans;
    private final Users users;
    private final Teams teams;

    CalendarPageController(TeamCalendar calendar, AwayPlans plans, Users users, Teams teams) {
        this.calendar = calendar;
        this.plans = plans;
        this.users = users;
        this.teams = teams;
    }

    @GetMapping("/calendar")
    String page(User me, @RequestHeader(name = "HX-Target", required = false) String target, Model model) {
        var range = calendar.defaultRange(me.timeZone());
        var entries = calendar.entries(me.actor(), range.start(), range.end());
        model.addAttribute("grid", CalendarGrid.of(range, calendar.today(me.timeZone()), me,
                users.list(me.actor()), teams.list(me.actor()), entries));
        // The grid alone, for a live update: someone's away periods or status changed, or the teams.
        return "calendar-grid".equals(target) ? "calendar/grid :: grid" : "calendar/page";
    }

    @GetMapping("/calendar/users/{id}/plan")
    String planForm(User me, @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        var target = selfOrAdmin(me, id);
        LocalDate tomorrow = calendar.today(target.timeZone()).plusDays(1);
        var start = day == null || day.isBefore(tomorrow) ? tomorrow : day;
        model.addAttribute("form", PeriodForm.startingOn(start));
        return planPage(me, target, model);
    }

    @PostMapping("/calendar/users/{id}/plan")
    String plan(User me, @PathVariable UUID id, @ModelAttribute("form") PeriodForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        var target = users.get(me.actor(), id);
        return FormErrors.submit(result, () -> {
            plans.plan(me.actor(), id, form.plan(teamIds(me)));
            redirect.addFlashAttribute("calendarSaved", "calendar.saved.planned");
            redirect.addFlashAttribute("calendarSavedFor", target.name());
            return "redirect:/calendar";
        }, () -> planPage(me, target, model));
    }

    /** A bar, opened: its change form for an admin or for the person themself while it lasts, else what it says. */
    @GetMapping("/calendar/users/{id}/periods/{periodId}")
    String period(User me, @PathVariable UUID id, @PathVariable UUID periodId, Model model) {
        var entry = calendar.entry(me.actor(), id, periodId);
        boolean started = entry.state() != TeamCalendar.State.PLANNED;
        model.addAttribute("form", PeriodForm.of(entry.period(), entry.zone(), started));
        return periodPage(me, entry, model);
    }

    @PostMapping("/calendar/users/{id}/periods/{periodId}")
    String change(User me, @PathVariable UUID id, @PathVariable UUID periodId, @ModelAttribute("form") PeriodForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var entry = calendar.entry(me.actor(), id, periodId);
        var target = users.get(me.actor(), id);
        return FormErrors.submit(result, () -> {
            plans.changePeriod(me.actor(), id, periodId, form.change(entry.period(), entry.zone(), teamIds(me)));
            redirect.addFlashAttribute("calendarSaved", "calendar.saved.changed");
            redirect.addFlashAttribute("calendarSavedFor", target.name());
            return "redirect:/calendar";
        }, () -> periodPage(me, entry, model));
    }

    /** Cancels a planned period, or ends the one in effect now. */
    @PostMapping("/calendar/users/{id}/periods/{periodId}/end")
    String end(User me, @PathVariable UUID id, @PathVariable UUID periodId, RedirectAttributes redirect) {
        var entry = calendar.entry(me.actor(), id, periodId);
        var target = users.get(me.actor(), id);
        plans.cancel(me.actor(), id, periodId);
        // A planned period is cancelled (nothing of it kept); the one in effect ends now.
        String saved = "calendar.saved.ended";
        if (entry.state() == TeamCalendar.State.PLANNED) {
            saved = "calendar.saved.cancelled";
        }
        redirect.addFlashAttribute("calendarSaved", saved);
        redirect.addFlashAttribute("calendarSavedFor", target.name());
        return "redirect:/calendar";
    }

    private String planPage(User me, User target, Model model) {
        model.addAttribute("target", target);
        model.addAttribute("earliestStart", calendar.today(target.timeZone()).plusDays(1));
        model.addAttribute("candidates", candidates(me, target));
        return "calendar/plan";
    }

    private String periodPage(User me, TeamCalendar.Entry entry, Model model) {
        var target = users.get(me.actor(), entry.userId());
        boolean editable = entry.state() != TeamCalendar.State.PAST
                && (me.isAdmin() || me.id().equals(target.id()));
        model.addAttribute("target", target);
        model.addAttribute("entry", entry);
        model.addAttribute("editable", editable);
        model.addAttribute("started", entry.state() != TeamCalendar.State.PLANNED);
        model.addAttribute("earliestStart", calendar.today(target.timeZone()).plusDays(1));
        model.addAttribute("candidates", candidates(me, target));
        model.addAttribute("queueName", entry.period().delegateTeamId() == null ? null
                : teams.find(me.accountId(), entry.period().delegateTeamId()).map(Team::name).orElse(null));
        return "calendar/period";
    }

    private java.util.List<User> candidates(User me, User target) {
        return users.active(me.actor()).stream().filter(u -> !u.id().equals(target.id())).toList();
    }

    private User selfOrAdmin(User me, UUID id) {
        var target = users.get(me.actor(), id);
        if (!me.id().equals(target.id())) {
            me.actor().requireAdmin();
        }
        return target;
    }

    private Set<UUID> teamIds(User me) {
        return teams.list(me.actor()).stream().map(Team::id).collect(Collectors.toSet());
    }
}
