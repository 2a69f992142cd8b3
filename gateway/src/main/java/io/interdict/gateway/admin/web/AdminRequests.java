package io.interdict.gateway.admin.web;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/** Bodies of the {@code /api/v1/admin} endpoints (PRODUCT.md §6, §8). */
final class AdminRequests {

    /** Partner ids: the same shape as the audience of a share. */
    static final String PARTNER_ID = "[a-z0-9][a-z0-9-]{0,62}";

    private AdminRequests() {}

    /** {@code POST /api/v1/admin/partners}. */
    record Enrol(
            @NotBlank @Size(max = 64) @Pattern(regexp = PARTNER_ID)
            String id,

            @NotNull PartnerKind kind,
            @NotBlank @Size(max = 200) String displayName,
            @Size(max = 10) Set<@NotNull PartnerRole> roles) {}

    /** {@code POST …/suspension} and {@code …/reinstatement}. */
    record Reason(@NotBlank @Size(max = 1000) String reason) {}

    /** {@code POST /api/v1/admin/agreements}; {@code validFrom} defaults to now, no {@code validUntil} is open-ended. */
    record SignAgreement(
            @NotBlank @Size(max = 64) @Pattern(regexp = PARTNER_ID)
            String provider,

            @NotBlank @Size(max = 64) @Pattern(regexp = PARTNER_ID)
            String recipient,

            @NotEmpty @Size(max = 10) Set<@NotNull RecordKind> kinds,
            @NotNull Tlp maxMarking,
            Instant validFrom,
            Instant validUntil) {}
}
