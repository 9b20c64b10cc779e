package com.switchboard.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One business, the tenant.
 *
 * @param country ISO 3166 code; the default region for phone numbers typed without a country code
 * @param awayFallback what happens when an away user's delegate is away too (R18)
 */
public record Account(UUID id, String name, ZoneId timeZone, String country, Instant createdAt,
        AwayFallback awayFallback) {
}
