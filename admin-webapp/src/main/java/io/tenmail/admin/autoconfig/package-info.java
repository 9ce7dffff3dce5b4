/**
 * Client autoconfiguration, served beside the admin API without authentication: Thunderbird's
 * autoconfig, Outlook's autodiscover, and (through {@code /api/v1/self/mobileconfig}) an Apple
 * profile, all built by {@link io.tenmail.admin.autoconfig.ClientConfigs} from the configured
 * host name and ports ({@link io.tenmail.admin.autoconfig.MailEndpoints}). No JAX-RS here.
 */
package io.tenmail.admin.autoconfig;
