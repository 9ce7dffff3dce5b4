package io.tenmail.admin.api.dto;

import java.util.List;

/** {@code {items:[Account], total, offset, limit}}: one page of accounts and the size of the whole list. */
public record AccountPageDto(List<AccountDto> items, long total, int offset, int limit) {
}
