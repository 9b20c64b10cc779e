package com.switchboard.accounts.internal.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.NewUser;
import com.switchboard.accounts.TimeZones;
import com.switchboard.accounts.User;
import com.switchboard.accounts.UserChanges;
import com.switchboard.accounts.Users;
import com.switchboard.system.ForbiddenException;
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
    String team(User me, Model model) {
        var form = new TeammateForm();
        form.setTimeZone(accounts.get(me.actor()).timeZone().getId());
        return page(me, model, form);
    }

    @PostMapping
    String add(User me, @ModelAttribute("form") TeammateForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            var added = users.create(me.actor(), new NewUser(form.getName(), form.getEmail(), form.getPassword(),
                    form.getRole(), form.getTimeZone(), form.getLocale()));
            redirect.addFlashAttribute("added", added.name());
        }
        catch (InvalidInputException | ConflictException refused) {
            FormErrors.bind(refused, result);
            model.addAttribute("openAddForm", true);
            return page(me, model, form);
        }
        return "redirect:/team";
    }

    @GetMapping("/{id}/edit")
    String editForm(User me, @PathVariable UUID id, Model model) {
        requireAdmin(me);
        var user = users.get(me.actor(), id);
        var form = new TeammateForm();
        form.setName(user.name());
        form.setEmail(user.email());
        form.setRole(user.role().name());
        form.setTimeZone(user.timeZone().getId());
        form.setLocale(user.locale().getLanguage());
        return editPage(model, user, form);
    }

    @PostMapping("/{id}")
    String edit(User me, @PathVariable UUID id, @ModelAttribute("form") TeammateForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        String password = form.getPassword() == null || form.getPassword().isEmpty() ? null : form.getPassword();
        try {
            var updated = users.update(me.actor(), id, new UserChanges(form.getName(), form.getEmail(),
                    form.getRole(), form.getTimeZone(), form.getLocale(), null, password, null));
            redirect.addFlashAttribute("updated", updated.name());
        }
        catch (InvalidInputException | ConflictException refused) {
            FormErrors.bind(refused, result);
            return editPage(model, users.get(me.actor(), id), form);
        }
        return "redirect:/team";
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

    private String page(User me, Model model, TeammateForm form) {
        model.addAttribute("users", users.list(me.actor()));
        model.addAttribute("form", form);
        model.addAttribute("timeZones", TimeZones.selectable());
        return "team";
    }

    private String editPage(Model model, User user, TeammateForm form) {
        form.setPassword("");
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("timeZones", TimeZones.selectable());
        return "team-edit";
    }

    private static void requireAdmin(User me) {
        if (!me.isAdmin()) {
            throw new ForbiddenException("user.adminOnly");
        }
    }
}
