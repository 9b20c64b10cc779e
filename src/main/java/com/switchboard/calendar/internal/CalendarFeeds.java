package com.switchboard.calendar.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.Actor;
import com.switchboard.system.Deployment;

/**
 * Each user's secret address of the calendar feed (R24): made, made again (the old address stops
 * working at once) and turned off from Your settings. The token is 256 random bits, given out once
 * and kept only as its SHA-256, so that a copy of the database opens no one's feed.
 */
@Service
public class CalendarFeeds {

    /** Whose feed a token opens. */
    public record Owner(UUID accountId, UUID userId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedRepository feeds;
    private final Deployment deployment;
    private final Clock clock;

    CalendarFeeds(CalendarFeedRepository feeds, Deployment deployment, Clock clock) {
        this.feeds = feeds;
        this.deployment = deployment;
        this.clock = clock;
    }

    /** Whose feed a token opens: an active user's current token, else nothing. */
    public Optional<Owner> ownerOf(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return feeds.ownerOf(hash(token));
    }

    /** A new address for the caller's feed, in place of the old one; the address is shown only now. */
    @Transactional
    public String renew(Actor actor) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        feeds.replace(actor.accountId(), actor.userId(), hash(token), clock.instant());
        return url(token);
    }

    /** Turns the caller's feed off: its address answers 404 from now on. */
    public void turnOff(Actor actor) {
        feeds.delete(actor.accountId(), actor.userId());
    }

    /** Since when the caller's current address exists; empty when their feed is off. */
    public Optional<Instant> since(Actor actor) {
        return feeds.createdAt(actor.accountId(), actor.userId());
    }

    private String url(String token) {
        return deployment.publicUrl().toString().replaceAll("/$", "") + "/calendar/feed/" + token + ".ics";
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
