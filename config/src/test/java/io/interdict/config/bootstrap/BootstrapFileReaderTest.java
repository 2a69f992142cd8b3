package io.interdict.config.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interdict.domain.common.PartnerKind;
import io.interdict.domain.common.PartnerRole;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BootstrapFileReaderTest {

    private static final String PARTNERS = """
            partners:
              - id: amazon
                kind: SIGNAL_PROVIDER
                displayName: Amazon
                roles: [MARKETPLACE]
              - id: cbp
                kind: BORDER_AUTHORITY
                displayName: CBP
            """;

    private final BootstrapFileReader reader = new BootstrapFileReader();

    private BootstrapFile read(String yaml) {
        return reader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    @Test
    void readsPartnersAndAgreementsWithMarkingsWrittenAsLabels() {
        BootstrapFile file = read(PARTNERS + """
                agreements:
                  - provider: amazon
                    recipient: cbp
                    kinds: [COUNTERFEIT_PRODUCT]
                    maxMarking: "TLP:AMBER+STRICT"
                    validFrom: 2026-01-01T00:00:00Z
                    validUntil: 2027-01-01T00:00:00Z
                """);

        assertThat(file.partners()).hasSize(2);
        assertThat(file.partners().get(0).kind()).isEqualTo(PartnerKind.SIGNAL_PROVIDER);
        assertThat(file.partners().get(0).roles()).containsExactly(PartnerRole.MARKETPLACE);
        assertThat(file.agreements()).singleElement().satisfies(agreement -> {
            assertThat(agreement.maxMarking()).isEqualTo(Tlp.AMBER_STRICT);
            assertThat(agreement.kinds()).containsExactly(RecordKind.COUNTERFEIT_PRODUCT);
            assertThat(agreement.validUntil()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        });
    }

    @Test
    void anUnknownFieldIsRefusedNamingIt() {
        assertThatThrownBy(() -> read(PARTNERS.replace("displayName: CBP", "displayName: CBP\n    colour: blue")))
                .isInstanceOf(InvalidBootstrapFileException.class)
                .hasMessageContaining("test.yml")
                .hasMessageContaining("colour");
    }

    @Test
    void anUnknownMarkingIsRefusedListingTheAcceptedOnes() {
        assertThatThrownBy(() -> read(PARTNERS + """
                        agreements:
                          - provider: amazon
                            recipient: cbp
                            kinds: [FRAUD]
                            maxMarking: "TLP:PURPLE"
                            validFrom: 2026-01-01T00:00:00Z
                        """))
                .isInstanceOf(InvalidBootstrapFileException.class)
                .hasMessageContaining("TLP:PURPLE")
                .hasMessageContaining("TLP:AMBER+STRICT");
    }

    @Test
    void anAgreementWithAPartnerTheFileDoesNotEnrolIsRefused() {
        assertThatThrownBy(() -> read(PARTNERS + """
                        agreements:
                          - provider: amazon
                            recipient: interpol
                            kinds: [FRAUD]
                            maxMarking: "TLP:GREEN"
                            validFrom: 2026-01-01T00:00:00Z
                        """))
                .isInstanceOf(InvalidBootstrapFileException.class)
                .hasMessageContaining("agreements[0].recipient: partner 'interpol' is not among the file's partners");
    }

    @Test
    void aPartnerListedTwiceIsRefused() {
        assertThatThrownBy(() -> read(PARTNERS + "  - id: cbp\n    kind: AUDITOR\n    displayName: again\n"))
                .isInstanceOf(InvalidBootstrapFileException.class)
                .hasMessageContaining("partners[2].id: partner 'cbp' is listed twice");
    }

    @Test
    void aValidityWindowThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> read(PARTNERS + """
                        agreements:
                          - provider: amazon
                            recipient: cbp
                            kinds: [FRAUD]
                            maxMarking: "TLP:GREEN"
                            validFrom: 2026-06-01T00:00:00Z
                            validUntil: 2026-01-01T00:00:00Z
                        """))
                .isInstanceOf(InvalidBootstrapFileException.class)
                .hasMessageContaining("validUntil: expected after validFrom");
    }

    @Test
    void aPartnerIdThatIsNotAClientIdIsRefused() {
        assertThatThrownBy(() -> read(PARTNERS.replace("id: amazon", "id: Amazon Inc")))
                .isInstanceOf(InvalidBootstrapFileException.class)
                .hasMessageContaining("partners[0].id: expected lower-case letters");
    }
}
