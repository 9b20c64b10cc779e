package com.switchboard.channels.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.switchboard.accounts.Actor;
import com.switchboard.channels.StartTeams;
import com.switchboard.system.Deployment;
import com.switchboard.system.FormErrors;
import com.switchboard.system.InvalidInputException;
import com.switchboard.teams.Teams;

/** Company settings → SMS: the account's provider, credentials and numbers, for admins. */
@Controller
class SmsSettingsController {

    private final SmsSettings settings;
    private final Deployment deployment;
    private final StartTeams startTeams;
    private final Teams teams;

    SmsSettingsController(SmsSettings settings, Deployment deployment, StartTeams startTeams, Teams teams) {
        this.settings = settings;
        this.deployment = deployment;
        this.startTeams = startTeams;
        this.teams = teams;
    }

    /**
     * Where new customers start: the simulator's team, and each number's, as parallel lists
     * ({@code phone[i]} starts in {@code teamId[i]}); an empty team is none.
     */
    record StartTeamsForm(String simulatorTeamId, List<String> phone, List<String> teamId) {

        Map<String, UUID> numbers() {
            var numbers = new LinkedHashMap<String, UUID>();
            var phones = phone == null ? List.<String>of() : phone;
            for (int i = 0; i < phones.size(); i++) {
                String team = teamId == null || i >= teamId.size() ? null : teamId.get(i);
                numbers.put(phones.get(i), id(team));
            }
            return numbers;
        }

        static UUID id(String text) {
            try {
                return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
            }
            catch (IllegalArgumentException notAnId) {
                throw new InvalidInputException("teamId", "teams.invalid");
            }
        }
    }

    @PostMapping("/company/sms/start-teams")
    String saveStartTeams(Actor actor, @ModelAttribute("startTeamsForm") StartTeamsForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return FormErrors.submit(errors, () -> {
            startTeams.change(actor, StartTeamsForm.id(form.simulatorTeamId()), form.numbers());
            redirect.addFlashAttribute("startTeamsSaved", true);
            return "redirect:/company/sms#start-teams-title";
        }, () -> {
            var view = settings.view(actor);
            model.addAttribute("smsForm", SmsForm.of(view));
            return page(actor, view, model);
        });
    }

    /** The form; the token field is always empty (it is never shown back, nor logged). */
    record SmsForm(String provider, String accountSid, String authToken, String phoneNumbers) {

        static SmsForm of(SmsSettings.View view) {
            return new SmsForm(view.provider().name(), view.accountSid(), null, String.join("\n", view.phoneNumbers()));
        }

        /** One number a line (commas and semicolons also separate them). */
        SmsSettings.Change change() {
            List<String> numbers = phoneNumbers == null ? List.of()
                    : Arrays.stream(phoneNumbers.split("[\\n,;]+")).map(String::strip).filter(s -> !s.isEmpty())
                            .toList();
            return new SmsSettings.Change(provider, accountSid, authToken, numbers);
        }

        @Override
        public String toString() {
            return "SmsForm[provider=" + provider + "]";
        }
    }

    @GetMapping("/company/sms")
    String page(Actor actor, Model model) {
        var view = settings.view(actor);
        model.addAttribute("smsForm", SmsForm.of(view));
        return page(actor, view, model);
    }

    @PostMapping("/company/sms")
    String save(Actor actor, @ModelAttribute("smsForm") SmsForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return FormErrors.submit(errors, () -> {
            settings.change(actor, form.change());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/company/sms";
        }, () -> page(actor, settings.view(actor), model));
    }

    private String page(Actor actor, SmsSettings.View view, Model model) {
        model.addAttribute("sms", view);
        model.addAttribute("startTeams", startTeams.of(actor));
        model.addAttribute("teamChoices", teams.list(actor));
        model.addAttribute("simulatorAvailable", deployment.simulatorEnabled());
        String base = deployment.publicUrl().toString().replaceAll("/$", "");
        model.addAttribute("smsWebhookUrl", base + "/webhooks/twilio/sms");
        model.addAttribute("statusWebhookUrl", base + "/webhooks/twilio/status");
        return "sms/settings";
    }
}
