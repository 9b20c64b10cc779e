package com.switchboard.accounts.internal.web;

import java.util.List;
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

import com.switchboard.accounts.ApiTokens;
import com.switchboard.accounts.Languages;
import com.switchboard.accounts.SettingsSection;
import com.switchboard.accounts.TimeZones;
import com.switchboard.accounts.User;
import com.switchboard.accounts.UserChanges;
import com.switchboard.accounts.Users;
import com.switchboard.system.FormErrors;
import com.switchboard.system.InvalidInputException;

/**
 * Your settings: profile, password and API tokens; and the sections other modules add
 * ({@link SettingsSection}).
 */
@Controller
@RequestMapping("/settings")
class SettingsController {

    private final Users users;
    private final ApiTokens tokens;
    private final List<SettingsSection> sections;

    SettingsController(Users users, ApiTokens tokens, List<SettingsSection> sections) {
        this.users = users;
        this.tokens = tokens;
        this.sections = sections;
    }

    @GetMapping
    String settings(User me, Model model) {
        return page(me, model);
    }

    @PostMapping("/profile")
    String saveProfile(User me, @ModelAttribute("profile") SettingsForms.Profile form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            users.update(me.actor(), me.id(), UserChanges.profile(form.name(), form.timeZone(), form.locale()));
            redirect.addFlashAttribute("saved", "profile");
            return "redirect:/settings#profile";
        }, () -> page(me, model));
    }

    @PostMapping("/password")
    String changePassword(User me, @ModelAttribute("passwordForm") SettingsForms.Password form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            if (!form.confirmed()) {
                throw new InvalidInputException("confirmPassword", "password.mismatch");
            }
            users.update(me.actor(), me.id(), UserChanges.password(form.currentPassword(), form.password()));
            redirect.addFlashAttribute("saved", "password");
            return "redirect:/settings#password";
        }, () -> page(me, model));
    }

    /** Shows the new token once, in this answer only: it is never stored, not even in the session. */
    @PostMapping("/tokens")
    String createToken(User me, @ModelAttribute("tokenForm") SettingsForms.Token form, BindingResult result,
            Model model) {
        return FormErrors.submit(result, () -> {
            model.addAttribute("newToken", tokens.issue(me.actor(), form.name()));
            model.addAttribute("tokenForm", SettingsForms.Token.empty());
            return page(me, model);
        }, () -> page(me, model));
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(User me, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(me.actor(), id);
        redirect.addFlashAttribute("saved", "tokenRevoked");
        return "redirect:/settings#tokens";
    }

    /** The page, with each form as submitted (and refused) or fresh. */
    private String page(User me, Model model) {
        if (!model.containsAttribute("profile")) {
            model.addAttribute("profile", SettingsForms.Profile.of(me));
        }
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", SettingsForms.Password.empty());
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", SettingsForms.Token.empty());
        }
        model.addAttribute("tokens", tokens.list(me.actor()));
        model.addAttribute("timeZones", TimeZones.selectable());
        model.addAttribute("languages", Languages.SUPPORTED);
        sections.forEach(section -> section.addTo(model.asMap(), me));
        return "settings";
    }
}
