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

import com.switchboard.accounts.ApiTokens;
import com.switchboard.accounts.Languages;
import com.switchboard.accounts.TimeZones;
import com.switchboard.accounts.User;
import com.switchboard.accounts.UserChanges;
import com.switchboard.accounts.Users;
import com.switchboard.system.ConflictException;
import com.switchboard.system.FormErrors;
import com.switchboard.system.InvalidInputException;

/** Your settings: profile, password and API tokens. */
@Controller
@RequestMapping("/settings")
class SettingsController {

    private final Users users;
    private final ApiTokens tokens;

    SettingsController(Users users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping
    String settings(User me, Model model) {
        var profile = new SettingsForms.Profile();
        profile.setName(me.name());
        profile.setTimeZone(me.timeZone().getId());
        profile.setLocale(me.locale().getLanguage());
        return page(me, model, profile, new SettingsForms.Password(), new SettingsForms.Token());
    }

    @PostMapping("/profile")
    String saveProfile(User me, @ModelAttribute("profile") SettingsForms.Profile form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            users.update(me.actor(), me.id(), UserChanges.profile(form.getName(), form.getTimeZone(), form.getLocale()));
        }
        catch (InvalidInputException | ConflictException refused) {
            FormErrors.bind(refused, result);
            return page(me, model, form, new SettingsForms.Password(), new SettingsForms.Token());
        }
        redirect.addFlashAttribute("saved", "profile");
        return "redirect:/settings";
    }

    @PostMapping("/password")
    String changePassword(User me, @ModelAttribute("passwordForm") SettingsForms.Password form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (form.getPassword() != null && !form.getPassword().equals(form.getConfirmPassword())) {
            result.rejectValue("confirmPassword", "password.mismatch");
            return page(me, model, null, form, new SettingsForms.Token());
        }
        try {
            users.update(me.actor(), me.id(), UserChanges.password(form.getCurrentPassword(), form.getPassword()));
        }
        catch (InvalidInputException | ConflictException refused) {
            FormErrors.bind(refused, result);
            return page(me, model, null, form, new SettingsForms.Token());
        }
        redirect.addFlashAttribute("saved", "password");
        return "redirect:/settings#password";
    }

    /** Shows the new token once, in this answer only: it is never stored, not even in the session. */
    @PostMapping("/tokens")
    String createToken(User me, @ModelAttribute("tokenForm") SettingsForms.Token form, BindingResult result,
            Model model) {
        try {
            model.addAttribute("newToken", tokens.issue(me.actor(), form.getName()));
            form.setName("");
        }
        catch (InvalidInputException | ConflictException refused) {
            FormErrors.bind(refused, result);
        }
        return page(me, model, null, new SettingsForms.Password(), form);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(User me, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(me.actor(), id);
        redirect.addFlashAttribute("saved", "tokenRevoked");
        return "redirect:/settings#tokens";
    }

    private String page(User me, Model model, SettingsForms.Profile profile, SettingsForms.Password password,
            SettingsForms.Token token) {
        if (profile == null) {
            profile = new SettingsForms.Profile();
            profile.setName(me.name());
            profile.setTimeZone(me.timeZone().getId());
            profile.setLocale(me.locale().getLanguage());
        }
        password.setCurrentPassword("");
        password.setPassword("");
        password.setConfirmPassword("");
        model.addAttribute("profile", profile);
        model.addAttribute("passwordForm", password);
        model.addAttribute("tokenForm", token);
        model.addAttribute("tokens", tokens.list(me.actor()));
        model.addAttribute("timeZones", TimeZones.selectable());
        model.addAttribute("languages", Languages.SUPPORTED);
        return "settings";
    }
}
