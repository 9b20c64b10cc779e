package com.switchboard.accounts.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.csrf.CsrfException;

import com.switchboard.accounts.Access;
import com.switchboard.accounts.AccessEnded;
import com.switchboard.accounts.ApiTokens;
import com.switchboard.accounts.Users;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two ways in. Pages: form login and a session (kept in PostgreSQL), with CSRF on every form and
 * htmx request. The API: a bearer token, or the browser's session with its CSRF token.
 * Role checks live in the services, so that pages and API refuse the same things.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(SignedInUsers users, PasswordEncoder passwordEncoder,
            LoginThrottle throttle) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        // Say "deactivated" only to someone who knows the password, so guessing reveals nothing.
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Deactivated");
            }
        });
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens,
            Users users, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        // The end of a live stream: its request was authorized when it began.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/signup", "/api/v1/tokens").permitAll()
                        // The documentation is a page for anyone, signed in or not.
                        .requestMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**").permitAll()
                        .anyRequest().authenticated())
                // A bearer token is not a cookie, so it cannot be forged cross-site; the session can.
                .csrf(csrf -> csrf
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null)
                        .ignoringRequestMatchers("/api/v1/signup", "/api/v1/tokens"))
                .addFilterBefore(new ApiTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new CurrentUserFilter(users, problems), AuthorizationFilter.class)
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(response, HttpStatus.UNAUTHORIZED, "error.unauthorized",
                                        "error.unauthorized.detail"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "error.forbidden",
                                        e instanceof CsrfException ? "error.csrf" : "error.forbidden.detail")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager, Users users,
            ProblemResponses problems, ApplicationEventPublisher events) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        // The SMS provider's webhooks: each request is checked by its signature instead.
                        .requestMatchers("/webhooks/**").permitAll()
                        .requestMatchers("/login", "/signup", "/assets/**", "/webjars/**", "/sw.js",
                                "/favicon.ico", "/error", "/actuator/health/**", "/actuator/prometheus",
                                "/v3/api-docs/**", "/api/docs/**", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new CurrentUserFilter(users, problems), AuthorizationFilter.class)
                // A webhook is signed by the provider and carries no session: nothing to forge.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(loginFailure())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll()
                        .addLogoutHandler(announceLogout(events)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /** Runs before the session is invalidated, so that what stays open on it (live streams) closes too. */
    private static LogoutHandler announceLogout(ApplicationEventPublisher events) {
        return (request, response, authentication) -> {
            var session = request.getSession(false);
            if (session != null && authentication != null
                    && authentication.getPrincipal() instanceof SignedInUser user) {
                events.publishEvent(new AccessEnded(user.accountId(), user.userId(),
                        Access.forSession(user.accountId(), user.userId(), session.getId())));
            }
        };
    }

    /**
     * Says why a login failed without telling whether an email exists, and keeps the email typed
     * (in the session, not in the address) so that only the password is typed again.
     */
    private static AuthenticationFailureHandler loginFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String email = request.getParameter("email");
            if (email != null && email.length() <= 320) {
                request.getSession().setAttribute(SignInPage.LAST_EMAIL, email);
            }
            String reason = e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
