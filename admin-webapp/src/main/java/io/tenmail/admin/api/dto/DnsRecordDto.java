package io.tenmail.admin.api.dto;

import io.tenmail.admin.autoconfig.DnsRecords;

/** {@code DnsRecord {name, type, value, purpose}}: one record a domain should publish. */
public record DnsRecordDto(String name, String type, String value, String purpose) {
    public static DnsRecordDto from(DnsRecords.Record r) {
        return new DnsRecordDto(r.name(), r.type(), r.value(), r.purpose());
    }
}
