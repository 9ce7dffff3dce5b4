package io.tenmail.admin.api.dto;

import java.util.List;

/** {@code {items, total, offset, limit}}: one page of a longer list and the length of the whole list. */
public record PageDto<T>(List<T> items, long total, int offset, int limit) {
}
