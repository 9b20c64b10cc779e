package com.switchboard.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.core.io.ClassPathResource;

/**
 * The time zones people pick from, and the country each belongs to (the tz database's
 * {@code zone.tab}), so that an account in America/Toronto parses phone numbers as Canadian.
 */
public final class TimeZones {

    private static final Map<String, String> COUNTRY_BY_ZONE = load();

    private TimeZones() {
    }

    /** Zone ids in alphabetical order, as offered in pickers. */
    public static List<String> selectable() {
        return List.copyOf(COUNTRY_BY_ZONE.keySet());
    }

    /** The zone for an IANA id such as {@code America/Toronto}, if it is one. */
    public static Optional<ZoneId> parse(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(id.trim());
            // Offsets such as "+02:00" are not places; people live in named zones.
            return zone.getId().contains("/") || zone.getId().equals("UTC") ? Optional.of(zone) : Optional.empty();
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** ISO 3166 country of a zone; {@code US} for zones that belong to no single country. */
    public static String country(ZoneId zone) {
        return COUNTRY_BY_ZONE.getOrDefault(zone.getId(), "US");
    }

    private static Map<String, String> load() {
        Map<String, String> map = new TreeMap<>();
        var resource = new ClassPathResource("tz/zone-country.tsv");
        try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t"))
                    .forEach(cols -> map.put(cols[1], cols[0]));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        map.put("UTC", "US");
        return map;
    }
}
