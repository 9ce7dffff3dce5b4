package io.tenmail.storage.model;

import java.util.List;

/** One page of a longer, ordered list, and how many items the whole list has. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }
}
