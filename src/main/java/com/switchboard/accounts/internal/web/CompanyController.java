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
import com.switchboard.accounts.TimeZones;
import com.switchboard.accounts.User;
import com.switchboard.system.Deployment;
import com.switchboard.system.ForbiddenException;
import com.switchboard.system.ConflictException;
import com.switchboard.system.FormErrors;
import com.switchboard.system.InvalidInputException;

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

    /** The company form. */
    public static class CompanyForm {
        private String accountName;
        private String timeZone;

        public String getAccountName() {
            return accountName;
        }

        public void setAccountName(String accountName) {
            this.accountName = accountName;
        }

        public String getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }
    }

    @GetMapping
    String company(User me, Model model) {
        requireAdmin(me);
        var account = accounts.get(me.actor());
        var form = new CompanyForm();
        form.setAccountName(account.name());
        form.setTimeZone(account.timeZone().getId());
        return page(me, model, form);
    }

    @PostMapping
    String save(User me, @ModelAttribute("form") CompanyForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            accounts.update(me.actor(), form.getAccountName(), form.getTimeZone());
        }
        catch (InvalidInputException | ConflictException refused) {
            FormErrors.bind(refused, result);
            return page(me, model, form);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/company";
    }

    private String page(User me, Model model, CompanyForm form) {
        model.addAttribute("form", form);
        model.addAttribute("account", accounts.get(me.actor()));
        model.addAttribute("timeZones", TimeZones.selectable());
        model.addAttribute("simulator", deployment.simulatorEnabled());
        return "company";
    }

    private static void requireAdmin(User me) {
        if (!me.isAdmin()) {
            throw new ForbiddenException("account.adminOnly");
        }
    }
}
