package com.switchboard.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.switchboard.accounts.Access;
import com.switchboard.accounts.AccessEnded;
import com.switchboard.accounts.ApiTokens;
import com.switchboard.accounts.SignedIn;
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
    // Nothing of this is used; a script that slipped in could not ask for it either.
    private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    private static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 3600;

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(SignedInUsers users, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, ClientLimits clients, KnownDevices devices) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        // Say "deactivated" only to someone who knows the password, so guessing reveals nothing.
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Deactivated");
            }
        });
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, clients, devices));
    }

    /**
     * Metrics tell every account's volume: only for whoever holds the operator's own token
     * ({@code switchboard.metrics-token}), as a bearer token. Without one set, nobody.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metricsSecurity(HttpSecurity http, @Value("${switchboard.metrics-token:}") String metricsToken)
            throws Exception {
        byte[] expected = ("Bearer " + metricsToken).getBytes(StandardCharsets.UTF_8);
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests.anyRequest().access((authentication, context) -> {
                    String given = context.getRequest().getHeader("Authorization");
                    return new AuthorizationDecision(!metricsToken.isBlank() && given != null
                            && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8)));
                }))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
                    response.sendError(HttpStatus.UNAUTHORIZED.value());
                }));
        return http.build();
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
                // A bearer token is not a cookie: a browser never sends it by itself, so a request it
                // authenticated cannot be forged cross-site. Any other request may ride on the session
                // cookie (and a browser adds a proxy's Basic credentials by itself): it needs the CSRF
                // token. The token filter runs first, so that only a token it accepted counts.
                .addFilterBefore(new ApiTokenFilter(tokens, problems), CsrfFilter.class)
                // A request without a session cookie carries no ambient credential to abuse either:
                // it goes on to authentication, and is answered 401 if it has none.
                .csrf(csrf -> csrf
                        .ignoringRequestMatchers(request -> request.getAttribute(SignedIn.TOKEN_ID_ATTRIBUTE) != null)
                        .ignoringRequestMatchers(request -> request.getRequestedSessionId() == null)
                        .ignoringRequestMatchers("/api/v1/signup", "/api/v1/tokens"))
                .addFilterBefore(new CurrentUserFilter(users, problems), AuthorizationFilter.class)
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfiguration::headers)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"switchboard\"");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "error.unauthorized",
                                    "error.unauthorized.detail");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "error.forbidden",
                                        e instanceof CsrfException ? "error.csrf" : "error.forbidden.detail")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager, Users users,
            ProblemResponses problems, ApplicationEventPublisher events, KnownDevices devices) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        // The SMS provider's webhooks: each request is checked by its signature instead.
                        .requestMatchers("/webhooks/**").permitAll()
                        // The calendar feed (R24): calendar programs send no cookie; the secret token opens it.
                        .requestMatchers(HttpMethod.GET, "/calendar/feed/*").permitAll()
                        .requestMatchers("/login", "/signup", "/signup/sent", "/signup/confirm", "/assets/**", "/webjars/**", "/sw.js",
                                "/favicon.ico", "/error", "/actuator/health/**",
                                "/v3/api-docs/**", "/api/docs/**", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new CurrentUserFilter(users, problems), AuthorizationFilter.class)
                // A webhook is signed by the provider and carries no session: nothing to forge.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .authenticationDetailsSource(LoginDetails::of)
                        .successHandler(rememberDevice(devices))
                        .failureHandler(loginFailure())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll()
                        .addLogoutHandler(announceLogout(events)))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * The same headers on pages and API. HSTS goes with every https answer (behind the TLS proxy,
     * X-Forwarded-Proto makes the request https; see server.forward-headers-strategy).
     */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(true))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN));
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

    /** After a log-in, the browser is known to this email (KnownDevices); then on to where it was going. */
    private static AuthenticationSuccessHandler rememberDevice(KnownDevices devices) {
        var onwards = new SavedRequestAwareAuthenticationSuccessHandler();
        onwards.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            devices.remember(request.getParameter("email"), request, response);
            onwards.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * Says why a login failed without telling whether an email exists, and keeps the email typed
     * (in the session, not in the address) so that only the password is typed again. A client
     * over its limit gets 429 with Retry-After, on the error page.
     */
    private static AuthenticationFailureHandler loginFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof TooManyAttemptsException tooMany && tooMany.fromClient()) {
                response.setHeader("Retry-After", String.valueOf(tooMany.waitTime().toSeconds()));
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
                return;
            }
            String email = request.getParameter("email");
            if (email != null && email.length() <= 320) {
                request.getSession().setAttribute(SignInPage.LAST_EMAIL, email);
            }
            String reason = e instanceof TooManyAttemptsException ? "locked"
                    : e instanceof DisabledException ? "disabled" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
