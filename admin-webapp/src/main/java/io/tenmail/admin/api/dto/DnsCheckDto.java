package io.tenmail.admin.api.dto;

import io.tenmail.admin.autoconfig.DnsCheck;

import java.util.List;

/**
 * {@code DnsCheck {name, type, expected, found, status, purpose}}: one record the domain should
 * publish and what the server's resolvers found of its kind; status is ok, missing, different or
 * lookup-failed.
 */
public record DnsCheckDto(String name, String type, String expected, List<String> found, String status, String purpose) {
    public static DnsCheckDto from(DnsCheck.Checked c) {
        return new DnsCheckDto(c.expected().name(), c.expected().type(), c.expected().value(), c.found(), c.status().code(),
                c.expected().purpose());
    }
}
