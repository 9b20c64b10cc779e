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
