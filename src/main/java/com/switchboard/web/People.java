package com.switchboard.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Everyone of the viewer's account, loaded at most once per page, on first use. Pages look names
 * up here by id, so a page costs the same queries however many names it shows.
 */
public final class People {

    private final Supplier<List<Person>> loader;
    private Map<UUID, Person> byId;

    /** Builds the people of an account (the web module's directory does). */
    public interface Loader {
        People of(UUID accountId);
    }

    public People(Supplier<List<Person>> loader) {
        this.loader = loader;
    }

    /** The person with that id, or null for no one (an unassigned conversation). */
    public Person of(UUID id) {
        if (id == null) {
            return null;
        }
        return byId().getOrDefault(id, Person.unknown(id));
    }

    /**
     * Those whose away bubble names this person as their delegate: when this person's own away
     * status changes, what those bubbles say changes too (R5).
     */
    public List<Person> coveredBy(UUID delegateId) {
        return byId().values().stream()
                .filter(p -> p.isAway() && delegateId.equals(p.away().coverage().delegateId()))
                .toList();
    }

    /** Active teammates by name: the ones offered in pickers. */
    public List<Person> active() {
        return byId().values().stream().filter(Person::active)
                .sorted(Comparator.comparing(p -> p.name().toLowerCase())).toList();
    }

    private Map<UUID, Person> byId() {
        if (byId == null) {
            var map = new LinkedHashMap<UUID, Person>();
            loader.get().forEach(p -> map.put(p.id(), p));
            byId = map;
        }
        return byId;
    }
}
