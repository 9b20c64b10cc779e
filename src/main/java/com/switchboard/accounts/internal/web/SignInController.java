package com.switchboard.accounts.internal.web;

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

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.TimeZones;
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
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SignInController(Accounts accounts, AuthenticationManager authentication, ClientLimits clients) {
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
            accounts.signUp(form.signUp());
            signIn(form, request, response);
            return "redirect:/";
        }, () -> {
            model.addAttribute("guessTimeZone", false);
            model.addAttribute("timeZones", TimeZones.selectable());
            return "signup";
        });
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
