package com.switchboard.away.internal.web;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.away.AwayChange;
import com.switchboard.away.AwayPlans;
import com.switchboard.away.AwayStatuses;
import com.switchboard.system.FormErrors;
import com.switchboard.teams.Team;
import com.switchboard.teams.Teams;

/**
 * The away status pages: the section of Your settings (R1), the banner's "Turn off" button (R10),
 * and a teammate's away page, where admins set it for others (R15) and see its history (R16).
 */
@Controller
class AwaySettingsController {

    private static final String FORM_ERRORS = BindingResult.MODEL_KEY_PREFIX + "awayForm";

    private final AwayStatuses statuses;
    private final AwayPlans plans;
    private final Users users;
    private final AwayPageModel pageModel;
    private final Teams teams;

    AwaySettingsController(AwayStatuses statuses, AwayPlans plans, Users users, AwayPageModel pageModel,
            Teams teams) {
        this.statuses = statuses;
        this.plans = plans;
        this.users = users;
        this.pageModel = pageModel;
        this.teams = teams;
    }

    private Set<UUID> teamIds(User me) {
        return teams.list(me.actor()).stream().map(Team::id).collect(Collectors.toSet());
    }

    /** Your settings → Away status. The settings page shows the result, or the form with its errors. */
    @PostMapping("/settings/away")
    String saveOwn(User me, @ModelAttribute("awayForm") AwayForm form, BindingResult result,
            RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            statuses.change(me.actor(), me.id(), form.change(teamIds(me)));
            redirect.addFlashAttribute("awaySaved", true);
            return "redirect:/settings#away";
        }, () -> {
            redirect.addFlashAttribute("awayForm", form);
            redirect.addFlashAttribute(FORM_ERRORS, result);
            return "redirect:/settings#away";
        });
    }

    /** The banner's button: away mode off, back to the page it was pressed on. */
    @PostMapping("/settings/away/off")
    String turnOff(User me, @RequestParam(defaultValue = "/") String returnTo) {
        statuses.change(me.actor(), me.id(), AwayChange.off());
        boolean local = returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\");
        return "redirect:" + (local ? returnTo : "/");
    }

    @GetMapping("/team/{id}/away")
    String teammate(User me, @PathVariable UUID id, Model model) {
        var target = users.get(me.actor(), id);
        requireSelfOrAdmin(me, target);
        pageModel.addTo(model.asMap(), me.actor(), target);
        return "away/teammate";
    }

    @PostMapping("/team/{id}/away")
    String saveTeammate(User me, @PathVariable UUID id, @ModelAttribute("awayForm") AwayForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var target = users.get(me.actor(), id);
        requireSelfOrAdmin(me, target);
        return FormErrors.submit(result, () -> {
            statuses.change(me.actor(), id, form.change(teamIds(me)));
            redirect.addFlashAttribute("awaySaved", true);
            return "redirect:/team/" + id + "/away#away";
        }, () -> teammate(me, id, model));
    }

    /** Your settings → Planned away periods: plans one (R22); the settings page shows it, or the form's errors. */
    @PostMapping("/settings/away/periods")
    String planOwn(User me, @ModelAttribute("planForm") PlanForm form, BindingResult result,
            RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            plans.plan(me.actor(), me.id(), form.plan(teamIds(me)));
            redirect.addFlashAttribute("awayPlanSaved", "away.planned.saved");
            return "redirect:/settings#away-planned";
        }, () -> {
            redirect.addFlashAttribute("planForm", form);
            redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + "planForm", result);
            return "redirect:/settings#away-planned";
        });
    }

    /** A teammate's away page → Planned away periods: an admin plans one for them (R15, R22). */
    @PostMapping("/team/{id}/away/periods")
    String planTeammate(User me, @PathVariable UUID id, @ModelAttribute("planForm") PlanForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var target = users.get(me.actor(), id);
        requireSelfOrAdmin(me, target);
        return FormErrors.submit(result, () -> {
            plans.plan(me.actor(), id, form.plan(teamIds(me)));
            redirect.addFlashAttribute("awayPlanSaved", "away.planned.saved");
            return "redirect:/team/" + id + "/away#away-planned";
        }, () -> teammate(me, id, model));
    }

    /** One planned period, to change it. */
    @GetMapping("/team/{id}/away/periods/{periodId}")
    String period(User me, @PathVariable UUID id, @PathVariable UUID periodId, Model model) {
        var target = users.get(me.actor(), id);
        requireSelfOrAdmin(me, target);
        var period = plans.notEnded(me.actor(), id, periodId);
        pageModel.addTo(model.asMap(), me.actor(), target);
        if (!model.containsAttribute(BindingResult.MODEL_KEY_PREFIX + "planForm")) {
            model.addAttribute("planForm", PlanForm.of(period, target.timeZone()));
        }
        model.addAttribute("planEditing", periodId);
        return "away/period";
    }

    @PostMapping("/team/{id}/away/periods/{periodId}")
    String changePeriod(User me, @PathVariable UUID id, @PathVariable UUID periodId,
            @ModelAttribute("planForm") PlanForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        var target = users.get(me.actor(), id);
        requireSelfOrAdmin(me, target);
        var before = plans.notEnded(me.actor(), id, periodId);
        return FormErrors.submit(result, () -> {
            plans.changePeriod(me.actor(), id, periodId, form.change(before, target.timeZone(), teamIds(me)));
            redirect.addFlashAttribute("awayPlanSaved", "away.planned.changed");
            return "redirect:" + awayPage(me, id) + "#away-planned";
        }, () -> {
            pageModel.addTo(model.asMap(), me.actor(), target);
            model.addAttribute("planEditing", periodId);
            return "away/period";
        });
    }

    @PostMapping("/team/{id}/away/periods/{periodId}/cancel")
    String cancelPeriod(User me, @PathVariable UUID id, @PathVariable UUID periodId, RedirectAttributes redirect) {
        var target = users.get(me.actor(), id);
        requireSelfOrAdmin(me, target);
        plans.cancel(me.actor(), id, periodId);
        redirect.addFlashAttribute("awayPlanSaved", "away.planned.cancelled");
        return "redirect:" + awayPage(me, id) + "#away-planned";
    }

    private static String awayPage(User me, UUID userId) {
        return me.id().equals(userId) ? "/settings" : "/team/" + userId + "/away";
    }

    private static void requireSelfOrAdmin(User me, User target) {
        if (!me.id().equals(target.id())) {
            me.actor().requireAdmin();
        }
    }
}
