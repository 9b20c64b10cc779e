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
import com.switchboard.system.ConflictException;
import com.switchboard.system.Deployment;
import com.switchboard.system.FormErrors;
import com.switchboard.system.InvalidInputException;

/** Company settings → SMS: the account's provider, credentials and numbers, for admins. */
@Controller
class SmsSettingsController {

    private final SmsSettings settings;
    private final Deployment deployment;

    SmsSettingsController(SmsSettings settings, Deployment deployment) {
        this.settings = settings;
        this.deployment = deployment;
    }

    /** The form; the token field is always empty (it is never shown back). */
    public static class SmsForm {
        private String provider;
        private String accountSid;
        private String authToken;
        private String phoneNumbers;

        public String getProvider() {
            return provider;
        }

        public void setProvider(String provider) {
            this.provider = provider;
        }

        public String getAccountSid() {
            return accountSid;
        }

        public void setAccountSid(String accountSid) {
            this.accountSid = accountSid;
        }

        public String getAuthToken() {
            return authToken;
        }

        public void setAuthToken(String authToken) {
            this.authToken = authToken;
        }

        public String getPhoneNumbers() {
            return phoneNumbers;
        }

        public void setPhoneNumbers(String phoneNumbers) {
            this.phoneNumbers = phoneNumbers;
        }

        @Override
        public String toString() {
            return "SmsForm[provider=" + provider + "]";
        }
    }

    @GetMapping("/company/sms")
    String page(Actor actor, Model model) {
        var view = settings.view(actor);
        var form = new SmsForm();
        form.setProvider(view.provider().name());
        form.setAccountSid(view.accountSid());
        form.setPhoneNumbers(String.join("\n", view.phoneNumbers()));
        return page(view, form, model);
    }

    @PostMapping("/company/sms")
    String save(Actor actor, @ModelAttribute("smsForm") SmsForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        List<String> numbers = form.getPhoneNumbers() == null ? List.of()
                : Arrays.stream(form.getPhoneNumbers().split("[\\n,;]+")).map(String::strip).filter(s -> !s.isEmpty())
                        .toList();
        try {
            settings.change(actor, new SmsSettings.Change(form.getProvider(), form.getAccountSid(), form.getAuthToken(),
                    numbers));
        }
        catch (InvalidInputException | ConflictException refused) {
            FormErrors.bind(refused, errors);
            form.setAuthToken(null);
            return page(settings.view(actor), form, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/company/sms";
    }

    private String page(SmsSettings.View view, SmsForm form, Model model) {
        model.addAttribute("sms", view);
        model.addAttribute("smsForm", form);
        model.addAttribute("simulatorAvailable", deployment.simulatorEnabled());
        String base = deployment.publicUrl().toString().replaceAll("/$", "");
        model.addAttribute("smsWebhookUrl", base + "/webhooks/twilio/sms");
        model.addAttribute("statusWebhookUrl", base + "/webhooks/twilio/status");
        return "sms/settings";
    }
}
