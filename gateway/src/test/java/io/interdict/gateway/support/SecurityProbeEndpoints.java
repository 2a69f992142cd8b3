package io.interdict.gateway.support;

import io.interdict.gateway.security.AuthenticatedPartner;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints under {@code /api/v1/test} to exercise authentication and authorization. */
@TestConfiguration(proxyBeanMethods = false)
@RestController
public class SecurityProbeEndpoints {

    @GetMapping("/api/v1/test/whoami")
    Map<String, Object> whoami(AuthenticatedPartner partner) {
        return Map.of("partnerId", partner.partnerId(), "scopes", new TreeSet<>(partner.scopes()));
    }

    @GetMapping("/api/v1/test/shares-write")
    @PreAuthorize("hasAuthority('SCOPE_shares:write')")
    Map<String, Object> sharesWrite(AuthenticatedPartner partner) {
        return Map.of("partnerId", partner.partnerId());
    }
}
