package com.switchboard.accounts.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.Role;

/** The principal kept in a session or built from a token. Small, since sessions live in PostgreSQL. */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final UUID accountId;
    private final String email;
    private final Role role;
    private final boolean active;
    private String passwordHash;

    public SignedInUser(UUID userId, UUID accountId, String email, Role role, boolean active, String passwordHash) {
        this.userId = userId;
        this.accountId = accountId;
        this.email = email;
        this.role = role;
        this.active = active;
        this.passwordHash = passwordHash;
    }

    public static SignedInUser of(Actor actor, String email) {
        return new SignedInUser(actor.userId(), actor.accountId(), email, actor.role(), true, null);
    }

    public UUID userId() {
        return userId;
    }

    public UUID accountId() {
        return accountId;
    }

    public Actor actor() {
        return new Actor(accountId, userId, role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + userId + "]";
    }
}
