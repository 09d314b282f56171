package com.orderflow.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The log context of ids whose context never changes (an order's number, the request a process instance
 * works for), so a busy order costs one lookup, not one per step. Only found values are kept: a link not
 * stored yet is looked up again next time.
 */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    Optional<V> get(K key, Function<K, Optional<V>> lookup) {
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<V> found = lookup.apply(key);
        found.ifPresent(value -> {
            synchronized (entries) {
                entries.put(key, value);
            }
        });
        return found;
    }
}
