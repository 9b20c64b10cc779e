package com.switchboard.accounts.internal;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Email and password authentication behind two throttles, checked before any password: the
 * client's failed log-ins ({@link ClientLimits}), and the email's ({@link LoginThrottle}), which a
 * browser the email logged in from before ({@link KnownDevices}) is spared.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final ClientLimits clients;
    private final KnownDevices devices;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, ClientLimits clients,
            KnownDevices devices) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.clients = clients;
        this.devices = devices;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        var from = authentication.getDetails() instanceof LoginDetails details ? details : null;
        if (from != null) {
            var clientWait = clients.waitFor(ClientLimits.Kind.FAILED_LOGIN, from.client());
            if (clientWait.isPresent()) {
                throw new TooManyAttemptsException(clientWait.get(), true);
            }
        }
        if (from == null || !devices.knows(from.deviceToken(), email)) {
            var emailWait = throttle.waitFor(email);
            if (emailWait.isPresent()) {
                throw new TooManyAttemptsException(emailWait.get(), false);
            }
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.clear(email);
            // The signed-in authentication is kept in the session: with the client's address only,
            // not the device cookie's token.
            if (from != null && result instanceof AbstractAuthenticationToken signedIn) {
                signedIn.setDetails(from.client());
            }
            return result;
        }
        catch (BadCredentialsException e) {
            throttle.recordFailure(email);
            if (from != null) {
                clients.count(ClientLimits.Kind.FAILED_LOGIN, from.client());
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
