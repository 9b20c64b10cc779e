package com.switchboard.accounts.internal.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.TimeZones;
import com.switchboard.accounts.User;
import com.switchboard.accounts.UserChanges;
import com.switchboard.accounts.Users;
import com.switchboard.system.ConflictException;
import com.switchboard.system.FormErrors;
import com.switchboard.system.InvalidInputException;

/** The Team page: everyone with their status; admins add, edit, deactivate and reactivate. */
@Controller
@RequestMapping("/team")
class TeamController {

    private final Users users;
    private final Accounts accounts;

    TeamController(Users users, Accounts accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @GetMapping
    String team(User me, @RequestHeader(name = "HX-Target", required = false) String target, Model model) {
        model.addAttribute("form", TeammateForm.newIn(accounts.get(me.actor()).timeZone().getId()));
        page(me, model);
        // The list alone, for a live update: someone's away status changed.
        return "team-list".equals(target) ? "team :: list" : "team";
    }

    @PostMapping
    String add(User me, @ModelAttribute("form") TeammateForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            redirect.addFlashAttribute("added", users.create(me.actor(), form.newUser()).name());
            return "redirect:/team";
        }, () -> {
            model.addAttribute("openAddForm", true);
            return page(me, model);
        });
    }

    @GetMapping("/{id}/edit")
    String editForm(User me, @PathVariable UUID id, Model model) {
        me.actor().requireAdmin();
        var user = users.get(me.actor(), id);
        model.addAttribute("form", TeammateForm.of(user));
        return editPage(model, user);
    }

    @PostMapping("/{id}")
    String edit(User me, @PathVariable UUID id, @ModelAttribute("form") TeammateForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            redirect.addFlashAttribute("updated", users.update(me.actor(), id, form.changes()).name());
            return "redirect:/team";
        }, () -> editPage(model, users.get(me.actor(), id)));
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(User me, @PathVariable UUID id, RedirectAttributes redirect) {
        return setActive(me, id, false, redirect);
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(User me, @PathVariable UUID id, RedirectAttributes redirect) {
        return setActive(me, id, true, redirect);
    }

    private String setActive(User me, UUID id, boolean active, RedirectAttributes redirect) {
        try {
            var user = users.update(me.actor(), id, UserChanges.active(active));
            redirect.addFlashAttribute(active ? "reactivated" : "deactivated", user.name());
        }
        catch (InvalidInputException | ConflictException refused) {
            redirect.addFlashAttribute("refusal", refused.problems().get(0).messageKey());
        }
        return "redirect:/team";
    }

    private String page(User me, Model model) {
        model.addAttribute("users", users.list(me.actor()));
        model.addAttribute("timeZones", TimeZones.selectable());
        return "team";
    }

    private String editPage(Model model, User user) {
        model.addAttribute("user", user);
        model.addAttribute("timeZones", TimeZones.selectable());
        return "team-edit";
    }
}
