package com.switchboard.channels.internal;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.switchboard.accounts.Actor;
import com.switchboard.system.Deployment;
import com.switchboard.system.FormErrors;

/** Company settings → SMS: the account's provider, credentials and numbers, for admins. */
@Controller
class SmsSettingsController {

    private final SmsSettings settings;
    private final Deployment deployment;

    SmsSettingsController(SmsSettings settings, Deployment deployment) {
        this.settings = settings;
        this.deployment = deployment;
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
        return page(view, model);
    }

    @PostMapping("/company/sms")
    String save(Actor actor, @ModelAttribute("smsForm") SmsForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return FormErrors.submit(errors, () -> {
            settings.change(actor, form.change());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/company/sms";
        }, () -> page(settings.view(actor), model));
    }

    private String page(SmsSettings.View view, Model model) {
        model.addAttribute("sms", view);
        model.addAttribute("simulatorAvailable", deployment.simulatorEnabled());
        String base = deployment.publicUrl().toString().replaceAll("/$", "");
        model.addAttribute("smsWebhookUrl", base + "/webhooks/twilio/sms");
        model.addAttribute("statusWebhookUrl", base + "/webhooks/twilio/status");
        return "sms/settings";
    }
}
