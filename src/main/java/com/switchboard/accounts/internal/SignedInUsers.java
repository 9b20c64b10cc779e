package com.switchboard.accounts.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads a login's credentials by email. */
@Component
class SignedInUsers implements UserDetailsService {

    private final UserRepository users;

    SignedInUsers(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return users.credentials(email)
                .map(c -> new SignedInUser(c.userId(), c.accountId(), c.email(), c.role(), c.active(), c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
