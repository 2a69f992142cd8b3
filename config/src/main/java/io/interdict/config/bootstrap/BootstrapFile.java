package io.interdict.config.bootstrap;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The partners and sharing agreements a deployment starts with (PRODUCT.md §6: "the demo partners
 * and agreements are enrolled from a bootstrap file on first start"). Read and validated by {@link
 * BootstrapFileReader}; the gateway turns each entry into commands, and so into events.
 */
public record BootstrapFile(List<PartnerEntry> partners, List<AgreementEntry> agreements) {

    public BootstrapFile {
        partners = partners == null ? List.of() : List.copyOf(partners);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
    }

    /** A partner to enrol. */
    public record PartnerEntry(String id, PartnerKind kind, String displayName, Set<PartnerRole> roles) {
        public PartnerEntry {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /** A sharing agreement to sign; {@code validUntil} null means open-ended. */
    public record AgreementEntry(
            String provider,
            String recipient,
            Set<RecordKind> kinds,
            Tlp maxMarking,
            Instant validFrom,
            Instant validUntil) {
        public AgreementEntry {
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        }
    }
}
