package com.switchboard.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Everyone of the viewer's account, loaded at most once per page, on first use. Pages look names
 * up here by id, so a page costs the same queries however many names it shows; and they print
 * each name as the one name fragment renders it ({@code th:utext="${people.html(id)}"}).
 */
public final class People {

    private final Supplier<Directory> loader;
    private final Renderer renderer;
    private Directory directory;
    private Map<UUID, Person> byId;

    /**
     * Everyone of an account as read at one time, and a stamp that differs from every other
     * reading's: equal stamps mean every name and away status reads the same.
     */
    public record Directory(long stamp, List<Person> people) {
    }

    /** Builds the people of an account (the web module's directory does). */
    public interface Loader {
        People of(UUID accountId);
    }

    /** Renders the name fragment for this page's viewer (see {@link NameFragments}). */
    public interface Renderer {
        String render(Person person, boolean inControl);
    }

    public People(Supplier<Directory> loader, Renderer renderer) {
        this.loader = loader;
        this.renderer = renderer;
    }

    /** The person's name as the name fragment renders it (R11); null is nobody ("Unassigned"). */
    public String html(UUID id) {
        return renderer.render(of(id), false);
    }

    /** The same, inside a link or a button: the clock is a picture, its words part of the control's name. */
    public String htmlInControl(UUID id) {
        return renderer.render(of(id), true);
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

    /**
     * What fragments that show people put in their cache key ({@code #cached}): it changes
     * whenever anything about anyone of the account does.
     */
    public long stamp() {
        return directory().stamp();
    }

    private Directory directory() {
        if (directory == null) {
            directory = loader.get();
        }
        return directory;
    }

    private Map<UUID, Person> byId() {
        if (byId == null) {
            var map = new LinkedHashMap<UUID, Person>();
            directory().people().forEach(p -> map.put(p.id(), p));
            byId = map;
        }
        return byId;
    }
}
