package com.switchboard.accounts.internal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.AwayFallback;
import com.switchboard.accounts.TimeZones;
import com.switchboard.accounts.User;
import com.switchboard.system.Deployment;
import com.switchboard.system.FormErrors;

/** Company settings, for admins: the account's name and time zone, and its SMS channel. */
@Controller
@RequestMapping("/company")
class CompanyController {

    private final Accounts accounts;
    private final Deployment deployment;

    CompanyController(Accounts accounts, Deployment deployment) {
        this.accounts = accounts;
        this.deployment = deployment;
    }

    /** The company form; {@code awayFallback} is KEEP or TEAM_QUEUE (R18). */
    record CompanyForm(String accountName, String timeZone, String awayFallback) {
    }

    @GetMapping
    String company(User me, Model model) {
        me.actor().requireAdmin();
        var account = accounts.get(me.actor());
        model.addAttribute("form", new CompanyForm(account.name(), account.timeZone().getId(),
                account.awayFallback().name()));
        return page(me, model);
    }

    @PostMapping
    String save(User me, @ModelAttribute("form") CompanyForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            accounts.update(me.actor(), form.accountName(), form.timeZone(),
                    AwayFallback.parse(form.awayFallback(), "awayFallback"));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/company";
        }, () -> page(me, model));
    }

    private String page(User me, Model model) {
        model.addAttribute("account", accounts.get(me.actor()));
        model.addAttribute("timeZones", TimeZones.selectable());
        model.addAttribute("simulator", deployment.simulatorEnabled());
        return "company";
    }

}
