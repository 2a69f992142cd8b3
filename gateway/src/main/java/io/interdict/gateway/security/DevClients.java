package io.interdict.gateway.security;

import java.util.List;
import java.util.Set;

/**
 * The demo partners of the built-in development issuer (PRODUCT.md §1 and §6, "Out of the box"):
 * their client ids, kinds and the scopes each kind needs. The README lists the same table.
 */
final class DevClients {

    record DevClient(String clientId, String kind, Set<String> scopes) {

        /** The documented development secret; stored only as a bcrypt hash. */
        String devSecret() {
            return clientId + "-dev-secret";
        }
    }

    static final String SIGNAL_PROVIDER = "SIGNAL_PROVIDER";
    static final String INVESTIGATOR = "INVESTIGATOR";
    static final String BORDER_AUTHORITY = "BORDER_AUTHORITY";
    static final String AUDITOR = "AUDITOR";
    static final String OPERATOR = "OPERATOR";

    static final List<DevClient> ALL = List.of(
            new DevClient(
                    "amazon",
                    SIGNAL_PROVIDER,
                    Set.of("shares:write", "shares:read", "keys:manage", "investigations:read")),
            new DevClient(
                    "dhl",
                    SIGNAL_PROVIDER,
                    Set.of("shares:write", "shares:read", "keys:manage", "investigations:read", "inspections:execute")),
            new DevClient(
                    "ipr-center",
                    INVESTIGATOR,
                    Set.of(
                            "shares:read",
                            "inspections:request",
                            "investigations:write",
                            "investigations:read",
                            "keys:manage")),
            new DevClient(
                    "cbp",
                    BORDER_AUTHORITY,
                    Set.of("shares:read", "inspections:request", "inspections:execute", "keys:manage")),
            new DevClient("auditor", AUDITOR, Set.of("audit:read", "shares:read", "investigations:read")),
            new DevClient("operator", OPERATOR, Set.of("admin")));

    private DevClients() {}
}
