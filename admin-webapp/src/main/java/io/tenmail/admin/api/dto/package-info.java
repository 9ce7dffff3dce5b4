/**
 * The JSON shapes of the admin API as records: {@code *Dto} for what the server returns (each with
 * a {@code from} factory over the storage model) and {@code *Request} for request bodies. Request
 * fields are boxed and nullable: a missing field is {@code null}, and the resource reports it by
 * name. Times are ISO-8601, ids are numbers.
 */
package io.tenmail.admin.api.dto;
