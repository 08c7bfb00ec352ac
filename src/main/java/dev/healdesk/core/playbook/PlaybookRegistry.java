package dev.healdesk.core.playbook;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The playbooks Healdesk knows, by name: what a pattern or a diagnosis may propose. */
public final class PlaybookRegistry {
    private final Map<String, Playbook> byName = new LinkedHashMap<>();

    public PlaybookRegistry register(Playbook playbook) {
        if (byName.putIfAbsent(playbook.name(), playbook) != null) {
            throw new IllegalArgumentException("Two playbooks named " + playbook.name());
        }
        return this;
    }

    public Optional<Playbook> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public Collection<Playbook> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    public SortedSet<String> names() {
        return new TreeSet<>(byName.keySet());
    }
}
