package com.switchboard.accounts.internal.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.TimeZones;
import com.switchboard.accounts.internal.AccountMail;
import com.switchboard.accounts.internal.ClientLimits;
import com.switchboard.accounts.internal.SignInPage;
import com.switchboard.system.FormErrors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The log-in page (Spring Security processes the form) and the sign-up page. */
@Controller
class SignInController {

    private final Accounts accounts;
    private final AuthenticationManager authentication;
    private final ClientLimits clients;
    private final AccountMail mail;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SignInController(Accounts accounts, AuthenticationManager authentication, ClientLimits clients,
            AccountMail mail) {
        this.mail = mail;
        this.accounts = accounts;
        this.authentication = authentication;
        this.clients = clients;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SignInPage.LAST_EMAIL) != null) {
            model.addAttribute("email", session.getAttribute(SignInPage.LAST_EMAIL));
            session.removeAttribute(SignInPage.LAST_EMAIL);
        }
        return "login";
    }

    @GetMapping("/signup")
    String signUpForm(Model model) {
        model.addAttribute("form", SignUpForm.empty());
        model.addAttribute("guessTimeZone", true);
        model.addAttribute("timeZones", TimeZones.selectable());
        return "signup";
    }

    @PostMapping("/signup")
    String signUp(@ModelAttribute("form") SignUpForm form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        clients.admitSignUp(request.getRemoteAddr());
        return FormErrors.submit(result, () -> {
            if (mail.configured()) {
                // The same answer whether the email was new or known: its owner is told by mail.
                mail.send(accounts.requestSignUp(form.signUp()));
                return "redirect:/signup/sent";
            }
            accounts.signUp(form.signUp());
            signIn(form, request, response);
            return "redirect:/";
        }, () -> {
            model.addAttribute("guessTimeZone", false);
            model.addAttribute("timeZones", TimeZones.selectable());
            return "signup";
        });
    }

    @GetMapping("/signup/sent")
    String signUpSent() {
        return "signup-sent";
    }

    /** The link in the mail: a page that asks before it creates anything. */
    @GetMapping("/signup/confirm")
    String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        boolean waiting = accounts.signUpWaiting(token);
        if (!waiting) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("waiting", waiting);
        model.addAttribute("token", token);
        return "signup-confirm";
    }

    /** Creates the account; its owner then logs in with the password they chose. */
    @PostMapping("/signup/confirm")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (!accounts.signUpWaiting(token)) {
            return confirmPage(token, model, response);
        }
        accounts.confirmSignUp(token);
        return "redirect:/login?confirmed";
    }

    /** Signed in at once, through the same authentication as the log-in form. */
    private void signIn(SignUpForm form, HttpServletRequest request, HttpServletResponse response) {
        var signedIn = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(form.email().strip(), form.password()));
        request.getSession(true);
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
